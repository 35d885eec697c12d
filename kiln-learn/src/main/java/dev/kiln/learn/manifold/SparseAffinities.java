package dev.kiln.learn.manifold;

import java.util.Arrays;

/**
 * The joint probabilities P of Barnes–Hut t-SNE (van der Maaten, "Accelerating t-SNE using
 * tree-based algorithms", JMLR 2014, §4.1): conditional probabilities over each row's k nearest
 * neighbours, symmetrised as P = (C + Cᵀ) / Σ(C + Cᵀ), stored by rows (CSR) with columns
 * ascending. Immutable.
 */
final class SparseAffinities {
    private final int n;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;

    private SparseAffinities(int n, int[] rowStart, int[] columns, double[] values) {
        this.n = n;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /**
     * P from the row-major n×k neighbour indices and the matching conditional probabilities;
     * a pair that is a neighbour both ways is stored once, with both parts summed.
     */
    static SparseAffinities symmetrised(int[] neighbors, double[] conditional, int n, int k) {
        int[] incoming = new int[n];
        for (int t = 0; t < n * k; t++) {
            incoming[neighbors[t]]++;
        }
        int[] slot = new int[n + 1];
        for (int i = 0; i < n; i++) {
            slot[i + 1] = slot[i] + k + incoming[i];
        }
        int[] fill = Arrays.copyOf(slot, n);
        int[] column = new int[slot[n]];
        double[] value = new double[slot[n]];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int t = i * k + j;
                int at = fill[i]++;
                column[at] = neighbors[t];
                value[at] = conditional[t];
                int back = fill[neighbors[t]]++;
                column[back] = i;
                value[back] = conditional[t];
            }
        }
        int[] rowStart = new int[n + 1];
        int[] outColumns = new int[slot[n]];
        double[] outValues = new double[slot[n]];
        int widest = 0;
        for (int i = 0; i < n; i++) {
            widest = Math.max(widest, slot[i + 1] - slot[i]);
        }
        long[] keys = new long[widest];
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            int m = slot[i + 1] - slot[i];
            for (int e = 0; e < m; e++) {
                keys[e] = ((long) column[slot[i] + e] << 32) | e;
            }
            Arrays.sort(keys, 0, m);
            rowStart[i] = nnz;
            for (int e = 0; e < m; e++) {
                int c = (int) (keys[e] >>> 32);
                double v = value[slot[i] + (int) keys[e]];
                if (nnz > rowStart[i] && outColumns[nnz - 1] == c) {
                    outValues[nnz - 1] += v;
                } else {
                    outColumns[nnz] = c;
                    outValues[nnz++] = v;
                }
            }
        }
        rowStart[n] = nnz;
        double total = 0;
        for (int t = 0; t < nnz; t++) {
            total += outValues[t];
        }
        double scale = 1 / Math.max(total, Math.ulp(1.0));
        double[] normalised = new double[nnz];
        for (int t = 0; t < nnz; t++) {
            normalised[t] = outValues[t] * scale;
        }
        return new SparseAffinities(n, rowStart, Arrays.copyOf(outColumns, nnz), normalised);
    }

    /** This P with every value multiplied by {@code factor} (early exaggeration). */
    SparseAffinities times(double factor) {
        double[] v = values.clone();
        for (int t = 0; t < v.length; t++) {
            v[t] *= factor;
        }
        return new SparseAffinities(n, rowStart, columns, v);
    }

    int rows() {
        return n;
    }

    /** Where each row's entries start in {@link #columns} and {@link #values}, n + 1 offsets; shared, not copied. */
    int[] rowStarts() {
        return rowStart;
    }

    /** The column of every stored entry, row by row; shared, not copied. */
    int[] columns() {
        return columns;
    }

    /** The value of every stored entry, row by row; shared, not copied. */
    double[] values() {
        return values;
    }

    /** P as a dense row-major n×n array. */
    double[] dense() {
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                p[i * n + columns[t]] = values[t];
            }
        }
        return p;
    }
}
