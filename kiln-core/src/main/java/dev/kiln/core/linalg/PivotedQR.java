package dev.kiln.core.linalg;

import dev.kiln.core.parallel.Parallelism;

/**
 * QR with column pivoting, A·P = Q·T (Businger and Golub 1965), with LAPACK's dlaqp2 downdating
 * of the remaining column norms, stopped at the numerical rank: once the largest remaining
 * column norm is at most max(m, n)·ε times the first, the rest is taken as zero. With the
 * trapezoid [T11 T12] factored once more from the right this is a complete orthogonal
 * decomposition, which gives the minimum-norm least-squares solution as LAPACK's dgelsy does.
 * Works in place on columns stored as contiguous rows.
 */
final class PivotedQR {
    private static final double EPSILON = Math.ulp(1.0);
    /** dlaqp2's threshold for recomputing a downdated norm. */
    private static final double RECOMPUTE = Math.sqrt(EPSILON);
    /** Trailing work (multiply-adds) above which a step's reflector is applied on every thread. */
    private static final int PARALLEL_WORK = 1 << 16;

    private final int rows;
    private final int cols;
    /** Column j at [j·rows, (j+1)·rows): t_ij for i ≤ j within the rank, then the reflector. */
    private final double[] columns;
    private final double[] tau;
    private final int[] permutation;
    private final int rank;
    /** One column's worth of room for swapping columns. */
    private final double[] swapBuffer;

    /**
     * Factors the {@code cols} columns of length {@code rows} stored one after another in
     * {@code columns}, which it overwrites; {@code toleranceScale} is the max(m, n) of the
     * original matrix, whose rank this measures.
     */
    PivotedQR(double[] columns, int rows, int cols, int toleranceScale) {
        this.rows = rows;
        this.cols = cols;
        this.columns = columns;
        this.tau = new double[Math.min(rows, cols)];
        this.permutation = new int[cols];
        this.swapBuffer = new double[rows];
        double[] norms = new double[cols];
        double[] reference = new double[cols];
        for (int j = 0; j < cols; j++) {
            permutation[j] = j;
            norms[j] = EuclideanNorm.of(columns, j * rows, rows, 1);
            reference[j] = norms[j];
        }
        double tolerance = -1;
        int k = 0;
        for (; k < tau.length; k++) {
            int pivot = k;
            for (int j = k + 1; j < cols; j++) {
                if (norms[j] > norms[pivot]) {
                    pivot = j;
                }
            }
            if (pivot != k) {
                swap(k, pivot);
                norms[pivot] = norms[k];
                reference[pivot] = reference[k];
            }
            int diagonal = k * rows + k;
            tau[k] = Householder.reflect(columns, diagonal, rows - k, 1);
            double size = Math.abs(columns[diagonal]);
            if (k == 0) {
                tolerance = toleranceScale * EPSILON * size;
            }
            if (size <= tolerance || size == 0) {
                break;
            }
            applyToTrailing(k);
            for (int j = k + 1; j < cols; j++) {
                if (norms[j] != 0) {
                    double ratio = Math.abs(columns[j * rows + k]) / norms[j];
                    double left = Math.max(0, (1 - ratio) * (1 + ratio));
                    double drift = left * (norms[j] / reference[j]) * (norms[j] / reference[j]);
                    if (drift <= RECOMPUTE) {
                        norms[j] = k + 1 < rows ? EuclideanNorm.of(columns, j * rows + k + 1, rows - k - 1, 1) : 0;
                        reference[j] = norms[j];
                    } else {
                        norms[j] *= Math.sqrt(left);
                    }
                }
            }
        }
        this.rank = k;
    }

    int rank() {
        return rank;
    }

    /**
     * The minimum-norm x minimising ‖A·x − c‖₂, for c of {@code rows} elements (overwritten): with
     * the leading rank rows of Qᵀc as d, [T11 T12]ᵀ = Z·L (a thin QR), so [T11 T12] = Lᵀ·Zᵀ and
     * z = Z·L⁻ᵀ·d is the shortest solution; x = P·z.
     */
    double[] minimumNormSolve(double[] c) {
        double[] x = new double[cols];
        if (rank == 0) {
            return x;
        }
        for (int k = 0; k < rank; k++) {
            Householder.applyTo(tau[k], columns, k * rows + k, rows - k, c, k);
        }
        double[] trapezoidT = new double[cols * rank];
        for (int j = 0; j < cols; j++) {
            System.arraycopy(columns, j * rows, trapezoidT, j * rank, Math.min(j + 1, rank));
        }
        QR right = QR.of(Matrix.wrap(cols, rank, trapezoidT));
        double[] w = right.solveTransposedTriangular(c);
        double[] z = right.qTimes(w);
        for (int j = 0; j < cols; j++) {
            x[permutation[j]] = z[j];
        }
        return x;
    }

    private void applyToTrailing(int k) {
        int first = k + 1;
        int count = cols - first;
        int length = rows - k;
        double t = tau[k];
        if (t == 0 || count == 0) {
            return;
        }
        int parts = (long) count * length >= PARALLEL_WORK ? Math.min(Parallelism.threads(), count) : 1;
        Parallelism.forEachPart(parts, part -> {
            int from = first + (int) ((long) count * part / parts);
            int to = first + (int) ((long) count * (part + 1) / parts);
            for (int j = from; j < to; j++) {
                Householder.applyTo(t, columns, k * rows + k, length, columns, j * rows + k);
            }
        });
    }

    private void swap(int a, int b) {
        System.arraycopy(columns, a * rows, swapBuffer, 0, rows);
        System.arraycopy(columns, b * rows, columns, a * rows, rows);
        System.arraycopy(swapBuffer, 0, columns, b * rows, rows);
        int p = permutation[a];
        permutation[a] = permutation[b];
        permutation[b] = p;
    }
}
