package dev.kiln.monitor.experiment;

/**
 * The count, mean and unbiased sample variance of a metric in one arm, the summary the
 * mean-difference tests need; built incrementally by {@link #add} (Welford's update).
 *
 * @param count    observations, ≥ 0
 * @param mean     their mean (0 with none)
 * @param variance their sample variance with n − 1 in the denominator (0 with fewer than two)
 */
public record Moments(long count, double mean, double variance) {
    public static final Moments EMPTY = new Moments(0, 0, 0);

    public Moments {
        if (count < 0 || !(variance >= 0) || Double.isNaN(mean)) {
            throw new IllegalArgumentException("need count >= 0, a mean and variance >= 0, got "
                    + count + ", " + mean + ", " + variance);
        }
    }

    /** The summary of {@code values}. */
    public static Moments of(double... values) {
        Accumulator a = new Accumulator();
        for (double v : values) {
            a.add(v);
        }
        return a.moments();
    }

    /** This summary with one more observation. */
    public Moments add(double value) {
        Accumulator a = new Accumulator(this);
        a.add(value);
        return a.moments();
    }

    /**
     * Welford's running mean and sum of squared deviations, updated in place: for long streams
     * where a new record per value would be waste. Not thread-safe.
     */
    public static final class Accumulator {
        private long n;
        private double mean;
        private double squares;

        public Accumulator() {
        }

        private Accumulator(Moments start) {
            n = start.count;
            mean = start.mean;
            squares = start.count < 2 ? 0 : start.variance * (start.count - 1);
        }

        public void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            squares += delta * (x - mean);
        }

        /** The summary so far. */
        public Moments moments() {
            return new Moments(n, mean, n < 2 ? 0 : Math.max(0, squares / (n - 1)));
        }
    }

    /** The summary of both sets of observations together (Chan, Golub and LeVeque 1979). */
    public Moments merge(Moments other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        double newMean = mean + delta * other.count / n;
        double squares = variance * (count - 1) + other.variance * (other.count - 1)
                + delta * delta * ((double) count * other.count / n);
        return new Moments(n, newMean, Math.max(0, squares / (n - 1)));
    }

    /** The squared standard error of the mean, variance / count. */
    double meanVariance() {
        return variance / count;
    }
}
