package dev.kiln.learn.cluster;

import dev.kiln.core.linalg.Blas;

/**
 * Distances from arbitrary rows to fixed centres, for predicting and transforming: GEMM blocks
 * in fixed parts run in parallel. Rows and centres are first shifted by the centres' mean, which
 * leaves distances unchanged and keeps the expansion ‖x‖² − 2x·c + ‖c‖² accurate for data far
 * from the origin. Immutable.
 */
final class CentreQueries {
    private final int k;
    private final int d;
    private final double[] origin;
    private final double[] centres;
    private final double[] norms;

    /** Queries against the {@code k x d} row-major {@code centres}. */
    CentreQueries(double[] centres, int k, int d) {
        this.k = k;
        this.d = d;
        this.origin = new double[d];
        for (int j = 0; j < k; j++) {
            Blas.axpy(d, 1.0 / k, centres, j * d, origin, 0);
        }
        this.centres = shifted(centres, k);
        this.norms = SquaredDistances.norms(this.centres, k, d);
    }

    /**
     * The nearest centre of each of the {@code m} row-major {@code rows} (ties to the first);
     * with {@code squared} non-null, also each row's squared distance to it.
     */
    int[] nearest(double[] rows, int m, double[] squared) {
        int[] labels = new int[m];
        forEachBlock(rows, m, (from, count, block) -> {
            for (int b = 0; b < count; b++) {
                int best = argmin(block, k, count, b);
                labels[from + b] = best;
                if (squared != null) {
                    squared[from + b] = block[best * count + b];
                }
            }
        });
        return labels;
    }

    /** The distances from each of the {@code m} row-major {@code rows} to every centre, row-major m × k. */
    double[] distances(double[] rows, int m) {
        double[] out = new double[m * k];
        forEachBlock(rows, m, (from, count, block) -> {
            for (int b = 0; b < count; b++) {
                for (int j = 0; j < k; j++) {
                    out[(from + b) * k + j] = Math.sqrt(block[j * count + b]);
                }
            }
        });
        return out;
    }

    /**
     * The nearest of the {@code k} centres (in the coordinates of {@code p}) for every row of
     * {@code p}, ties to the first.
     */
    static int[] nearest(Points p, double[] centres, int k) {
        double[] norms = SquaredDistances.norms(centres, k, p.d);
        int[] labels = new int[p.n];
        RowParts parts = new RowParts(p.n);
        parts.forEach(part -> {
            double[] block = new double[SquaredDistances.BLOCK * k];
            for (int row = parts.from(part); row < parts.to(part); row += SquaredDistances.BLOCK) {
                int count = Math.min(SquaredDistances.BLOCK, parts.to(part) - row);
                SquaredDistances.block(p.x, p.norms, row, count, p.d, centres, norms, k, block);
                for (int b = 0; b < count; b++) {
                    labels[row + b] = argmin(block, k, count, b);
                }
            }
        });
        return labels;
    }

    /** The centre of the smallest of {@code block[j * count + b]}, ties to the first. */
    private static int argmin(double[] block, int k, int count, int b) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (block[j * count + b] < block[best * count + b]) {
                best = j;
            }
        }
        return best;
    }

    private interface BlockSink {
        /** Squared distances of rows {@code from} to {@code from + count}, centre-major. */
        void accept(int from, int count, double[] block);
    }

    private void forEachBlock(double[] rows, int m, BlockSink sink) {
        double[] x = shifted(rows, m);
        double[] xn = SquaredDistances.norms(x, m, d);
        RowParts parts = new RowParts(m);
        parts.forEach(part -> {
            double[] block = new double[SquaredDistances.BLOCK * k];
            for (int row = parts.from(part); row < parts.to(part); row += SquaredDistances.BLOCK) {
                int count = Math.min(SquaredDistances.BLOCK, parts.to(part) - row);
                SquaredDistances.block(x, xn, row, count, d, centres, norms, k, block);
                sink.accept(row, count, block);
            }
        });
    }

    private double[] shifted(double[] rows, int m) {
        double[] out = new double[m * d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = rows[i * d + j] - origin[j];
            }
        }
        return out;
    }
}
