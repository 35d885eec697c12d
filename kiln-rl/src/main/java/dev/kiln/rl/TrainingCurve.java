package dev.kiln.rl;

/** The return and length of every training episode, in order, and the wall-clock time training took. */
public record TrainingCurve(double[] returns, int[] lengths, double seconds) {

    public TrainingCurve {
        if (returns.length != lengths.length) {
            throw new IllegalArgumentException(returns.length + " returns but " + lengths.length + " lengths");
        }
        returns = returns.clone();
        lengths = lengths.clone();
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    public int episodes() {
        return returns.length;
    }

    /** The trailing mean of the returns over up to {@code window} episodes ending at each episode. */
    public double[] movingAverage(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the moving-average window must be >= 1, got " + window);
        }
        double[] out = new double[returns.length];
        double sum = 0;
        for (int i = 0; i < returns.length; i++) {
            sum += returns[i];
            if (i >= window) {
                sum -= returns[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** The total number of environment steps taken. */
    public long steps() {
        long total = 0;
        for (int l : lengths) {
            total += l;
        }
        return total;
    }
}
