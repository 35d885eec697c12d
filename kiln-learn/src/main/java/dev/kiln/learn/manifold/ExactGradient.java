package dev.kiln.learn.manifold;

/**
 * The exact t-SNE gradient over all pairs, O(n²) per evaluation (van der Maaten and Hinton
 * 2008, eq. 5, with {@link StudentT}'s degrees of freedom): one pass for the normaliser Z, one
 * for the forces; rows in parallel, every sum in a fixed order.
 */
final class ExactGradient implements Objective {
    private static final double EPSILON = Math.ulp(1.0);

    private final double[] p;
    private final int n;
    private final int d;
    private final StudentT kernel;

    /** @param p the dense row-major n×n joint probabilities */
    ExactGradient(double[] p, int n, int d, StudentT kernel) {
        this.p = p;
        this.n = n;
        this.d = d;
        this.kernel = kernel;
    }

    @Override
    public double gradient(double[] y, double[] grad, boolean computeError) {
        double[] rowZ = new double[n];
        RowParts.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double z = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        z += kernel.similarity(kernel.inverse(squaredDistance(y, i, j)));
                    }
                }
                rowZ[i] = z;
            }
        });
        double z = RowParts.sum(rowZ);
        double scale = kernel.gradientScale();
        double[] rowKl = new double[n];
        RowParts.forEach(n, (from, to) -> {
            double[] force = new double[d];
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(force, 0);
                double kl = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double u = kernel.inverse(squaredDistance(y, i, j));
                    double q = kernel.similarity(u) / z;
                    double pij = p[i * n + j];
                    double f = (pij - q) * u;
                    for (int a = 0; a < d; a++) {
                        force[a] += f * (y[i * d + a] - y[j * d + a]);
                    }
                    if (computeError && pij > 0) {
                        kl += pij * Math.log(Math.max(pij, EPSILON) / Math.max(q, EPSILON));
                    }
                }
                for (int a = 0; a < d; a++) {
                    grad[i * d + a] = scale * force[a];
                }
                rowKl[i] = kl;
            }
        });
        return computeError ? RowParts.sum(rowKl) : Double.NaN;
    }

    private double squaredDistance(double[] y, int i, int j) {
        double s = 0;
        for (int a = 0; a < d; a++) {
            double diff = y[i * d + a] - y[j * d + a];
            s += diff * diff;
        }
        return s;
    }
}
