package dev.kiln.learn.neighbors;

/**
 * The Minkowski distance of order p ≥ 1, (Σ|a_j − b_j|^p)^(1/p). Searches compare its p-th
 * power, the reduced distance, which ranks points the same way without the root.
 *
 * <p>Every search computes a point's reduced distance with {@link #reduced}, one coordinate
 * after another, so each algorithm ranks by the very same floating-point numbers. Rounding is
 * monotone: a coordinate gap no larger than a point's gives a term, and a sum of terms, no
 * larger than the point's, which is what makes the k-d tree's bounds exact.
 */
final class Minkowski {
    private final double p;

    Minkowski(double p) {
        this.p = p;
    }

    boolean euclidean() {
        return p == 2;
    }

    /** Σ|a_j − b_j|^p over the {@code d} coordinates of a at {@code ao} and b at {@code bo}. */
    double reduced(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        if (p == 2) {
            for (int j = 0; j < d; j++) {
                double t = a[ao + j] - b[bo + j];
                s += t * t;
            }
        } else if (p == 1) {
            for (int j = 0; j < d; j++) {
                s += Math.abs(a[ao + j] - b[bo + j]);
            }
        } else {
            for (int j = 0; j < d; j++) {
                s += Math.pow(Math.abs(a[ao + j] - b[bo + j]), p);
            }
        }
        return s;
    }

    /** The reduced-distance term of a coordinate gap {@code gap ≥ 0}. */
    double term(double gap) {
        return p == 2 ? gap * gap : p == 1 ? gap : Math.pow(gap, p);
    }

    /** The distance whose reduced form is {@code reduced}. */
    double distance(double reduced) {
        return p == 2 ? Math.sqrt(reduced) : p == 1 ? reduced : Math.pow(reduced, 1 / p);
    }
}
