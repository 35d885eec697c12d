package dev.kiln.explain.exact;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.explain.ClassChoice;
import dev.kiln.explain.Explainer;
import dev.kiln.explain.Explanation;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact interventional Shapley values of any model with few input columns: the worth of a
 * coalition S is the mean output over the background of {@code f(x_S, b_S̄)} (the value function
 * of shap's interventional explainers, Janzing et al. 2020), and every one of the 2^M
 * coalitions is valued ({@link ShapleyEnumeration}). Costs 2^M × background predictions per
 * row. Regressors explain their value, classifiers the probability of a class.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExactExplainer implements Explainer {
    public static final String METHOD = "exact";
    /** The most input columns explained: 2^15 coalitions per row. */
    public static final int MAX_FEATURES = 15;
    /** About how many rows one batch of predictions holds. */
    private static final int BATCH_ROWS = 32_768;

    private final Model<?> model;
    private final ClassChoice classChoice;
    private final Frame background;
    private final List<String> features;

    /**
     * @param outputClass the class to explain, or null for the default ({@link ClassChoice}); must be null for a regressor
     * @param background  the rows absent features are drawn from (at least one)
     */
    public ExactExplainer(Model<?> model, String outputClass, Frame background) {
        this.model = model;
        this.features = model.inputSchema().names();
        if (features.size() > MAX_FEATURES) {
            throw new IllegalArgumentException("exact SHAP enumerates 2^M coalitions and takes at most " + MAX_FEATURES
                    + " input columns; this model has " + features.size());
        }
        if (background.rowCount() == 0) {
            throw new IllegalArgumentException("exact SHAP needs at least one background row");
        }
        requireColumns(background, "the background");
        if (model instanceof ClassificationModel c) {
            this.classChoice = ClassChoice.of(c.classes(), outputClass);
        } else if (outputClass != null) {
            throw new IllegalArgumentException("a regressor has no classes; drop the class '" + outputClass + "'");
        } else {
            this.classChoice = null;
        }
        this.background = background;
    }

    @Override
    public List<Explanation> explain(Frame rows) {
        requireColumns(rows, "the rows to explain");
        int[] classOf = classChoice == null ? new int[rows.rowCount()]
                : classChoice.indices((ClassificationModel) model, rows);
        Explanation.Output output = classChoice == null ? Explanation.Output.VALUE : Explanation.Output.PROBABILITY;
        int m = features.size();
        int backgroundRows = background.rowCount();
        int masksPerBatch = Math.max(1, Math.min(1 << m, BATCH_ROWS / backgroundRows));
        List<Explanation> out = new ArrayList<>(rows.rowCount());
        for (int i = 0; i < rows.rowCount(); i++) {
            CoalitionRows coalitions = new CoalitionRows(features, rows, i, background);
            double[] worth = new double[1 << m];
            for (int from = 0; from < worth.length; from += masksPerBatch) {
                int to = Math.min(worth.length, from + masksPerBatch);
                double[] f = outputs(model.predict(coalitions.rows(from, to)), classOf[i]);
                for (int mask = from; mask < to; mask++) {
                    double sum = 0;
                    for (int b = 0; b < backgroundRows; b++) {
                        sum += f[(mask - from) * backgroundRows + b];
                    }
                    worth[mask] = sum / backgroundRows;
                }
            }
            double[] phi = ShapleyEnumeration.values(m, worth);
            String cls = classChoice == null ? null : classChoice.classes().get(classOf[i]);
            out.add(new Explanation(METHOD, output, cls, worth[0], worth[worth.length - 1], features, phi));
        }
        return out;
    }

    /** Each row's explained output: the value, or the probability of class {@code k}. */
    static double[] outputs(Prediction p, int k) {
        return switch (p) {
            case RegressionPrediction r -> r.values();
            case ClassificationPrediction c -> {
                if (!c.hasProbabilities()) {
                    throw new IllegalArgumentException("the model predicts no probabilities, so exact SHAP has no number"
                            + " to take apart; explain a model with probabilities or a linear model's decision value");
                }
                double[] out = new double[c.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = c.probabilities(i)[k];
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("exact SHAP explains regressors and classifiers, not "
                    + p.getClass().getSimpleName());
        };
    }

    private void requireColumns(Frame frame, String what) {
        List<String> missing = features.stream().filter(f -> !frame.hasColumn(f)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the model's column" + (missing.size() == 1 ? " " : "s ") + missing
                    + " missing from " + what);
        }
    }
}
