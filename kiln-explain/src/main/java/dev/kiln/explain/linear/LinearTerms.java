package dev.kiln.explain.linear;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.Model;
import dev.kiln.explain.Explanation;
import dev.kiln.learn.linear.LinearRegressorModel;
import dev.kiln.learn.linear.LogisticRegressionModel;
import java.util.List;
import java.util.Optional;

/**
 * A linear model's explained outputs {@code w_k · x + b_k}: a regressor's value, or a logistic
 * regression's log-odds (two classes: the second class's logit, the first's being its negative;
 * more classes: the K scores before the softmax).
 *
 * @param model        the fitted model
 * @param output       which number is explained
 * @param classes      the classes, or null for a regressor
 * @param coefficients one row per class for K > 2 classes, else one row (of the second class)
 * @param intercepts   one per coefficient row
 */
public record LinearTerms(Model<?> model, Explanation.Output output, List<String> classes, double[][] coefficients,
                          double[] intercepts) {

    public Schema inputSchema() {
        return model.inputSchema();
    }

    /** The classifier, or empty for a regressor. */
    public Optional<ClassificationModel> classifier() {
        return model instanceof ClassificationModel c ? Optional.of(c) : Optional.empty();
    }

    /** The weights of class {@code k}'s output (ignored for a regressor). */
    public double[] weights(int k) {
        if (coefficients.length == 1) {
            return classes != null && k == 0 ? negate(coefficients[0]) : coefficients[0].clone();
        }
        return coefficients[k].clone();
    }

    /** The intercept of class {@code k}'s output. */
    public double intercept(int k) {
        if (intercepts.length == 1) {
            return classes != null && k == 0 ? -intercepts[0] : intercepts[0];
        }
        return intercepts[k];
    }

    /** {@code model} as a linear model whose output SHAP can take apart, or empty. */
    public static Optional<LinearTerms> of(Object model) {
        return Optional.ofNullable(switch (model) {
            case LinearRegressorModel m -> new LinearTerms(m, Explanation.Output.VALUE, null,
                    new double[][] {m.coefficients()}, new double[] {m.intercept()});
            case LogisticRegressionModel m -> new LinearTerms(m, Explanation.Output.LOG_ODDS, m.classes(),
                    m.coefficients(), m.intercepts());
            default -> null;
        });
    }

    private static double[] negate(double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = -w[i];
        }
        return out;
    }
}
