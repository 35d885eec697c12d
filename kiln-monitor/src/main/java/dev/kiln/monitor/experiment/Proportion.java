package dev.kiln.monitor.experiment;

/**
 * How many of an arm's units converted: {@code successes} of {@code trials}.
 *
 * @param trials    units exposed, ≥ 0
 * @param successes units that converted, between 0 and {@code trials}
 */
public record Proportion(long trials, long successes) {

    public Proportion {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
    }

    /** successes / trials; NaN with no trials. */
    public double rate() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** The variance of one unit's outcome, p(1 − p). */
    double unitVariance() {
        double p = rate();
        return p * (1 - p);
    }
}
