package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;
import java.util.Map;

/**
 * Scores a fitted model on labelled rows with scikit-learn's metric names: for classifiers
 * {@code accuracy}, {@code balanced_accuracy}, {@code f1_macro}, … and, when the model gives
 * probabilities, {@code roc_auc} and {@code log_loss}; for regressors {@code r2}, {@code rmse},
 * {@code mae}, {@code mse}. See {@link Evaluation} for the predictions behind the numbers.
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
        return Evaluation.of(model, features, target).metrics();
    }
}
