package dev.kiln.learn.decompose;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * Principal component analysis one batch at a time (Ross, Lim, Lin and Yang, "Incremental
 * learning for robust visual tracking", IJCV 2008), as scikit-learn's {@code IncrementalPCA}:
 * memory grows with the batch, not the data. {@link #fit} walks its input in batches;
 * {@link FittedIncrementalPca#partialFit} folds in data that arrives later.
 */
public final class IncrementalPca implements Transformer {
    static final String WHO = "incremental-pca";

    /**
     * The hyperparameters.
     *
     * @param nComponents how many components to keep, ≥ 1 and at most the columns and each
     *                    batch's rows; null keeps min(first batch's rows, columns) (scikit-learn: None)
     * @param whiten      whether to divide each score by the square root of its variance (False)
     * @param batchSize   rows per batch in {@link #fit}, ≥ 1; null for 5 × the columns (scikit-learn's None)
     */
    public record Params(Integer nComponents, boolean whiten, Integer batchSize) {
        public Params {
            if (nComponents != null && nComponents < 1) {
                throw new IllegalArgumentException("nComponents must be >= 1 (or null for all), got " + nComponents);
            }
            if (batchSize != null && batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1 (or null for 5 x the columns), got " + batchSize);
            }
        }

        public static Params defaults() {
            return new Params(null, false, null);
        }

        /** The defaults, keeping {@code nComponents} components. */
        public static Params of(int nComponents) {
            return new Params(nComponents, false, null);
        }

        public Params withBatchSize(Integer batchSize) {
            return new Params(nComponents, whiten, batchSize);
        }

        public Params withWhiten(boolean whiten) {
            return new Params(nComponents, whiten, batchSize);
        }
    }

    private final Params params;

    public IncrementalPca() {
        this(Params.defaults());
    }

    public IncrementalPca(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** Fits on every column of {@code features}; see {@link #fit(Frame, Column)}. */
    public FittedIncrementalPca fit(Frame features) {
        return fit(features, null);
    }

    /**
     * Fits on every column of {@code features} in batches of batchSize rows (a short last batch
     * is merged into the one before when it would hold fewer rows than nComponents, as
     * scikit-learn's {@code gen_batches}); {@code target} is ignored.
     */
    @Override
    public FittedIncrementalPca fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, WHO);
        int n = x.rows();
        int p = x.cols();
        int batch = params.batchSize() != null ? params.batchSize() : 5 * p;
        int minBatch = params.nComponents() == null ? 0 : params.nComponents();
        IncrementalState state = IncrementalState.empty(params, features.schema(), batch);
        int start = 0;
        for (int b = 0; b < n / batch; b++) {
            int end = start + batch;
            if (end + minBatch > n) {
                continue;
            }
            state = state.update(x.rowRange(start, end).copy(), WHO);
            start = end;
        }
        if (start < n) {
            state = state.update(x.rowRange(start, n).copy(), WHO);
        }
        return new FittedIncrementalPca(state);
    }
}
