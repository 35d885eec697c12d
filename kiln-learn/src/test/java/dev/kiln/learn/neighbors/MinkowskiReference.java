package dev.kiln.learn.neighbors;

/**
 * The reduced Minkowski distance Σ|a_t − b_t|^p summed as the searches document it: coordinate t
 * into partial sum t mod 4, then (s0 + s1) + (s2 + s3), so that equal distances are equal bit
 * for bit with what the searches compute.
 */
public final class MinkowskiReference {
    private MinkowskiReference() {
    }

    public static double reduced(double[] a, int ao, double[] b, int bo, int dims, double p) {
        double[] partial = new double[4];
        int full = dims / 4 * 4;
        for (int t = 0; t < dims; t++) {
            double diff = Math.abs(a[ao + t] - b[bo + t]);
            partial[t < full ? t % 4 : 0] += p == 2 ? diff * diff : p == 1 ? diff : Math.pow(diff, p);
        }
        return (partial[0] + partial[1]) + (partial[2] + partial[3]);
    }

    public static double reduced(double[] a, double[] b, double p) {
        return reduced(a, 0, b, 0, a.length, p);
    }

    /** The reduced form of a distance, as the searches form it. */
    public static double reduce(double distance, double p) {
        return p == 2 ? distance * distance : p == 1 ? distance : Math.pow(distance, p);
    }
}
