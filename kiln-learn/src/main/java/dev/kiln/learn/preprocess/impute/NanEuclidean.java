package dev.kiln.learn.preprocess.impute;

import dev.kiln.core.linalg.Blas;

/**
 * Euclidean distances that skip missing coordinates, as scikit-learn's
 * {@code nan_euclidean_distances}: over the coordinates present in both rows,
 * d(x, y) = sqrt(p / present · Σ (x_k − y_k)²), and NaN when no coordinate is present in both.
 * Computed as scikit-learn does, by matrix products: ‖x‖² + ‖y‖² − 2 x·y with missing values
 * zeroed, less the squares of x where y is missing and of y where x is missing; the products
 * run through {@link Blas#dgemm}.
 */
public final class NanEuclidean {
    private NanEuclidean() {
    }

    /**
     * The distances between the rows of {@code x} ({@code m × p}, row-major, NaN = missing) and
     * those of {@code y} ({@code n × p}), as an {@code m × n} row-major array.
     */
    public static double[] distances(double[] x, int m, double[] y, int n, int p) {
        Side a = new Side(x, m, p);
        Side b = new Side(y, n, p);
        double[] d = new double[m * n];
        Blas.dgemm(false, true, m, n, p, -2.0, a.zeroed, 0, p, b.zeroed, 0, p, 0.0, d, 0, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = Math.max(d[i * n + j] + a.norms[i] + b.norms[j], 0.0);
            }
        }
        Blas.dgemm(false, true, m, n, p, -1.0, a.squares, 0, p, b.missing, 0, p, 1.0, d, 0, n);
        Blas.dgemm(false, true, m, n, p, -1.0, a.missing, 0, p, b.squares, 0, p, 1.0, d, 0, n);
        double[] present = new double[m * n];
        Blas.dgemm(false, true, m, n, p, 1.0, a.present, 0, p, b.present, 0, p, 0.0, present, 0, n);
        for (int k = 0; k < d.length; k++) {
            double count = present[k];
            d[k] = count == 0 ? Double.NaN : Math.sqrt(Math.max(d[k], 0.0) / Math.max(1.0, count) * p);
        }
        return d;
    }

    /** One side's matrices: values with missing as 0, their squares, and 0/1 masks of missing and present. */
    private static final class Side {
        final double[] zeroed;
        final double[] squares;
        final double[] missing;
        final double[] present;
        final double[] norms;

        Side(double[] v, int rows, int p) {
            zeroed = new double[rows * p];
            squares = new double[rows * p];
            missing = new double[rows * p];
            present = new double[rows * p];
            norms = new double[rows];
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int k = i * p; k < (i + 1) * p; k++) {
                    boolean gone = Double.isNaN(v[k]);
                    double z = gone ? 0.0 : v[k];
                    zeroed[k] = z;
                    squares[k] = z * z;
                    missing[k] = gone ? 1.0 : 0.0;
                    present[k] = gone ? 0.0 : 1.0;
                    s += z * z;
                }
                norms[i] = s;
            }
        }
    }
}
