package dev.kiln.learn.cluster;

/** Distances between centres, which bound how far a row's nearest centre can be. */
final class CentreGaps {
    private CentreGaps() {
    }

    /** The k × k distances between the rows of {@code centres}. */
    static double[] between(double[] centres, int k, int d) {
        double[] out = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double v = Math.sqrt(SquaredDistances.direct(centres, a * d, centres, b * d, d));
                out[a * k + b] = v;
                out[b * k + a] = v;
            }
        }
        return out;
    }

    /** Half the distance from each centre to its nearest other centre (+∞ for a lone centre). */
    static double[] halfNearest(double[] centres, int k, int d) {
        return halfNearest(between(centres, k, d), k);
    }

    static double[] halfNearest(double[] between, int k) {
        double[] out = new double[k];
        for (int a = 0; a < k; a++) {
            double m = Double.POSITIVE_INFINITY;
            for (int b = 0; b < k; b++) {
                if (b != a) {
                    m = Math.min(m, between[a * k + b]);
                }
            }
            out[a] = m / 2;
        }
        return out;
    }
}
