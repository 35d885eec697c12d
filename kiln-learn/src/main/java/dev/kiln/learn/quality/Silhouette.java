package dev.kiln.learn.quality;

import dev.kiln.core.linalg.Matrix;

/**
 * Silhouette coefficients (Rousseeuw 1987) as scikit-learn's {@code silhouette_samples}: each
 * row's distance sums to every cluster are gathered from blocks of pairwise distances, so memory
 * stays O(n) while time is O(n²·d).
 */
final class Silhouette {
    private Silhouette() {
    }

    static double[] samples(Matrix x, Labels l) {
        int n = x.rows();
        int k = l.count();
        int[] codes = l.codes();
        int[] sizes = l.sizes();
        double[] out = new double[n];
        new PairwiseDistances(x).scan((row0, rows) -> new PairwiseDistances.RowBlock() {
            private final double[] sums = new double[rows * k];

            @Override
            public void columns(int col0, int cols, double[] squared) {
                for (int r = 0; r < rows; r++) {
                    int o = r * cols;
                    int s = r * k;
                    for (int c = 0; c < cols; c++) {
                        sums[s + codes[col0 + c]] += Math.sqrt(squared[o + c]);
                    }
                }
            }

            @Override
            public void finish() {
                for (int r = 0; r < rows; r++) {
                    int i = row0 + r;
                    int own = codes[i];
                    double a = sums[r * k + own] / (sizes[own] - 1);
                    double b = Double.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        if (c != own) {
                            b = Math.min(b, sums[r * k + c] / sizes[c]);
                        }
                    }
                    double s = (b - a) / Math.max(a, b);
                    out[i] = Double.isNaN(s) ? 0.0 : s;
                }
            }
        });
        return out;
    }
}
