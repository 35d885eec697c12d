package dev.kiln.explain.kernel;

import dev.kiln.core.random.Rng;

/** A draw from a discrete distribution by inversion of one uniform number (numpy's {@code choice} with {@code p}). */
public final class WeightedChoice {
    private WeightedChoice() {
    }

    /** Index i with probability {@code p[i]} (the p sum to 1). */
    public static int draw(double[] p, Rng rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }
}
