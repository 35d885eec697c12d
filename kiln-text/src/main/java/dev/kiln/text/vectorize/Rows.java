package dev.kiln.text.vectorize;

import dev.kiln.core.linalg.CsrMatrix;

/** Assembles per-row sorted column and value arrays into one CSR matrix. */
final class Rows {
    private Rows() {
    }

    static CsrMatrix toCsr(int[][] columns, double[][] values, int cols) {
        int n = columns.length;
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + columns[i].length;
        }
        int[] c = new int[start[n]];
        double[] v = new double[start[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(columns[i], 0, c, start[i], columns[i].length);
            System.arraycopy(values[i], 0, v, start[i], values[i].length);
        }
        return new CsrMatrix(n, cols, start, c, v);
    }
}
