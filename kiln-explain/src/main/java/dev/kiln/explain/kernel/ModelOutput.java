package dev.kiln.explain.kernel;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.explain.ClassChoice;
import dev.kiln.explain.Explanation;

import java.util.List;

/**
 * A model's predictions as the numbers model-agnostic explainers take apart: a classifier's
 * class probabilities, or a regressor's value, one row of outputs per input row.
 *
 * @param classes the classifier's class names, in probability order; empty for a regressor
 * @param values  per row, one probability per class, or the single predicted value
 */
public record ModelOutput(List<String> classes, double[][] values) {

    public ModelOutput {
        classes = List.copyOf(classes);
    }

    /** Predicts {@code rows} with {@code model} and keeps the numbers. */
    public static ModelOutput of(Model<?> model, Frame rows) {
        Prediction p = model.predict(rows);
        return switch (p) {
            case ClassificationPrediction c -> {
                if (!c.hasProbabilities()) {
                    throw new IllegalArgumentException("the model gives class labels without probabilities; "
                            + "explanations need a classifier that predicts probabilities");
                }
                yield new ModelOutput(c.classes(), c.probabilities());
            }
            case RegressionPrediction r -> {
                double[] v = r.values();
                double[][] out = new double[v.length][];
                for (int i = 0; i < v.length; i++) {
                    out[i] = new double[] {v[i]};
                }
                yield new ModelOutput(List.of(), out);
            }
            default -> throw new IllegalArgumentException("cannot explain a model that predicts "
                    + p.getClass().getSimpleName() + "; expected a classifier or a regressor");
        };
    }

    public boolean isClassifier() {
        return !classes.isEmpty();
    }

    public int size() {
        return values.length;
    }

    /** Output {@code index} of row {@code row}. */
    public double get(int row, int index) {
        return values[row][index];
    }

    /** Output {@code index} of every row. */
    public double[] column(int index) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i][index];
        }
        return out;
    }

    /** PROBABILITY for a classifier, VALUE for a regressor. */
    public Explanation.Output kind() {
        return isClassifier() ? Explanation.Output.PROBABILITY : Explanation.Output.VALUE;
    }

    /**
     * Which output of {@code row} is explained: for a regressor its value; for a classifier the
     * probability of {@code requestedClass} when given, else of the second class of a binary
     * classifier (the positive one) and of the predicted class of a multi-class one.
     */
    public int explainedIndex(int row, String requestedClass) {
        if (!isClassifier()) {
            if (requestedClass != null) {
                throw new IllegalArgumentException("class '" + requestedClass + "' was asked for, but the model is a regressor");
            }
            return 0;
        }
        java.util.OptionalInt fixed = ClassChoice.of(classes, requestedClass).fixedIndex();
        if (fixed.isPresent()) {
            return fixed.getAsInt();
        }
        double[] p = values[row];
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The class name of output {@code index}, or null for a regressor. */
    public String outputName(int index) {
        return isClassifier() ? classes.get(index) : null;
    }
}
