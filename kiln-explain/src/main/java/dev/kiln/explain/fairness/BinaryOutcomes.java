package dev.kiln.explain.fairness;

import dev.kiln.core.model.ClassificationPrediction;
import java.util.List;

/**
 * What an audit looks at for each row: the true label, the predicted label (1 = the positive,
 * favourable outcome) and, where the model gives probabilities, the score (the predicted
 * probability of the positive label).
 *
 * @param truth     the true label of each row
 * @param predicted the predicted label of each row
 * @param scores    the predicted probability of the positive label, or null when the model gives none
 */
public record BinaryOutcomes(boolean[] truth, boolean[] predicted, double[] scores) {

    public BinaryOutcomes {
        if (truth.length != predicted.length || (scores != null && scores.length != truth.length)) {
            throw new IllegalArgumentException("truth, predictions and scores must have one entry per row: "
                    + truth.length + ", " + predicted.length + (scores == null ? "" : ", " + scores.length));
        }
        truth = truth.clone();
        predicted = predicted.clone();
        if (scores != null) {
            scores = scores.clone();
            for (int i = 0; i < scores.length; i++) {
                if (!(scores[i] >= 0 && scores[i] <= 1)) {
                    throw new IllegalArgumentException("row " + i + ": score " + scores[i] + " is not a probability in [0, 1]");
                }
            }
        }
    }

    /**
     * The outcomes of a classifier's {@code prediction} against the true labels {@code actual},
     * with {@code positive} as the favourable class.
     *
     * @throws IllegalArgumentException when the labels are not binary or name a class the model does not know
     */
    public static BinaryOutcomes of(ClassificationPrediction prediction, List<String> actual, String positive) {
        List<String> classes = prediction.classes();
        if (classes.size() != 2) {
            throw new IllegalArgumentException("fairness measures need binary labels, but the model has " + classes.size()
                    + " classes " + classes);
        }
        int pos = classes.indexOf(positive);
        if (pos < 0) {
            throw new IllegalArgumentException("the positive label '" + positive + "' is not one of the model's classes " + classes);
        }
        int n = prediction.size();
        if (actual.size() != n) {
            throw new IllegalArgumentException(actual.size() + " true labels for " + n + " predictions");
        }
        boolean[] truth = new boolean[n];
        boolean[] predicted = new boolean[n];
        double[] scores = prediction.hasProbabilities() ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            String y = actual.get(i);
            if (y == null || !classes.contains(y)) {
                throw new IllegalArgumentException("row " + (i + 1) + ": the target is " + (y == null ? "missing" : "'" + y + "'")
                        + ", expected one of the model's classes " + classes);
            }
            truth[i] = y.equals(positive);
            predicted[i] = prediction.classIndex(i) == pos;
            if (scores != null) {
                scores[i] = Math.clamp(prediction.probabilities(i)[pos], 0.0, 1.0);
            }
        }
        return new BinaryOutcomes(truth, predicted, scores);
    }

    public int size() {
        return truth.length;
    }

    public boolean hasScores() {
        return scores != null;
    }

    @Override
    public boolean[] truth() {
        return truth.clone();
    }

    @Override
    public boolean[] predicted() {
        return predicted.clone();
    }

    @Override
    public double[] scores() {
        return scores == null ? null : scores.clone();
    }

    boolean truth(int row) {
        return truth[row];
    }

    boolean predicted(int row) {
        return predicted[row];
    }

    double score(int row) {
        return scores[row];
    }

    /** The same truth and scores with other predicted labels (a mitigation's). */
    public BinaryOutcomes withPredicted(boolean[] newPredicted) {
        return new BinaryOutcomes(truth, newPredicted, scores);
    }
}
