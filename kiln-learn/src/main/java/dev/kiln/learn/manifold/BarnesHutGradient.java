package dev.kiln.learn.manifold;

/**
 * The Barnes–Hut t-SNE gradient (van der Maaten, "Accelerating t-SNE using tree-based
 * algorithms", JMLR 2014): attraction exactly over the sparse P, repulsion and its normaliser
 * Z from a {@link SpaceTree} with opening angle θ, O(n log n) per evaluation. As scikit-learn's,
 * the divergence it reports sums over the stored pairs of P only. Rows run in parallel, taken
 * in the tree's order so that neighbouring queries walk the same cells; every row's sums, and
 * the totals over rows, are taken in a fixed order.
 */
final class BarnesHutGradient implements Objective {
    private static final double TINY = Double.MIN_NORMAL;

    private final int n;
    private final int d;
    private final double theta2;
    private final StudentT kernel;
    private final boolean plane;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;

    BarnesHutGradient(SparseAffinities p, int d, double theta, StudentT kernel) {
        this.n = p.rows();
        this.d = d;
        this.theta2 = theta * theta;
        this.kernel = kernel;
        this.plane = d == 2 && kernel.alpha() == 1;
        this.rowStart = p.rowStarts();
        this.columns = p.columns();
        this.values = p.values();
    }

    @Override
    public double gradient(double[] y, double[] grad, boolean computeError) {
        SpaceTree tree = SpaceTree.build(y, n, d);
        double[] rowZ = new double[n];
        double[] repulsive = new double[n * d];
        double[] attractive = new double[n * d];
        RowParts.forEach(n, (from, to) -> {
            int[] stack = tree.newStack();
            double[] force = new double[d];
            for (int t = from; t < to; t++) {
                int i = tree.row(t);
                java.util.Arrays.fill(force, 0);
                rowZ[i] = tree.repulsion(y, i, theta2, kernel, force, stack);
                System.arraycopy(force, 0, repulsive, i * d, d);
                if (plane) {
                    attractPlane(y, i, attractive);
                } else {
                    attract(y, i, attractive);
                }
            }
        });
        double z = RowParts.sum(rowZ);
        double scale = kernel.gradientScale();
        for (int e = 0; e < grad.length; e++) {
            grad[e] = scale * (attractive[e] - repulsive[e] / z);
        }
        return computeError ? divergence(y, z) : Double.NaN;
    }

    /** Σ_j p_ij·u_ij·(y_i − y_j) over row i's stored pairs, into {@code out} at i·d. */
    private void attract(double[] y, int i, double[] out) {
        int yi = i * d;
        for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
            int yj = columns[t] * d;
            double d2 = 0;
            for (int a = 0; a < d; a++) {
                double diff = y[yi + a] - y[yj + a];
                d2 += diff * diff;
            }
            double f = values[t] * kernel.inverse(d2);
            for (int a = 0; a < d; a++) {
                out[yi + a] += f * (y[yi + a] - y[yj + a]);
            }
        }
    }

    /** {@link #attract} in the plane with α = 1. */
    private void attractPlane(double[] y, int i, double[] out) {
        double qx = y[2 * i];
        double qy = y[2 * i + 1];
        double fx = 0;
        double fy = 0;
        for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
            int j = columns[t];
            double dx = qx - y[2 * j];
            double dy = qy - y[2 * j + 1];
            double f = values[t] / (1 + (dx * dx + dy * dy));
            fx += f * dx;
            fy += f * dy;
        }
        out[2 * i] = fx;
        out[2 * i + 1] = fy;
    }

    /** KL(P‖Q) over the stored pairs, with q_ij = w_ij / z. */
    private double divergence(double[] y, double z) {
        double[] rowKl = new double[n];
        RowParts.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double kl = 0;
                for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                    int j = columns[t];
                    double d2 = 0;
                    for (int a = 0; a < d; a++) {
                        double diff = y[i * d + a] - y[j * d + a];
                        d2 += diff * diff;
                    }
                    double q = kernel.similarity(kernel.inverse(d2)) / z;
                    double pij = values[t];
                    kl += pij * Math.log(Math.max(pij, TINY) / Math.max(q, TINY));
                }
                rowKl[i] = kl;
            }
        });
        return RowParts.sum(rowKl);
    }
}
