package dev.kiln.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One prediction taken apart: the model's output for a row written as a base value (the
 * expected output over a background) plus one contribution per feature. For SHAP methods
 * {@code baseValue + Σ values = prediction} (local accuracy, Lundberg and Lee 2017); LIME's
 * surrogate coefficients share this shape but add up only approximately.
 *
 * @param method      how the values were computed, e.g. {@code tree}, {@code linear}, {@code kernel}, {@code lime}
 * @param output      which number of the model is explained
 * @param outputClass the class whose output is explained, or null for a regressor
 * @param baseValue   the expected output
 * @param prediction  the output for this row
 * @param features    the feature names, in order
 * @param values      one contribution per feature
 */
public record Explanation(String method, Output output, String outputClass, double baseValue, double prediction,
                          List<String> features, double[] values) {

    /** The model output an explanation takes apart. */
    public enum Output {
        /** A classifier's probability of {@link #outputClass()}. */
        PROBABILITY("probability"),
        /** A classifier's raw score before the logistic or softmax link, for {@link #outputClass()}. */
        LOG_ODDS("log_odds"),
        /** A regressor's prediction. */
        VALUE("value");

        private final String jsonName;

        Output(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The snake_case name used in JSON and reports. */
        public String jsonName() {
            return jsonName;
        }
    }

    public Explanation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(output, "output");
        features = List.copyOf(features);
        if (values.length != features.size()) {
            throw new IllegalArgumentException(features.size() + " features but " + values.length + " values");
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The contribution of one feature. */
    public double value(String feature) {
        int index = features.indexOf(feature);
        if (index < 0) {
            throw new IllegalArgumentException("no feature '" + feature + "' in this explanation; it has " + features);
        }
        return values[index];
    }

    /** Feature name to contribution, in feature order. */
    public Map<String, Double> byFeature() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(features.get(i), values[i]);
        }
        return map;
    }

    /** {@code baseValue + Σ values − prediction}: zero, up to rounding, for SHAP values. */
    public double additivityGap() {
        double sum = baseValue;
        for (double v : values) {
            sum += v;
        }
        return sum - prediction;
    }

    /**
     * The same explanation in the columns the features were made from, such as a pipeline's
     * input columns ({@code PipelineModel::sources}): the contributions of a one-hot group are
     * summed back to its column; a feature made from several columns (a product {@code a*b})
     * shares its contribution equally among them. Sums are preserved, so additivity holds.
     */
    public Explanation grouped(Function<String, List<String>> sources) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            List<String> from = sources.apply(features.get(i));
            if (from.isEmpty()) {
                throw new IllegalArgumentException("feature '" + features.get(i) + "' has no source column");
            }
            double share = values[i] / from.size();
            for (String column : from) {
                sums.merge(column, share, Double::sum);
            }
        }
        List<String> names = new ArrayList<>(sums.keySet());
        double[] grouped = new double[names.size()];
        for (int i = 0; i < grouped.length; i++) {
            grouped[i] = sums.get(names.get(i));
        }
        return new Explanation(method, output, outputClass, baseValue, prediction, names, grouped);
    }
}
