package dev.kiln.learn.search;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.selection.CrossValidation;
import dev.kiln.learn.selection.CrossValidationResult;
import dev.kiln.learn.selection.CrossValidator;
import dev.kiln.learn.selection.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches hyperparameters by cross-validation: every combination of a grid, random draws
 * (Bergstra and Bengio, "Random Search for Hyper-Parameter Optimization", JMLR 2012), or
 * Bayesian optimisation with the Tree-structured Parzen Estimator (see {@link ParzenProposal}).
 * Grid and random trials run in parallel; Bayesian trials one after another, each one's folds
 * in parallel. The same seed gives the same trials and results whatever the thread count. The
 * best score so far is shown beside the progress bar and logged as it improves.
 */
public final class HyperparameterSearch {
    private static final Logger LOG = LoggerFactory.getLogger(HyperparameterSearch.class);

    private HyperparameterSearch() {
    }

    /** How the candidates are chosen. */
    public enum Method {
        GRID, RANDOM, BAYES;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Method fromLabel(String label) {
            for (Method m : values()) {
                if (m.label().equalsIgnoreCase(label.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown search '" + label + "'; expected grid, random or bayes");
        }
    }

    /**
     * How to search.
     *
     * @param method     grid, random or bayes
     * @param trials     trials for random and bayes (grid tries every combination)
     * @param gridPoints values per continuous range in a grid
     * @param metric     the cross-validated metric to optimise (e.g. accuracy, r2, log_loss)
     * @param validator  the folds
     * @param seed       seed of random draws and proposals
     */
    public record Settings(Method method, int trials, int gridPoints, String metric, CrossValidator validator, long seed) {
        public Settings {
            if (trials < 1) {
                throw new IllegalArgumentException("trials must be >= 1, got " + trials);
            }
            if (gridPoints < 1) {
                throw new IllegalArgumentException("grid points must be >= 1, got " + gridPoints);
            }
        }
    }

    /**
     * Runs the search: {@code factory} builds an estimator from a candidate's parameters (and may
     * refuse a combination with an {@link IllegalArgumentException}, which fails that trial only).
     */
    public static SearchResult run(Function<Map<String, Object>, Estimator<?>> factory, SearchSpace space,
                                   Frame features, Column target, Settings settings) {
        boolean greater = Scoring.greaterIsBetter(settings.metric());
        Best best = new Best(settings.metric(), greater);
        List<Trial> trials;
        if (settings.method() == Method.BAYES) {
            trials = bayes(factory, space, features, target, settings, best);
        } else {
            List<Map<String, Object>> candidates = settings.method() == Method.GRID ? space.grid(settings.gridPoints())
                    : randomCandidates(space, settings.trials(), settings.seed());
            Trial[] done = new Trial[candidates.size()];
            try (Progress progress = Progress.start("Searching (" + settings.method().label() + ")", candidates.size())) {
                Parallelism.forEachPart(candidates.size(), i -> {
                    done[i] = evaluate(i, candidates.get(i), factory, features, target, settings);
                    best.offer(done[i], progress);
                    progress.step();
                });
            }
            trials = List.of(done);
        }
        Trial winner = null;
        for (Trial t : trials) {
            if (!t.failed() && (winner == null || (greater ? t.mean() > winner.mean() : t.mean() < winner.mean()))) {
                winner = t;
            }
        }
        if (winner == null) {
            throw new IllegalArgumentException("every trial failed; the first said: " + trials.get(0).error());
        }
        return new SearchResult(settings.method().label(), settings.metric(), greater, trials, winner);
    }

    private static List<Map<String, Object>> randomCandidates(SearchSpace space, int trials, long seed) {
        Rng rng = Rng.seeded(seed);
        List<Map<String, Object>> out = new ArrayList<>(trials);
        for (int t = 0; t < trials; t++) {
            Rng r = rng.stream(t);
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            space.parameters().forEach((name, dist) -> params.put(name, dist.sample(r)));
            out.add(params);
        }
        return out;
    }

    private static List<Trial> bayes(Function<Map<String, Object>, Estimator<?>> factory, SearchSpace space, Frame features,
                                     Column target, Settings settings, Best best) {
        int startup = Math.min(settings.trials(), Math.max(3, Math.min(10, settings.trials() / 4)));
        List<Map<String, Object>> initial = randomCandidates(space, startup, settings.seed());
        List<Trial> trials = new ArrayList<>();
        List<double[]> positions = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Rng rng = Rng.seeded(settings.seed()).stream(Long.MAX_VALUE);
        try (Progress progress = Progress.start("Searching (bayes)", settings.trials())) {
            for (int i = 0; i < settings.trials(); i++) {
                Map<String, Object> params = i < startup ? initial.get(i)
                        : ParzenProposal.propose(space, positions, scores.stream().mapToDouble(Double::doubleValue).toArray(),
                        best.greater, rng.stream(i));
                Trial t = evaluate(i, params, factory, features, target, settings);
                trials.add(t);
                if (!t.failed()) {
                    double[] u = new double[space.parameters().size()];
                    int j = 0;
                    for (Map.Entry<String, ParamDistribution> e : space.parameters().entrySet()) {
                        u[j++] = e.getValue().toUnit(params.get(e.getKey()));
                    }
                    positions.add(u);
                    scores.add(t.mean());
                }
                best.offer(t, progress);
                progress.step();
            }
        }
        return trials;
    }

    static Trial evaluate(int index, Map<String, Object> params, Function<Map<String, Object>, Estimator<?>> factory,
                          Frame features, Column target, Settings settings) {
        try {
            Estimator<?> estimator = factory.apply(params);
            CrossValidationResult cv = CrossValidation.run(estimator, features, target, settings.validator());
            if (!cv.metrics().contains(settings.metric())) {
                throw new IllegalArgumentException("the folds report no metric '" + settings.metric() + "'; they report "
                        + cv.metrics());
            }
            return new Trial(index, params, cv.mean(settings.metric()), cv.std(settings.metric()), cv.meanFitSeconds(), null);
        } catch (IllegalArgumentException | dev.kiln.core.linalg.LinearAlgebraException e) {
            return new Trial(index, params, Double.NaN, Double.NaN, Double.NaN, e.getMessage());
        }
    }

    /** The best trial so far, for the progress status and the log. */
    private static final class Best {
        private final String metric;
        private final boolean greater;
        private Trial trial;

        Best(String metric, boolean greater) {
            this.metric = metric;
            this.greater = greater;
        }

        synchronized void offer(Trial t, Progress progress) {
            if (t.failed()) {
                LOG.debug("trial {} ({}) failed: {}", t.index(), t.describeParams(), t.error());
                return;
            }
            if (trial == null || (greater ? t.mean() > trial.mean() : t.mean() < trial.mean())) {
                trial = t;
                String status = String.format(java.util.Locale.ROOT, "best %s %.4f (%s)", metric, t.mean(), t.describeParams());
                progress.status(status);
                LOG.info("trial {}: {}", t.index(), status);
            }
        }
    }
}
