package dev.kiln.core.model;

import java.util.List;

/**
 * Predicted classes for a batch of rows, with class probabilities where the model gives them.
 *
 * @param classes       the class names, in the model's order; labels index into this list
 * @param labels        the predicted class index of each row
 * @param probabilities per row, one probability per class (rows sum to 1), or null when the model gives none
 */
public record ClassificationPrediction(List<String> classes, int[] labels, double[][] probabilities)
        implements Prediction {

    public ClassificationPrediction {
        classes = List.copyOf(classes);
        labels = labels.clone();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("row " + i + ": class index " + labels[i]
                        + " is outside [0, " + classes.size() + ")");
            }
        }
        if (probabilities != null) {
            if (probabilities.length != labels.length) {
                throw new IllegalArgumentException(labels.length + " labels but " + probabilities.length + " rows of probabilities");
            }
            double[][] copy = new double[probabilities.length][];
            for (int i = 0; i < copy.length; i++) {
                if (probabilities[i].length != classes.size()) {
                    throw new IllegalArgumentException("row " + i + " has " + probabilities[i].length
                            + " probabilities for " + classes.size() + " classes");
                }
                copy[i] = probabilities[i].clone();
            }
            probabilities = copy;
        }
    }

    /** Picks each row's most probable class (the first on ties). */
    public static ClassificationPrediction fromProbabilities(List<String> classes, double[][] probabilities) {
        int[] labels = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return new ClassificationPrediction(classes, labels, probabilities);
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** The predicted class name of row i. */
    public String label(int row) {
        return classes.get(labels[row]);
    }

    /** The predicted class index of row i. */
    public int classIndex(int row) {
        return labels[row];
    }

    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** The class probabilities of row i, as a new array. */
    public double[] probabilities(int row) {
        if (probabilities == null) {
            throw new IllegalStateException("this model does not give class probabilities");
        }
        return probabilities[row].clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public double[][] probabilities() {
        if (probabilities == null) {
            return null;
        }
        double[][] copy = new double[probabilities.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = probabilities[i].clone();
        }
        return copy;
    }
}
