package dev.kiln.learn.neighbors;

/**
 * The Minkowski distance of order p ≥ 1, (Σ|a_j − b_j|^p)^(1/p). Searches compare its p-th
 * power, the reduced distance, which ranks points the same way without the root.
 *
 * <p>Every search computes a point's reduced distance with {@link #reduced}, so each algorithm
 * ranks by the very same floating-point numbers. The per-coordinate terms are summed in four
 * interleaved partial sums (coordinate j into sum j mod 4, then (s0 + s1) + (s2 + s3)), which
 * shortens the chain of dependent additions; {@link #toBox} sums a box's gap terms in the same
 * order, and {@link #fromBox} its farthest-corner terms. Rounding is monotone, so a gap no larger
 * (a reach no smaller) than a point's coordinate difference gives a term, and then a sum, no larger
 * (no smaller) than the point's: the k-d tree's bounds are exact.
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
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= d; j += 4) {
            s0 += term(Math.abs(a[ao + j] - b[bo + j]));
            s1 += term(Math.abs(a[ao + j + 1] - b[bo + j + 1]));
            s2 += term(Math.abs(a[ao + j + 2] - b[bo + j + 2]));
            s3 += term(Math.abs(a[ao + j + 3] - b[bo + j + 3]));
        }
        for (; j < d; j++) {
            s0 += term(Math.abs(a[ao + j] - b[bo + j]));
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The reduced distance from q to the box [lower, upper] (coordinates from {@code bo}): a
     * lower bound of {@link #reduced} for every point in the box, summed in the same order.
     */
    double toBox(double[] q, int qo, double[] lower, double[] upper, int bo, int d) {
        return boxSum(q, qo, lower, upper, bo, d, false);
    }

    /**
     * The reduced distance from q to the farthest corner of the box [lower, upper]: an upper
     * bound of {@link #reduced} for every point in the box, summed in the same order.
     */
    double fromBox(double[] q, int qo, double[] lower, double[] upper, int bo, int d) {
        return boxSum(q, qo, lower, upper, bo, d, true);
    }

    private double boxSum(double[] q, int qo, double[] lower, double[] upper, int bo, int d, boolean farthest) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= d; j += 4) {
            s0 += term(side(q[qo + j], lower[bo + j], upper[bo + j], farthest));
            s1 += term(side(q[qo + j + 1], lower[bo + j + 1], upper[bo + j + 1], farthest));
            s2 += term(side(q[qo + j + 2], lower[bo + j + 2], upper[bo + j + 2], farthest));
            s3 += term(side(q[qo + j + 3], lower[bo + j + 3], upper[bo + j + 3], farthest));
        }
        for (; j < d; j++) {
            s0 += term(side(q[qo + j], lower[bo + j], upper[bo + j], farthest));
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The reduced form of {@code distance}. */
    double reduce(double distance) {
        return term(distance);
    }

    /** The distance whose reduced form is {@code reduced}. */
    double distance(double reduced) {
        return p == 2 ? Math.sqrt(reduced) : p == 1 ? reduced : Math.pow(reduced, 1 / p);
    }

    /** The reduced-distance term of a coordinate difference {@code diff ≥ 0}. */
    private double term(double diff) {
        return p == 2 ? diff * diff : p == 1 ? diff : Math.pow(diff, p);
    }

    /** The gap from v to [lo, hi] (0 inside), or with {@code farthest} its reach to the farther end. */
    private static double side(double v, double lo, double hi, boolean farthest) {
        if (farthest) {
            return Math.max(Math.abs(v - lo), Math.abs(v - hi));
        }
        return v < lo ? lo - v : v > hi ? v - hi : 0;
    }
}
