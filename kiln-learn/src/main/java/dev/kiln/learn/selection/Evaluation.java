package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.metrics.ClassificationReport;
import dev.kiln.core.metrics.ConfusionMatrix;
import dev.kiln.core.metrics.RegressionReport;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's predictions on labelled rows, with the metrics and what the report pictures need:
 * true and predicted classes, probabilities and the confusion matrix for classifiers; actual and
 * predicted values for regressors.
 */
public sealed interface Evaluation permits Evaluation.Classification, Evaluation.Regression {

    /** Metrics by scikit-learn name. */
    Map<String, Double> metrics();

    /** Predicts {@code features} with {@code model} and compares with {@code target}. */
    static Evaluation of(Model<?> model, Frame features, Column target) {
        Prediction p = model.predict(features);
        return switch (p) {
            case ClassificationPrediction c -> Classification.of(c, target);
            case RegressionPrediction r -> new Regression(target.toDoubles(), r.values());
            default -> throw new IllegalArgumentException("cannot evaluate a " + p.getClass().getSimpleName()
                    + " against a target column");
        };
    }

    /**
     * A classifier's evaluation. Labels in the target the model never saw are added to the
     * class list (and count as errors); probability-based metrics are then left out, as they
     * are when the model gives no probabilities or a class is absent from the target.
     *
     * @param classes       the model's classes, then any unseen ones
     * @param truth         true class index per row
     * @param predicted     predicted class index per row
     * @param probabilities per row and model class, or null
     * @param report        the metrics
     */
    record Classification(List<String> classes, int[] truth, int[] predicted, double[][] probabilities,
                          ClassificationReport report) implements Evaluation {

        static Classification of(ClassificationPrediction p, Column target) {
            List<String> classes = new ArrayList<>(p.classes());
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                index.put(classes.get(k), k);
            }
            int[] truth = new int[target.size()];
            for (int i = 0; i < truth.length; i++) {
                String label = target.text(i);
                if (label == null) {
                    throw new IllegalArgumentException("the target '" + target.name() + "' is missing in row " + i);
                }
                Integer k = index.get(label);
                if (k == null) {
                    k = classes.size();
                    index.put(label, k);
                    classes.add(label);
                }
                truth[i] = k;
            }
            boolean unseen = classes.size() > p.classes().size();
            int present = presentCount(truth, classes.size());
            boolean probabilityMetrics = p.hasProbabilities() && !unseen && present >= 2
                    && (classes.size() == 2 || present == classes.size());
            ClassificationReport report = probabilityMetrics
                    ? ClassificationReport.of(truth, p.labels(), p.probabilities(), classes)
                    : ClassificationReport.of(truth, p.labels(), classes);
            return new Classification(classes, truth, p.labels(), p.probabilities(), report);
        }

        @Override
        public Map<String, Double> metrics() {
            return new LinkedHashMap<>(report.toMap());
        }

        public ConfusionMatrix confusion() {
            return ConfusionMatrix.of(truth, predicted, classes.size());
        }

        public boolean hasProbabilities() {
            return probabilities != null;
        }

        private static int presentCount(int[] labels, int classes) {
            boolean[] seen = new boolean[classes];
            int n = 0;
            for (int l : labels) {
                if (!seen[l]) {
                    seen[l] = true;
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * A regressor's evaluation.
     *
     * @param actual    the target values
     * @param predicted the model's values
     */
    record Regression(double[] actual, double[] predicted) implements Evaluation {
        @Override
        public Map<String, Double> metrics() {
            return new LinkedHashMap<>(RegressionReport.of(actual, predicted).toMap());
        }
    }
}
