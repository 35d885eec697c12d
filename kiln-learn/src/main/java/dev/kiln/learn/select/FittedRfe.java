package dev.kiln.learn.select;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.Model;
import java.util.List;

/** A fitted {@link Rfe}: each column's rank, the columns kept, and the estimator's model fitted on them. */
public final class FittedRfe extends FittedSubset {
    private final Rfe.Params params;
    private final int[] ranking;
    private final Model<?> model;

    FittedRfe(Rfe.Params params, Schema inputSchema, int[] ranking, List<String> selected, Model<?> model) {
        super(inputSchema, inputSchema.names(), selected, Rfe.WHO);
        if (ranking.length != inputSchema.size()) {
            throw new IllegalArgumentException(ranking.length + " ranks for " + inputSchema.size() + " columns");
        }
        this.params = params;
        this.ranking = ranking.clone();
        this.model = java.util.Objects.requireNonNull(model, "model");
    }

    public Rfe.Params params() {
        return params;
    }

    /** Each input column's rank: 1 for the kept ones, higher the earlier a column was eliminated. */
    public int[] ranking() {
        return ranking.clone();
    }

    /** The estimator's model fitted on the kept columns. */
    public Model<?> model() {
        return model;
    }
}
