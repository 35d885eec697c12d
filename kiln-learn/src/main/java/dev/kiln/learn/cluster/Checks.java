package dev.kiln.learn.cluster;

/** Hyperparameter checks whose messages name the parameter, the value and the allowed range. */
final class Checks {
    private Checks() {
    }

    static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    static void unitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    static <T> T required(String name, T value, String allowed) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be " + allowed + ", got null");
        }
        return value;
    }

    /** Refuses more clusters than rows: scikit-learn's rule for k-means. */
    static void clustersFit(String who, int clusters, int rows) {
        if (clusters > rows) {
            throw new IllegalArgumentException(who + ": nClusters = " + clusters + " exceeds the " + rows
                    + " rows; use at most " + rows);
        }
    }
}
