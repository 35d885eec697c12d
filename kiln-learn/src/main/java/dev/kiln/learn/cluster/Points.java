package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;

/**
 * Training rows prepared for the centroid methods: row-major, with the column means subtracted
 * (as scikit-learn's k-means does; distances do not change, and the GEMM expansion
 * ‖x‖² − 2x·c + ‖c‖² loses less to cancellation near the origin) and with their squared norms.
 * Read-only once built, so restarts may share it.
 */
final class Points {
    final double[] x;
    final int n;
    final int d;
    final double[] norms;
    final double[] mean;

    private Points(double[] x, int n, int d, double[] mean) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.mean = mean;
        this.norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = Blas.dot(d, x, i * d, x, i * d);
        }
    }

    /** The numeric features of {@code features}, centred; {@code who} is named in errors. */
    static Points of(Frame features, String who) {
        Matrix m = NumericInput.features(features, who);
        int n = m.rows();
        int d = m.cols();
        double[] x = NumericInput.rowMajor(m).clone();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] -= mean[j];
            }
        }
        return new Points(x, n, d, mean);
    }

    /** As {@link #of(Frame, String)}, refusing more clusters than rows. */
    static Points forClusters(Frame features, String who, int clusters) {
        Points p = of(features, who);
        Checks.clustersFit(who, clusters, p.n);
        return p;
    }

    /** The rows {@code rows} (repeats allowed), already centred, as points of their own. */
    Points subset(int[] rows) {
        double[] sub = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * d, sub, i * d, d);
        }
        return new Points(sub, rows.length, d, mean);
    }

    /**
     * scikit-learn's absolute tolerance: {@code tol} times the mean over features of the
     * (population) variance.
     */
    double tolerance(double tol) {
        if (tol == 0) {
            return 0;
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i * d + j];
                s += v * v;
            }
            total += s / n;
        }
        return total / d * tol;
    }

    /** ‖x_i − c‖² for centre c at {@code co} of {@code c}, summed directly. */
    double squaredDistance(int i, double[] c, int co) {
        return SquaredDistances.direct(x, i * d, c, co, d);
    }

    /** Σ ‖x_i − c_{label i}‖², summed directly, part by part in parallel and then in part order. */
    double inertia(double[] centres, int[] labels) {
        RowParts parts = new RowParts(n);
        double[] partial = new double[parts.count()];
        parts.forEach(part -> {
            double s = 0;
            for (int i = parts.from(part); i < parts.to(part); i++) {
                s += squaredDistance(i, centres, labels[i] * d);
            }
            partial[part] = s;
        });
        return RowParts.sum(partial);
    }

    /** Centres in the caller's coordinates (the means added back). */
    double[] uncentred(double[] centres) {
        double[] out = centres.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] += mean[j % d];
        }
        return out;
    }
}
