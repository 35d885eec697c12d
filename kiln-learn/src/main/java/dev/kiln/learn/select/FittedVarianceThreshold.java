package dev.kiln.learn.select;

import dev.kiln.core.frame.Schema;
import java.util.List;

/** A fitted {@link VarianceThreshold}: the considered columns' variances and the columns kept. */
public final class FittedVarianceThreshold extends FittedSubset {
    private final VarianceThreshold.Params params;
    private final double[] variances;

    FittedVarianceThreshold(VarianceThreshold.Params params, Schema inputSchema, List<String> considered,
                            double[] variances, List<String> selected) {
        super(inputSchema, considered, selected, VarianceThreshold.WHO);
        if (variances.length != considered.size()) {
            throw new IllegalArgumentException(variances.length + " variances for " + considered.size() + " columns");
        }
        this.params = params;
        this.variances = variances.clone();
    }

    public VarianceThreshold.Params params() {
        return params;
    }

    /** Each considered column's variance (with threshold 0, the smaller of variance and range). */
    public double[] variances() {
        return variances.clone();
    }
}
