package dev.kiln.learn.manifold;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;

/**
 * The joint probabilities of exact t-SNE (van der Maaten and Hinton 2008, §3.1): conditional
 * probabilities over all other rows, symmetrised as p_ij = (p_{j|i} + p_{i|j}) / 2n, and, as
 * scikit-learn's {@code _joint_probabilities}, floored at machine epsilon off the diagonal.
 */
final class DenseAffinities {
    private static final double EPSILON = Math.ulp(1.0);

    private DenseAffinities() {
    }

    /** P, a dense row-major n×n array with a zero diagonal, for the rows of {@code x} under Minkowski order {@code p}. */
    static double[] of(Matrix x, double perplexity, double p) {
        int n = x.rows();
        int d = x.cols();
        double[] a = NumericInput.rowMajor(x);
        int k = n - 1;
        double[] sq = new double[n * k];
        RowParts.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                int t = i * k;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double dist = distance(a, i * d, j * d, d, p);
                        sq[t++] = dist * dist;
                    }
                }
            }
        });
        double[] conditional = Perplexity.conditional(sq, n, k, perplexity);
        double[] joint = new double[n * n];
        for (int i = 0; i < n; i++) {
            int t = i * k;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    joint[i * n + j] += conditional[t];
                    joint[j * n + i] += conditional[t];
                    t++;
                }
            }
        }
        double total = Math.max(RowParts.sum(joint), EPSILON);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    joint[i * n + j] = Math.max(joint[i * n + j] / total, EPSILON);
                }
            }
        }
        return joint;
    }

    private static double distance(double[] a, int i, int j, int d, double p) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            double diff = Math.abs(a[i + c] - a[j + c]);
            s += p == 2 ? diff * diff : p == 1 ? diff : Math.pow(diff, p);
        }
        return p == 2 ? Math.sqrt(s) : p == 1 ? s : Math.pow(s, 1 / p);
    }
}
