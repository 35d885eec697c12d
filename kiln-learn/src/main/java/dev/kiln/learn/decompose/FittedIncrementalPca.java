package dev.kiln.learn.decompose;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;

/**
 * A fitted {@link IncrementalPca}: the principal components after the batches seen so far, and
 * {@link #partialFit} to fold in another batch. Its noise variance is that of the last update's
 * left-out components, as scikit-learn's.
 */
public final class FittedIncrementalPca extends PrincipalComponents {
    private final IncrementalState state;

    FittedIncrementalPca(IncrementalState state) {
        super(IncrementalPca.WHO, state.schema(), state.mean(), state.components(), state.explainedVariance(),
                state.explainedVarianceRatio(), state.singularValues(), state.noiseVariance(), state.params().whiten());
        this.state = state;
    }

    /**
     * The model after one more batch: every row of {@code batch}, whose columns must match the
     * fitted ones, in a single step (scikit-learn's {@code partial_fit}). This model is unchanged.
     */
    public FittedIncrementalPca partialFit(Frame batch) {
        Matrix x = NumericInput.completeFeaturesFor(state.schema(), batch, IncrementalPca.WHO);
        return new FittedIncrementalPca(state.update(x, IncrementalPca.WHO));
    }

    public IncrementalPca.Params params() {
        return state.params();
    }

    /** The rows per batch {@link IncrementalPca#fit} used (batchSize, or 5 × the columns). */
    public int batchSize() {
        return state.batchSize();
    }

    /** How many rows the model has seen. */
    public long nSamplesSeen() {
        return state.samplesSeen();
    }

    /** Each column's population variance over the rows seen. */
    public double[] variance() {
        return state.variance().clone();
    }
}
