package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.metrics.ClassificationReport;
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
 * Scores a fitted model on labelled rows with scikit-learn's metric names: for classifiers
 * {@code accuracy}, {@code balanced_accuracy}, {@code f1_macro}, … and, when the model gives
 * probabilities, {@code roc_auc} and {@code log_loss}; for regressors {@code r2}, {@code rmse},
 * {@code mae}, {@code mse}.
 */
public final class Scoring {
    private Scoring() {
    }

    /** Metrics that are better when larger; the rest ({@code log_loss}, {@code rmse}, …) are better when smaller. */
    public static boolean greaterIsBetter(String metric) {
        return switch (metric) {
            case "log_loss", "rmse", "mae", "mse" -> false;
            default -> true;
        };
    }

    /** The default metric of a task: accuracy or r2. */
    public static String defaultMetric(Task task) {
        return task == Task.CLASSIFICATION ? "accuracy" : "r2";
    }

    /** The metrics of {@code model} on {@code features} against {@code target}. */
    public static Map<String, Double> score(Model<?> model, Frame features, Column target) {
        Prediction p = model.predict(features);
        return switch (p) {
            case ClassificationPrediction c -> classification(c, target);
            case RegressionPrediction r -> new LinkedHashMap<>(RegressionReport.of(target.toDoubles(), r.values()).toMap());
            default -> throw new IllegalArgumentException("cannot score a " + p.getClass().getSimpleName()
                    + " against a target column");
        };
    }

    /**
     * Classification metrics. Test labels the model never saw count as errors; probability-based
     * metrics are left out then, as they are when the model gives no probabilities.
     */
    public static Map<String, Double> classification(ClassificationPrediction p, Column target) {
        List<String> classes = new ArrayList<>(p.classes());
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        int[] truth = new int[target.size()];
        boolean unseen = false;
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
                unseen = true;
            }
            truth[i] = k;
        }
        ClassificationReport report = p.hasProbabilities() && !unseen && presentCount(truth, classes.size()) >= 2
                && (classes.size() == 2 || presentCount(truth, classes.size()) == classes.size())
                ? ClassificationReport.of(truth, p.labels(), p.probabilities(), classes)
                : ClassificationReport.of(truth, p.labels(), classes);
        return new LinkedHashMap<>(report.toMap());
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
