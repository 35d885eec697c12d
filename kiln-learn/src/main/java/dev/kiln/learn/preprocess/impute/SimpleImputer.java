package dev.kiln.learn.preprocess.impute;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import dev.kiln.learn.preprocess.NanStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills missing values with one value per column learned from the training data, as
 * scikit-learn's {@code SimpleImputer}: the mean or median of a numeric column, the most
 * frequent value of any column (the smallest on ties), or a constant.
 *
 * <p>Mean and median act on numeric columns; most-frequent and constant on columns of every
 * type. Imputed numeric columns come out as double columns, categorical and text columns keep
 * their type. As in scikit-learn, a column with no value at all in the training data is dropped
 * from the output, except with the constant strategy or {@code keepEmptyFeatures} (then it is
 * filled with 0, or "missing_value" for strings). With {@code addIndicator}, the boolean
 * {@code <column>_missing} columns of a {@link MissingIndicator} fitted on the same columns
 * (without its error on new missing values) are appended.
 */
public final class SimpleImputer implements Transformer {
    static final String WHO = "simple-imputer";
    /** scikit-learn's fill value for strings under the constant strategy. */
    public static final String DEFAULT_TEXT_FILL = "missing_value";

    /** How a column's fill value is chosen. */
    public enum Strategy {
        MEAN, MEDIAN, MOST_FREQUENT, CONSTANT;

        boolean numericOnly() {
            return this == MEAN || this == MEDIAN;
        }
    }

    /**
     * @param strategy          how to choose the fill value (scikit-learn: "mean")
     * @param fillValue         the constant for {@code CONSTANT}: parsed as a number for numeric
     *                          columns; null for scikit-learn's defaults, 0 and "missing_value"
     * @param addIndicator      whether to append missing-value indicators (False)
     * @param keepEmptyFeatures whether to keep columns with no training value, filled as above (False)
     * @param columns           the columns to impute; null for every numeric column (mean, median)
     *                          or every column (most frequent, constant)
     */
    public record Params(Strategy strategy, String fillValue, boolean addIndicator, boolean keepEmptyFeatures,
                         List<String> columns) {
        public Params {
            java.util.Objects.requireNonNull(strategy, "strategy");
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(Strategy.MEAN, null, false, false, null);
        }

        public static Params of(Strategy strategy) {
            return new Params(strategy, null, false, false, null);
        }
    }

    private final Params params;

    public SimpleImputer() {
        this(Params.defaults());
    }

    public SimpleImputer(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedSimpleImputer fit(Frame features, Column target) {
        boolean numericOnly = params.strategy().numericOnly();
        List<String> columns = ColumnSelection.resolve(features, params.columns(),
                numericOnly ? ColumnSelection.NUMERIC : ColumnSelection.ANY,
                numericOnly ? ColumnSelection.NUMERIC : ColumnSelection.ANY,
                numericOnly ? "a numeric column for strategy " + params.strategy() : "any column", WHO);
        List<String> statistics = new ArrayList<>(columns.size());
        for (String name : columns) {
            statistics.add(statistic(features.column(name)));
        }
        FittedMissingIndicator indicator = params.addIndicator()
                ? new MissingIndicator(new MissingIndicator.Params(MissingIndicator.Features.MISSING_ONLY, false, columns))
                        .fit(features, null)
                : null;
        return new FittedSimpleImputer(params, features.schema(), columns, statistics, indicator);
    }

    /** The fill value as text (numbers in Java's round-tripping form), or null for a column to drop. */
    private String statistic(Column c) {
        boolean numeric = c.type().isNumeric();
        if (params.strategy() == Strategy.CONSTANT) {
            return constant(c);
        }
        if (c.missingCount() == c.size()) {
            return params.keepEmptyFeatures() ? (numeric ? "0.0" : DEFAULT_TEXT_FILL) : null;
        }
        if (!numeric) {
            return mostFrequentText(c);
        }
        double[] v = NanStats.present(c);
        double value = switch (params.strategy()) {
            case MEAN -> NanStats.mean(v);
            case MEDIAN -> NanStats.median(NanStats.sorted(v));
            case MOST_FREQUENT -> mostFrequent(NanStats.sorted(v));
            case CONSTANT -> throw new IllegalStateException();
        };
        return Double.toString(value);
    }

    private String constant(Column c) {
        String fill = params.fillValue();
        if (!c.type().isNumeric()) {
            return fill == null ? DEFAULT_TEXT_FILL : fill;
        }
        if (fill == null) {
            return "0.0";
        }
        try {
            return Double.toString(Double.parseDouble(fill.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(WHO + ": the fill value '" + fill + "' is not a number, but column '"
                    + c.name() + "' is " + c.type().label() + "; choose the columns to impute, or a numeric fill value");
        }
    }

    private static double mostFrequent(double[] sorted) {
        double best = sorted[0];
        int bestCount = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestCount) {
                best = sorted[i];
                bestCount = j - i;
            }
            i = j;
        }
        return best;
    }

    private static String mostFrequentText(Column c) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                counts.merge(c.text(i), 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
