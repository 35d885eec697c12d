package dev.kiln.learn.tree;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weights per class, scikit-learn's {@code class_weight}: none (every row weighs 1),
 * {@code "balanced"} (class k weighs {@code n / (classes · n_k)}, so each class carries the
 * same total weight), or a weight per class name (classes not named weigh 1). Written in model
 * files as {@code "none"}, {@code "balanced"} or an object of weights. Immutable.
 */
public final class ClassWeight {
    private final boolean balanced;
    private final Map<String, Double> weights;

    private ClassWeight(boolean balanced, Map<String, Double> weights) {
        this.balanced = balanced;
        this.weights = Map.copyOf(weights);
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() == null || !(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("class_weight for class '" + e.getKey()
                        + "' must be a finite number >= 0, got " + e.getValue());
            }
        }
    }

    /** Every row weighs 1. */
    public static ClassWeight none() {
        return new ClassWeight(false, Map.of());
    }

    /** Each class weighs {@code n / (classes · n_k)}. */
    public static ClassWeight balanced() {
        return new ClassWeight(true, Map.of());
    }

    /** The given weight per class name; each must be finite and >= 0. */
    public static ClassWeight of(Map<String, Double> weights) {
        return new ClassWeight(false, weights);
    }

    public boolean isNone() {
        return !balanced && weights.isEmpty();
    }

    public boolean isBalanced() {
        return balanced;
    }

    /** The explicit weights by class name (empty unless given). */
    public Map<String, Double> weights() {
        return weights;
    }

    /**
     * The weight of each class.
     *
     * @param classes the class names, in code order
     * @param counts  how many rows each class has
     * @throws IllegalArgumentException when explicit weights name a class the target lacks
     */
    public double[] perClass(List<String> classes, int[] counts) {
        double[] out = new double[classes.size()];
        java.util.Arrays.fill(out, 1.0);
        if (balanced) {
            int n = 0;
            for (int c : counts) {
                n += c;
            }
            for (int k = 0; k < out.length; k++) {
                out[k] = counts[k] == 0 ? 1.0 : (double) n / (classes.size() * (double) counts[k]);
            }
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            int k = classes.indexOf(e.getKey());
            if (k < 0) {
                throw new IllegalArgumentException("class_weight names class '" + e.getKey()
                        + "', which the target does not have; its classes are " + classes);
            }
            out[k] = e.getValue();
        }
        return out;
    }

    /** The weight of each row: its class's weight. */
    public double[] perRow(List<String> classes, int[] codes, int[] counts) {
        double[] perClass = perClass(classes, counts);
        double[] out = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = perClass[codes[i]];
        }
        return out;
    }

    @JsonValue
    Object json() {
        return balanced ? "balanced" : weights.isEmpty() ? "none" : new TreeMap<>(weights);
    }

    /** Reads the forms {@link #json()} writes. */
    @JsonCreator
    static ClassWeight fromJson(Object json) {
        if (json instanceof String s) {
            return switch (s) {
                case "none" -> none();
                case "balanced" -> balanced();
                default -> throw new IllegalArgumentException("class_weight must be \"none\", \"balanced\" or weights per class, got '"
                        + s + "'");
            };
        }
        if (json instanceof Map<?, ?> m) {
            Map<String, Double> w = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof Number num)) {
                    throw new IllegalArgumentException("class_weight for class '" + e.getKey() + "' must be a number");
                }
                w.put(String.valueOf(e.getKey()), num.doubleValue());
            }
            return of(w);
        }
        throw new IllegalArgumentException("class_weight must be \"none\", \"balanced\" or weights per class");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassWeight c && balanced == c.balanced && weights.equals(c.weights);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(balanced) * 31 + weights.hashCode();
    }

    @Override
    public String toString() {
        return json().toString();
    }
}
