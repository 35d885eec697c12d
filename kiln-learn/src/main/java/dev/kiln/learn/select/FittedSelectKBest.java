package dev.kiln.learn.select;

import dev.kiln.core.frame.Schema;
import java.util.List;

/** A fitted {@link SelectKBest}: the considered columns' scores and p-values, and the columns kept. */
public final class FittedSelectKBest extends FittedSubset {
    private final SelectKBest.Params params;
    private final FeatureScores scores;

    FittedSelectKBest(SelectKBest.Params params, Schema inputSchema, List<String> considered, FeatureScores scores,
                      List<String> selected) {
        super(inputSchema, considered, selected, SelectKBest.WHO);
        if (scores.scores().length != considered.size()) {
            throw new IllegalArgumentException(scores.scores().length + " scores for " + considered.size() + " columns");
        }
        this.params = params;
        this.scores = scores;
    }

    public SelectKBest.Params params() {
        return params;
    }

    /** Each considered column's score. */
    public double[] scores() {
        return scores.scores();
    }

    /** Each considered column's p-value; NaN for mutual information. */
    public double[] pValues() {
        return scores.pValues();
    }
}
