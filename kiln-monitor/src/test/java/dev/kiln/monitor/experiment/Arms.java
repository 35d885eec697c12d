package dev.kiln.monitor.experiment;

import dev.kiln.core.random.Rng;

/** Simulated experiment arms for the tests: Bernoulli conversions drawn unit by unit. */
final class Arms {
    private Arms() {
    }

    static Proportion draw(Rng rng, long units, double rate) {
        return add(rng, new Proportion(0, 0), units, rate);
    }

    /** {@code arm} after {@code units} more units converting at {@code rate}. */
    static Proportion add(Rng rng, Proportion arm, long units, double rate) {
        long successes = 0;
        for (long i = 0; i < units; i++) {
            if (rng.nextDouble() < rate) {
                successes++;
            }
        }
        return new Proportion(arm.trials() + units, arm.successes() + successes);
    }

    /** Whether {@code rate} over {@code trials} lies in the central 99.9% of Binomial(trials, expected), by the normal approximation. */
    static boolean plausibleRate(double rate, int trials, double expected) {
        double sd = Math.sqrt(expected * (1 - expected) / trials);
        return Math.abs(rate - expected) <= 3.29 * sd;
    }
}
