package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.tree.MaxFeatures;
import dev.kiln.learn.tree.Tree;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Isolation forest outlier detection (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008), as
 * scikit-learn's {@code IsolationForest}: each tree splits a small random subsample on random
 * features at random thresholds until every row is alone or the depth reaches
 * {@code ceil(log2 ψ)}; rows that are isolated after few splits on average are anomalous. The
 * score of a row is {@code −2^(−E[h]/c(ψ))}, h its path length (depth plus the expected depth
 * {@code c(n)} of the n training rows left in its leaf) and ψ the subsample size; lower is more
 * abnormal. Rows scoring below the offset are outliers.
 */
public final class IsolationForest {
    static final String NAME = "isolation-forest";
    /** scikit-learn's offset for contamination "auto": rows scoring below −0.5 are outliers. */
    static final double AUTO_OFFSET = -0.5;

    /**
     * The hyperparameters.
     *
     * @param nEstimators   the number of trees (default 100)
     * @param maxSamples    rows drawn (without replacement) for each tree, or null for scikit-learn's
     *                      "auto", {@code min(256, n)} (default); larger than n means n
     * @param contamination the expected share of outliers in (0, 0.5], which sets the offset to
     *                      that quantile of the training scores, or null for "auto", offset −0.5 (default)
     * @param maxFeatures   features each tree may split on, drawn without replacement (default all)
     * @param seed          draws the subsamples, features and thresholds
     */
    public record Params(int nEstimators, Integer maxSamples, Double contamination, MaxFeatures maxFeatures, long seed) {

        public Params {
            Objects.requireNonNull(maxFeatures, "maxFeatures");
            if (nEstimators < 1) {
                throw new IllegalArgumentException("n_estimators must be >= 1, got " + nEstimators);
            }
            if (maxSamples != null && maxSamples < 1) {
                throw new IllegalArgumentException("max_samples must be >= 1 (or none for auto), got " + maxSamples);
            }
            if (contamination != null && !(contamination > 0 && contamination <= 0.5)) {
                throw new IllegalArgumentException("contamination must be in (0, 0.5] (or none for auto), got " + contamination);
            }
        }

        /** scikit-learn 1.2's defaults, with seed 0 in place of its unseeded {@code random_state=None}. */
        public static Params defaults() {
            return new Params(100, null, null, MaxFeatures.fraction(1.0), 0);
        }

        public Params withNEstimators(int v) {
            return new Params(v, maxSamples, contamination, maxFeatures, seed);
        }

        public Params withMaxSamples(Integer v) {
            return new Params(nEstimators, v, contamination, maxFeatures, seed);
        }

        public Params withContamination(Double v) {
            return new Params(nEstimators, maxSamples, v, maxFeatures, seed);
        }

        public Params withMaxFeatures(MaxFeatures v) {
            return new Params(nEstimators, maxSamples, contamination, v, seed);
        }

        public Params withSeed(long v) {
            return new Params(nEstimators, maxSamples, contamination, maxFeatures, v);
        }
    }

    private final Params params;

    public IsolationForest() {
        this(Params.defaults());
    }

    public IsolationForest(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** Grows the forest on all rows of {@code features} (numeric, no missing values). */
    public IsolationForestModel fit(Frame features) {
        Matrix x = NumericInput.features(features, NAME);
        int n = x.rows();
        int psi = params.maxSamples() == null ? Math.min(256, n) : Math.min(params.maxSamples(), n);
        int features0 = params.maxFeatures().resolve(x.cols());
        int maxDepth = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
        Rng master = Rng.seeded(params.seed());
        Tree[] trees = new Tree[params.nEstimators()];
        Parallelism.forEachPart(trees.length, t -> {
            Rng rng = master.stream(t);
            int[] rows = rng.sampleWithoutReplacement(n, psi);
            int[] columns = rng.sampleWithoutReplacement(x.cols(), features0);
            trees[t] = new IsolationTreeGrower(x, columns, maxDepth, rng).grow(rows);
        });
        List<Tree> list = List.of(trees);
        double offset = AUTO_OFFSET;
        if (params.contamination() != null) {
            double[] scores = IsolationForestModel.scores(list, psi, x);
            offset = percentile(scores, 100 * params.contamination());
        }
        return new IsolationForestModel(params, features.schema(), list, psi, offset);
    }

    /** numpy's default ("linear") percentile. */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double at = q / 100 * (sorted.length - 1);
        int below = (int) Math.floor(at);
        if (below + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (sorted[below + 1] - sorted[below]) * (at - below);
    }
}
