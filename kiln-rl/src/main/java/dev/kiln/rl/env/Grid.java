package dev.kiln.rl.env;

/** Cell arithmetic of a rows × cols grid numbered row-major, moves clamped at the edges. */
record Grid(int rows, int cols) {

    Grid {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a grid needs at least one row and one column, got " + rows + "x" + cols);
        }
    }

    int cells() {
        return rows * cols;
    }

    int row(int cell) {
        return cell / cols;
    }

    int col(int cell) {
        return cell % cols;
    }

    /** The cell one step from {@code cell} by (dRow, dCol), staying put against a wall. */
    int move(int cell, int dRow, int dCol) {
        int r = Math.min(Math.max(row(cell) + dRow, 0), rows - 1);
        int c = Math.min(Math.max(col(cell) + dCol, 0), cols - 1);
        return r * cols + c;
    }
}
