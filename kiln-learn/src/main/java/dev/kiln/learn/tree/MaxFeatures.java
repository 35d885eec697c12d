package dev.kiln.learn.tree;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How many features a tree considers at each split, scikit-learn's {@code max_features}:
 * all of them ({@code None}), a count, a fraction of the features, or {@code "sqrt"} /
 * {@code "log2"} of their number. Written in model files as {@code "all"}, {@code "sqrt"},
 * {@code "log2"}, an integer ({@code "7"}) or a decimal fraction ({@code "0.5"}).
 *
 * @param rule  which kind of rule
 * @param count the count, for {@link Rule#COUNT}
 * @param fraction the fraction, for {@link Rule#FRACTION}
 */
public record MaxFeatures(Rule rule, int count, double fraction) {

    /** The kinds of rule. */
    public enum Rule { ALL, SQRT, LOG2, COUNT, FRACTION }

    public MaxFeatures {
        if (rule == null) {
            throw new IllegalArgumentException("max_features needs a rule");
        }
        if (rule == Rule.COUNT && count < 1) {
            throw new IllegalArgumentException("max_features must be at least 1 feature, got " + count);
        }
        if (rule == Rule.FRACTION && !(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("max_features as a fraction must be in (0, 1], got " + fraction);
        }
        if (rule != Rule.COUNT) {
            count = 0;
        }
        if (rule != Rule.FRACTION) {
            fraction = 0;
        }
    }

    /** Every feature (scikit-learn's {@code None}). */
    public static MaxFeatures all() {
        return new MaxFeatures(Rule.ALL, 0, 0);
    }

    /** {@code max(1, floor(sqrt(p)))} of the p features. */
    public static MaxFeatures sqrt() {
        return new MaxFeatures(Rule.SQRT, 0, 0);
    }

    /** {@code max(1, floor(log2(p)))} of the p features. */
    public static MaxFeatures log2() {
        return new MaxFeatures(Rule.LOG2, 0, 0);
    }

    /** Exactly {@code n} features (at most p). */
    public static MaxFeatures count(int n) {
        return new MaxFeatures(Rule.COUNT, n, 0);
    }

    /** {@code max(1, floor(fraction · p))} features. */
    public static MaxFeatures fraction(double fraction) {
        return new MaxFeatures(Rule.FRACTION, 0, fraction);
    }

    /**
     * The number of features to draw at each split when there are {@code p}.
     *
     * @throws IllegalArgumentException when a count exceeds {@code p}
     */
    public int resolve(int p) {
        int n = switch (rule) {
            case ALL -> p;
            case SQRT -> (int) Math.sqrt(p);
            case LOG2 -> 31 - Integer.numberOfLeadingZeros(p);
            case COUNT -> count;
            case FRACTION -> (int) (fraction * p);
        };
        if (rule == Rule.COUNT && count > p) {
            throw new IllegalArgumentException("max_features is " + count + " but the data has only " + p + " features");
        }
        return Math.max(1, n);
    }

    /** Parses the forms {@link #toString()} writes. */
    @JsonCreator
    public static MaxFeatures parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "all", "none" -> {
                return all();
            }
            case "sqrt" -> {
                return sqrt();
            }
            case "log2" -> {
                return log2();
            }
            default -> {
                try {
                    if (t.contains(".") || t.contains("e")) {
                        return fraction(Double.parseDouble(t));
                    }
                    return count(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("max_features must be all, sqrt, log2, a count or a fraction, got '"
                            + text + "'");
                }
            }
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (rule) {
            case ALL -> "all";
            case SQRT -> "sqrt";
            case LOG2 -> "log2";
            case COUNT -> Integer.toString(count);
            case FRACTION -> Double.toString(fraction);
        };
    }
}
