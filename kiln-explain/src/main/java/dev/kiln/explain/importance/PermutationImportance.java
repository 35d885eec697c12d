package dev.kiln.explain.importance;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.kernel.ModelInput;
import dev.kiln.learn.selection.Scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Permutation importance (Breiman, "Random Forests", Machine Learning 2001), as scikit-learn's
 * {@code permutation_importance}: how much a metric gets worse when one input column is shuffled,
 * breaking its link to the target, averaged over repeats. Whole columns are permuted, so
 * categorical and text columns count as one feature each. Columns run in parallel; column j
 * draws from stream j of the seed.
 */
public final class PermutationImportance {

    /**
     * The settings.
     *
     * @param nRepeats shuffles per column, ≥ 1 (5, as scikit-learn)
     * @param seed     the seed of the shuffles
     * @param metric   a metric by scikit-learn name ({@code accuracy}, {@code roc_auc}, {@code r2},
     *                 {@code rmse}, …), or null for accuracy or r2 by the kind of model
     */
    public record Params(int nRepeats, long seed, String metric) {
        public Params {
            if (nRepeats < 1) {
                throw new IllegalArgumentException("nRepeats must be at least 1, got " + nRepeats);
            }
        }

        public static Params defaults() {
            return new Params(5, 0, null);
        }

        public Params withNRepeats(int n) {
            return new Params(n, seed, metric);
        }

        public Params withSeed(long s) {
            return new Params(nRepeats, s, metric);
        }

        public Params withMetric(String m) {
            return new Params(nRepeats, seed, m);
        }
    }

    /**
     * The result.
     *
     * @param metric   the metric scored
     * @param baseline its value on the unshuffled data
     * @param ranking  per column, the mean drop in the metric (a rise for metrics where smaller is
     *                 better, so larger always means more important) and its standard deviation over repeats
     * @param drops    per column and repeat, the drop
     */
    public record Result(String metric, double baseline, FeatureRanking ranking, double[][] drops) {
    }

    private final Params params;

    public PermutationImportance(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** The importance of each of {@code model}'s input columns on {@code features} with true values {@code target}. */
    public Result compute(Model<?> model, Frame features, Column target) {
        Frame x = ModelInput.columns(model, features, "the data");
        if (target.size() != x.rowCount()) {
            throw new IllegalArgumentException("the target '" + target.name() + "' has " + target.size() + " rows but the data has "
                    + x.rowCount());
        }
        Map<String, Double> all = Scoring.score(model, x, target);
        String metric = params.metric() != null ? params.metric() : all.containsKey("accuracy") ? "accuracy" : "r2";
        double baseline = pick(all, metric);
        double sign = Scoring.greaterIsBetter(metric) ? 1 : -1;
        List<String> names = x.names();
        double[][] drops = new double[names.size()][params.nRepeats()];
        Rng root = Rng.seeded(params.seed());
        try (Progress progress = Progress.start("Permutation importance", (long) names.size() * params.nRepeats())) {
            Parallelism.forEachPart(names.size(), j -> {
                Rng rng = root.stream(j);
                Column original = x.column(j);
                for (int r = 0; r < params.nRepeats(); r++) {
                    Frame shuffled = x.withColumn(original.take(rng.permutation(x.rowCount())));
                    drops[j][r] = sign * (baseline - pick(Scoring.score(model, shuffled, target), metric));
                    progress.step();
                }
            });
        }
        double[] mean = new double[names.size()];
        double[] std = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            for (double d : drops[j]) {
                mean[j] += d;
            }
            mean[j] /= params.nRepeats();
            for (double d : drops[j]) {
                std[j] += (d - mean[j]) * (d - mean[j]);
            }
            std[j] = Math.sqrt(std[j] / params.nRepeats());
        }
        String measure = (sign > 0 ? "drop in " : "rise in ") + metric;
        return new Result(metric, baseline, new FeatureRanking(measure, names, mean, std), drops);
    }

    private static double pick(Map<String, Double> metrics, String metric) {
        Double v = metrics.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("metric '" + metric + "' is not available for this model and target; available: "
                    + metrics.keySet());
        }
        return v;
    }
}
