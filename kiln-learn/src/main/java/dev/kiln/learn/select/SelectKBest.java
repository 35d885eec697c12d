package dev.kiln.learn.select;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the k numeric columns that score highest against the target, as scikit-learn's
 * {@code SelectKBest}: a NaN score counts as the lowest; among equal scores the later column
 * wins (scikit-learn's stable sort, then the last k). Columns of other types pass through.
 */
public final class SelectKBest implements Transformer {
    static final String WHO = "select-k-best";
    /** The value of {@code k} that keeps every column (scikit-learn's "all"). */
    public static final int ALL = -1;

    /**
     * @param k             how many columns to keep, or {@link #ALL} (scikit-learn: 10)
     * @param scoreFunction how to score them ({@code f_classif})
     * @param seed          the noise of the mutual-information scores (scikit-learn draws it at random)
     * @param columns       the columns to consider; null for every numeric column
     */
    public record Params(int k, ScoreFunction scoreFunction, long seed, List<String> columns) {
        public Params {
            if (k < 0 && k != ALL) {
                throw new IllegalArgumentException(WHO + ": k must be >= 0 or ALL, got " + k);
            }
            java.util.Objects.requireNonNull(scoreFunction, "scoreFunction");
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(10, ScoreFunction.F_CLASSIF, 0, null);
        }

        public static Params of(int k, ScoreFunction scoreFunction) {
            return new Params(k, scoreFunction, 0, null);
        }
    }

    private final Params params;

    public SelectKBest() {
        this(Params.defaults());
    }

    public SelectKBest(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedSelectKBest fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        if (params.k() > columns.size()) {
            throw new IllegalArgumentException(WHO + ": k = " + params.k() + " but there are only " + columns.size()
                    + " numeric columns; use ALL to keep every one");
        }
        FeatureScores scores = params.scoreFunction().score(features.select(columns), target, params.seed());
        double[] s = scores.scores();
        Integer[] order = new Integer[s.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble(j -> Double.isNaN(s[j]) ? -Double.MAX_VALUE : s[j]));
        int k = params.k() == ALL ? columns.size() : params.k();
        boolean[] keep = new boolean[s.length];
        for (int q = s.length - k; q < s.length; q++) {
            keep[order[q]] = true;
        }
        List<String> selected = new ArrayList<>();
        for (int j = 0; j < keep.length; j++) {
            if (keep[j]) {
                selected.add(columns.get(j));
            }
        }
        return new FittedSelectKBest(params, features.schema(), columns, scores, selected);
    }
}
