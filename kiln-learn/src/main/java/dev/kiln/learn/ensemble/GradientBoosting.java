package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.selection.TrainTestSplit;
import dev.kiln.learn.tree.Tree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Histogram gradient boosting (Friedman 2001; Ke et al. 2017), the algorithm of scikit-learn's
 * {@code HistGradientBoostingRegressor} and {@code HistGradientBoostingClassifier}: features are
 * binned once into at most 255 quantile bins ({@link BinMapper}); each iteration fits one tree
 * per output to the gradients and hessians of the loss at the current raw scores
 * ({@link HistogramGrower}; the trees of several outputs grow in parallel, a grower per thread)
 * and adds its shrunk Newton-step leaf values. With early stopping, a held-out tenth of the rows
 * is scored after every iteration and boosting stops once the loss has not improved by
 * {@code tol} for {@code nIterNoChange} iterations.
 */
public final class GradientBoosting {
    static final String NAME = "gradient-boosting";
    /** Early stopping in {@link EarlyStopping#AUTO} mode applies above this many rows (scikit-learn's). */
    static final int AUTO_EARLY_STOPPING_ROWS = 10_000;
    /** Rows per part of the gradient computation. */
    private static final int CHUNK = 16_384;

    private GradientBoosting() {
    }

    /** Whether to stop early: always, never, or (AUTO, scikit-learn's default) above 10,000 rows. */
    public enum EarlyStopping { AUTO, ON, OFF }

    /**
     * The hyperparameters shared by the regressor and the classifier, with scikit-learn's
     * names in camel case.
     *
     * @param learningRate       shrinkage of each tree's leaf values, > 0 (default 0.1)
     * @param maxIter            the most boosting iterations (default 100)
     * @param maxLeafNodes       the most leaves per tree, ≥ 2, or null for no limit (default 31)
     * @param maxDepth           the deepest a leaf may be, ≥ 1, or null for no limit (default)
     * @param minSamplesLeaf     the fewest rows a leaf may have (default 20)
     * @param l2Regularization   λ in the leaf values {@code −G/(H + λ)}, ≥ 0 (default 0)
     * @param maxBins            bins per feature, in [2, 255] (default 255)
     * @param earlyStopping      AUTO (default), ON or OFF
     * @param validationFraction the share of rows held out to score early stopping, in (0, 1),
     *                           or null to score on the training rows (default 0.1)
     * @param nIterNoChange      iterations without improvement before stopping (default 10)
     * @param tol                the least improvement of the loss that counts (default 1e-7)
     * @param seed               draws the validation rows and the binning subsample
     */
    public record Params(double learningRate, int maxIter, Integer maxLeafNodes, Integer maxDepth, int minSamplesLeaf,
                         double l2Regularization, int maxBins, EarlyStopping earlyStopping, Double validationFraction,
                         int nIterNoChange, double tol, long seed) {

        public Params {
            Objects.requireNonNull(earlyStopping, "earlyStopping");
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning_rate must be a finite number > 0, got " + learningRate);
            }
            if (maxIter < 1) {
                throw new IllegalArgumentException("max_iter must be >= 1, got " + maxIter);
            }
            if (maxLeafNodes != null && maxLeafNodes < 2) {
                throw new IllegalArgumentException("max_leaf_nodes must be >= 2 (or none for no limit), got " + maxLeafNodes);
            }
            if (maxDepth != null && maxDepth < 1) {
                throw new IllegalArgumentException("max_depth must be >= 1 (or none for no limit), got " + maxDepth);
            }
            if (minSamplesLeaf < 1) {
                throw new IllegalArgumentException("min_samples_leaf must be >= 1, got " + minSamplesLeaf);
            }
            if (!(l2Regularization >= 0) || Double.isInfinite(l2Regularization)) {
                throw new IllegalArgumentException("l2_regularization must be a finite number >= 0, got " + l2Regularization);
            }
            if (maxBins < 2 || maxBins > 255) {
                throw new IllegalArgumentException("max_bins must be in [2, 255], got " + maxBins);
            }
            if (validationFraction != null && !(validationFraction > 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("validation_fraction must be in (0, 1) (or none to score the "
                        + "training rows), got " + validationFraction);
            }
            if (nIterNoChange < 1) {
                throw new IllegalArgumentException("n_iter_no_change must be >= 1, got " + nIterNoChange);
            }
            if (!(tol >= 0) || Double.isInfinite(tol)) {
                throw new IllegalArgumentException("tol must be a finite number >= 0, got " + tol);
            }
        }

        /** scikit-learn 1.2's defaults, with seed 0 in place of its unseeded {@code random_state=None}. */
        public static Params defaults() {
            return new Params(0.1, 100, 31, null, 20, 0.0, 255, EarlyStopping.AUTO, 0.1, 10, 1e-7, 0);
        }

        public Params withLearningRate(double v) {
            return new Params(v, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins,
                    earlyStopping, validationFraction, nIterNoChange, tol, seed);
        }

        public Params withMaxIter(int v) {
            return new Params(learningRate, v, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins,
                    earlyStopping, validationFraction, nIterNoChange, tol, seed);
        }

        public Params withMaxLeafNodes(Integer v) {
            return new Params(learningRate, maxIter, v, maxDepth, minSamplesLeaf, l2Regularization, maxBins,
                    earlyStopping, validationFraction, nIterNoChange, tol, seed);
        }

        public Params withMaxDepth(Integer v) {
            return new Params(learningRate, maxIter, maxLeafNodes, v, minSamplesLeaf, l2Regularization, maxBins,
                    earlyStopping, validationFraction, nIterNoChange, tol, seed);
        }

        public Params withMinSamplesLeaf(int v) {
            return new Params(learningRate, maxIter, maxLeafNodes, maxDepth, v, l2Regularization, maxBins,
                    earlyStopping, validationFraction, nIterNoChange, tol, seed);
        }

        public Params withL2Regularization(double v) {
            return new Params(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, v, maxBins,
                    earlyStopping, validationFraction, nIterNoChange, tol, seed);
        }

        public Params withMaxBins(int v) {
            return new Params(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, v,
                    earlyStopping, validationFraction, nIterNoChange, tol, seed);
        }

        public Params withEarlyStopping(EarlyStopping v) {
            return new Params(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins,
                    v, validationFraction, nIterNoChange, tol, seed);
        }

        public Params withValidationFraction(Double v) {
            return new Params(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins,
                    earlyStopping, v, nIterNoChange, tol, seed);
        }

        public Params withNIterNoChange(int v) {
            return new Params(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins,
                    earlyStopping, validationFraction, v, tol, seed);
        }

        public Params withTol(double v) {
            return new Params(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins,
                    earlyStopping, validationFraction, nIterNoChange, v, seed);
        }

        public Params withSeed(long v) {
            return new Params(learningRate, maxIter, maxLeafNodes, maxDepth, minSamplesLeaf, l2Regularization, maxBins,
                    earlyStopping, validationFraction, nIterNoChange, tol, v);
        }
    }

    /**
     * What boosting learned.
     *
     * @param baseline         the raw score before any tree, per output
     * @param trees            the trees, iteration by iteration, one per output within an iteration
     * @param iterations       how many iterations ran
     * @param trainScores      with early stopping, minus the mean training loss before each
     *                         iteration and after the last (empty otherwise)
     * @param validationScores likewise on the held-out rows (empty without them)
     */
    record Fitted(double[] baseline, List<Tree> trees, int iterations, double[] trainScores, double[] validationScores) {
    }

    /**
     * Boosts trees for {@code loss} on all rows of {@code x}.
     *
     * @param classCodes the class of each row, to stratify the validation rows; null for regression
     */
    static Fitted fit(Matrix x, BoostingLoss loss, Params params, int[] classCodes) {
        int n = x.rows();
        Rng rng = Rng.seeded(params.seed());
        boolean stopEarly = params.earlyStopping() == EarlyStopping.ON
                || params.earlyStopping() == EarlyStopping.AUTO && n > AUTO_EARLY_STOPPING_ROWS;
        int[] train = identity(n);
        int[] validation = null;
        if (stopEarly && params.validationFraction() != null) {
            long splitSeed = rng.stream(0).nextLong();
            TrainTestSplit split = classCodes == null ? TrainTestSplit.random(n, params.validationFraction(), splitSeed)
                    : TrainTestSplit.stratified(LongColumn.of("class", Arrays.stream(classCodes).asLongStream().toArray()),
                    params.validationFraction(), splitSeed);
            train = split.train();
            validation = split.test();
        }
        BinMapper mapper = BinMapper.fit(x, train, params.maxBins(), rng.stream(1));
        byte[][] bins = mapper.bin(x, train);
        int outputs = loss.outputs();
        HistogramGrower[] growers = new HistogramGrower[Math.min(outputs, Parallelism.threads())];
        for (int j = 0; j < growers.length; j++) {
            growers[j] = new HistogramGrower(bins, mapper, params);
        }
        int m = train.length;
        double[] baseline = loss.baseline(train);
        double[][] raw = filled(outputs, m, baseline);
        double[][] rawValidation = validation == null ? null : filled(outputs, validation.length, baseline);
        Matrix validationRows = validation == null ? null : rowsOf(x, validation);
        double[][] gradient = new double[outputs][m];
        double[][] hessian = loss.constantHessian() ? null : new double[outputs][m];
        List<Tree> trees = new ArrayList<>();
        List<Double> trainScores = new ArrayList<>();
        List<Double> validationScores = new ArrayList<>();
        int iterations = 0;
        try (Progress progress = Progress.start("Training gradient boosting", params.maxIter())) {
            while (iterations < params.maxIter()) {
                double trainLoss = gradients(loss, raw, train, gradient, hessian);
                if (stopEarly) {
                    score(trainLoss, loss, rawValidation, validation, trainScores, validationScores);
                    if (shouldStop(validation == null ? trainScores : validationScores, params)) {
                        break;
                    }
                }
                Tree[] grown = new Tree[outputs];
                java.util.concurrent.atomic.AtomicInteger nextOutput = new java.util.concurrent.atomic.AtomicInteger();
                Parallelism.forEachPart(growers.length, j -> {
                    // Each grower takes the next output as it frees up: trees differ in size,
                    // and a fixed share left one thread waiting for the other.
                    for (int k = nextOutput.getAndIncrement(); k < outputs; k = nextOutput.getAndIncrement()) {
                        grown[k] = growers[j].grow(gradient[k], hessian == null ? null : hessian[k], raw[k]);
                        if (rawValidation != null) {
                            addLeafValues(grown[k], validationRows, rawValidation[k]);
                        }
                    }
                });
                trees.addAll(List.of(grown));
                iterations++;
                progress.step();
            }
            if (stopEarly && iterations == params.maxIter()) {
                score(loss.meanLoss(raw, train), loss, rawValidation, validation, trainScores, validationScores);
            }
        }
        return new Fitted(baseline, trees, iterations, unboxed(trainScores), unboxed(validationScores));
    }

    /**
     * scikit-learn's rule: stop when none of the last {@code nIterNoChange} scores beats the one
     * before them by more than {@code tol}.
     */
    static boolean shouldStop(List<Double> scores, Params params) {
        int reference = params.nIterNoChange() + 1;
        if (scores.size() < reference) {
            return false;
        }
        double bar = scores.get(scores.size() - reference) + params.tol();
        for (int i = scores.size() - reference + 1; i < scores.size(); i++) {
            if (scores.get(i) > bar) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records minus the mean training loss, and on held-out rows minus theirs. (scikit-learn scores
     * after each iteration; here the training loss of the scores after iteration t comes from the
     * gradients of iteration t + 1, which are computed from them anyway.)
     */
    private static void score(double trainLoss, BoostingLoss loss, double[][] rawValidation, int[] validation,
                              List<Double> trainScores, List<Double> validationScores) {
        trainScores.add(-trainLoss);
        if (validation != null) {
            validationScores.add(-loss.meanLoss(rawValidation, validation));
        }
    }

    /**
     * Fills the gradients and hessians in parts of {@link #CHUNK} rows, in parallel; returns the
     * mean loss, summed part by part in order (the same sum whatever the thread count).
     */
    private static double gradients(BoostingLoss loss, double[][] raw, int[] rows, double[][] g, double[][] h) {
        int n = rows.length;
        int parts = (n + CHUNK - 1) / CHUNK;
        double[] sums = new double[parts];
        Parallelism.forEachPart(parts, part -> sums[part] = loss.gradients(raw, rows, (int) ((long) n * part / parts),
                (int) ((long) n * (part + 1) / parts), g, h));
        double total = 0;
        for (double v : sums) {
            total += v;
        }
        return total / n;
    }

    /** Adds the tree's leaf value for each row of the compact matrix {@code x} to {@code raw}, in parallel parts. */
    private static void addLeafValues(Tree tree, Matrix x, double[] raw) {
        int n = x.rows();
        int parts = (n + CHUNK / 4 - 1) / (CHUNK / 4);
        Parallelism.forEachPart(parts, part -> {
            int from = (int) ((long) n * part / parts);
            int to = (int) ((long) n * (part + 1) / parts);
            int[] leaves = new int[to - from];
            tree.leaves(x.storage(), 0, x.cols(), from, to, leaves);
            for (int j = from; j < to; j++) {
                raw[j] += tree.value(leaves[j - from], 0);
            }
        });
    }

    private static Matrix rowsOf(Matrix x, int[] rows) {
        return Matrix.from(rows.length, x.cols(), (i, j) -> x.get(rows[i], j));
    }

    private static double[][] filled(int outputs, int rows, double[] baseline) {
        double[][] out = new double[outputs][rows];
        for (int k = 0; k < outputs; k++) {
            Arrays.fill(out[k], baseline[k]);
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
