package dev.kiln.learn.neighbors;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import java.util.List;

/** A fitted {@link KNeighborsClassifier}: the training rows, their classes, and a search over them. */
public final class KNeighborsClassifierModel implements ClassificationModel {
    private final KNeighborsClassifier.Params params;
    private final Schema inputSchema;
    private final List<String> classes;
    private final int[] codes;
    private final NeighborSet set;

    KNeighborsClassifierModel(KNeighborsClassifier.Params params, Schema inputSchema, double[] points, int[] codes,
                              List<String> classes) {
        for (int c : codes) {
            if (c < 0 || c >= classes.size()) {
                throw new IllegalArgumentException("class code " + c + " is outside [0, " + classes.size() + ")");
            }
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.classes = List.copyOf(classes);
        this.codes = codes.clone();
        this.set = new NeighborSet(KNeighborsClassifier.WHO, inputSchema, points, codes.length, params.nNeighbors(),
                params.weights(), params.algorithm(), params.leafSize(), params.p());
    }

    public KNeighborsClassifier.Params params() {
        return params;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    /** The algorithm in use: KD_TREE or BRUTE ({@link Algorithm#AUTO} resolved at fit time). */
    public Algorithm effectiveAlgorithm() {
        return set.algorithm();
    }

    /** The training rows' class indices, into {@link #classes()}. */
    public int[] trainingCodes() {
        return codes.clone();
    }

    /** The training features, row-major. */
    public double[] trainingPoints() {
        return set.points();
    }

    /** The k nearest training rows of every row of {@code features}. */
    public Neighbors neighbors(Frame features) {
        return set.neighbors(set.query(features));
    }

    /** The class with the largest (weighted) vote, and the vote shares as probabilities. */
    @Override
    public ClassificationPrediction predict(Frame features) {
        NeighborSearch.Result r = set.query(features);
        int k = set.k();
        int rows = r.index().length / k;
        int[] labels = new int[rows];
        double[][] probabilities = new double[rows][];
        double[] w = new double[k];
        for (int i = 0; i < rows; i++) {
            set.weights(r, i, w);
            double[] votes = new double[classes.size()];
            double total = 0;
            for (int j = 0; j < k; j++) {
                votes[codes[r.index()[i * k + j]]] += w[j];
                total += w[j];
            }
            int best = 0;
            for (int c = 1; c < votes.length; c++) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            labels[i] = best;
            for (int c = 0; c < votes.length; c++) {
                votes[c] /= total;
            }
            probabilities[i] = votes;
        }
        return new ClassificationPrediction(classes, labels, probabilities);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
