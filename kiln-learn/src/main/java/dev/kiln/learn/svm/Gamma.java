package dev.kiln.learn.svm;

/**
 * The kernel coefficient γ, as scikit-learn gives it: {@link #scale()} (the default),
 * {@link #auto()}, or a number.
 *
 * @param mode  how γ is found
 * @param value γ itself when the mode is VALUE, else 0
 */
public record Gamma(Mode mode, double value) {

    /** How γ is found from the training features X (n rows, d columns). */
    public enum Mode {
        /** 1 / (d · Var(X)), the variance over all entries of X; 1 when that variance is 0. */
        SCALE,
        /** 1 / d */
        AUTO,
        /** a given number */
        VALUE
    }

    public Gamma {
        if (mode == null) {
            throw new IllegalArgumentException("gamma mode must be SCALE, AUTO or VALUE, got null");
        }
        if (mode == Mode.VALUE ? !(value >= 0) || Double.isInfinite(value) : value != 0) {
            throw new IllegalArgumentException(mode == Mode.VALUE
                    ? "gamma must be a finite number >= 0, got " + value
                    : "gamma " + mode + " takes no value, got " + value);
        }
    }

    public static Gamma scale() {
        return new Gamma(Mode.SCALE, 0);
    }

    public static Gamma auto() {
        return new Gamma(Mode.AUTO, 0);
    }

    public static Gamma of(double value) {
        return new Gamma(Mode.VALUE, value);
    }

    /** γ for the {@code rows x cols} row-major training features {@code x}. */
    double resolve(double[] x, int rows, int cols) {
        return switch (mode) {
            case VALUE -> value;
            case AUTO -> 1.0 / cols;
            case SCALE -> {
                double mean = 0;
                for (double v : x) {
                    mean += v;
                }
                mean /= x.length;
                double ss = 0;
                for (double v : x) {
                    ss += (v - mean) * (v - mean);
                }
                double variance = ss / x.length;
                yield variance == 0 ? 1.0 : 1.0 / (cols * variance);
            }
        };
    }
}
