package dev.kiln.monitor.drift;

import dev.kiln.core.metrics.RocCurve;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drift of vector data (embeddings) by a domain classifier, after Evidently's embedding drift
 * method {@code model()}: an L2-regularised logistic regression learns to tell current rows from
 * reference rows, and its ROC AUC on rows it was not fitted on (here pooled over stratified k-fold
 * cross-validation, where Evidently uses one 50/50 split) measures how separable the sets are.
 * Drift when the AUC exceeds the threshold (Evidently's default 0.55) or, with {@code bootstrap},
 * the given quantile (default 0.95) of the AUCs of 100 random scorings of the same labels —
 * Evidently's bootstrap rule.
 */
public final class DomainClassifierDrift {
    /** How many random scorings the bootstrap rule draws (Evidently's 100). */
    public static final int RANDOM_SCORINGS = 100;

    private final Settings settings;

    /**
     * @param folds     cross-validation folds, at least 2
     * @param l2        the penalty λ on the weights, ≥ 0
     * @param threshold drift when the AUC exceeds this (without bootstrap)
     * @param bootstrap compare with random scorings instead of the fixed threshold
     * @param quantile  the random AUCs' quantile to exceed, in (0, 1)
     * @param seed      for the folds and the random scorings
     */
    public record Settings(int folds, double l2, double threshold, boolean bootstrap, double quantile, long seed) {
        public Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, got " + folds);
            }
            if (!(l2 >= 0) || Double.isInfinite(l2)) {
                throw new IllegalArgumentException("l2 must be a finite number ≥ 0, got " + l2);
            }
            if (!(threshold >= 0.5 && threshold < 1)) {
                throw new IllegalArgumentException("an AUC threshold must be in [0.5, 1), got " + threshold);
            }
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
            }
        }

        /** Five folds, λ = 1, Evidently's threshold 0.55 and quantile 0.95, no bootstrap. */
        public static Settings defaults(long seed) {
            return new Settings(5, 1.0, 0.55, false, 0.95, seed);
        }

        public Settings withBootstrap(boolean on) {
            return new Settings(folds, l2, threshold, on, quantile, seed);
        }
    }

    /**
     * @param rocAuc    the cross-validated ROC AUC of telling current from reference
     * @param threshold the AUC it had to exceed (the fixed threshold, or the random AUCs' quantile)
     * @param drift     whether it did
     */
    public record Result(double rocAuc, double threshold, boolean drift) {
    }

    public DomainClassifierDrift(Settings settings) {
        this.settings = settings;
    }

    /** Compares two sets of vectors of one dimension (rows of each array). */
    public Result test(double[][] reference, double[][] current) {
        EmbeddingChecks.require(reference, current);
        int n = reference.length + current.length;
        if (Math.min(reference.length, current.length) < settings.folds()) {
            throw new IllegalArgumentException("the domain classifier needs at least " + settings.folds()
                    + " rows in each set, got " + reference.length + " and " + current.length);
        }
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean ref = i < reference.length;
            x[i] = ref ? reference[i] : current[i - reference.length];
            y[i] = ref ? 0 : 1;
        }
        int[] fold = stratifiedFolds(y, settings.folds(), Rng.seeded(settings.seed()));
        double[] scores = new double[n];
        for (int f = 0; f < settings.folds(); f++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    train.add(i);
                }
            }
            LogisticRegression model = LogisticRegression.fit(x, y,
                    train.stream().mapToInt(Integer::intValue).toArray(), settings.l2());
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    scores[i] = model.probability(x[i]);
                }
            }
        }
        double auc = RocCurve.rocAuc(y, scores);
        double threshold = settings.bootstrap() ? randomAucQuantile(y) : settings.threshold();
        return new Result(auc, threshold, auc > threshold);
    }

    /** The quantile (linear interpolation, NumPy's default) of the AUCs of uniform random scores. */
    private double randomAucQuantile(int[] y) {
        Rng rng = Rng.seeded(settings.seed()).stream(1);
        double[] aucs = new double[RANDOM_SCORINGS];
        for (int b = 0; b < aucs.length; b++) {
            double[] s = new double[y.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = rng.nextDouble();
            }
            aucs[b] = RocCurve.rocAuc(y, s);
        }
        Arrays.sort(aucs);
        double pos = settings.quantile() * (aucs.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, aucs.length - 1);
        return aucs[lo] + (pos - lo) * (aucs[hi] - aucs[lo]);
    }

    /** Each class's rows shuffled and dealt round-robin into the folds. */
    private static int[] stratifiedFolds(int[] y, int folds, Rng rng) {
        int[] fold = new int[y.length];
        for (int label = 0; label <= 1; label++) {
            final int l = label;
            int[] rows = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == l).toArray();
            rng.shuffle(rows);
            for (int k = 0; k < rows.length; k++) {
                fold[rows[k]] = k % folds;
            }
        }
        return fold;
    }
}
