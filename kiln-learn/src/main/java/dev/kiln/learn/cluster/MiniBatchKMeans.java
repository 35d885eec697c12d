package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.random.Rng;
import java.util.Objects;

/**
 * Mini-batch k-means (Sculley, "Web-Scale K-Means Clustering", WWW 2010) as scikit-learn's
 * {@code MiniBatchKMeans}: of {@code nInit} seedings, each on {@code initSize} rows drawn with
 * replacement, the one of lowest inertia on a common validation sample starts; then each step
 * draws {@code batchSize} rows with replacement, assigns them to the nearest centres and moves
 * each centre to the running mean of every row it has been given (a per-centre learning rate of
 * 1 / count). Centres whose count falls below {@code reassignmentRatio} of the largest are moved
 * to random rows of the batch, every 10·k rows seen or whenever a count is zero. It stops after
 * {@code maxIter} passes' worth of steps, when the centres move by at most the tolerance, or
 * when an exponentially weighted average of the batch inertia has not improved for
 * {@code maxNoImprovement} steps. Seedings run in parallel from streams 1 … nInit of the seed;
 * the validation sample and the steps draw from stream 0. The target, if given, is ignored.
 */
public final class MiniBatchKMeans implements Estimator<MiniBatchKMeansModel> {
    static final String WHO = "minibatch-kmeans";

    /**
     * The hyperparameters; {@link #defaults()} are scikit-learn 1.2's.
     *
     * @param nClusters         k, the number of centres, ≥ 1 (8)
     * @param init              how the first centres are chosen (K_MEANS_PLUS_PLUS)
     * @param maxIter           passes over the data, counted in steps of batchSize rows, ≥ 1 (100)
     * @param batchSize         rows per step, ≥ 1 (1024; at most the rows)
     * @param computeLabels     whether to assign every training row at the end (true)
     * @param seed              the seed of the draws (scikit-learn draws one when random_state is None; Kiln: 0)
     * @param tol               stop when the centres' total squared move is at most tol times the
     *                          mean feature variance, ≥ 0 (0: off)
     * @param maxNoImprovement  steps without a better smoothed inertia before stopping, ≥ 0, or
     *                          null for never (10)
     * @param initSize          rows for each seeding, ≥ 1, or null for 3·batchSize (at least 3·k) (null)
     * @param nInit             seedings tried, ≥ 1 (3)
     * @param reassignmentRatio how small a centre's count may get, relative to the largest, before
     *                          it is moved, in [0, 1] (0.01)
     */
    public record Params(int nClusters, CentreInit init, int maxIter, int batchSize, boolean computeLabels, long seed,
                         double tol, Integer maxNoImprovement, Integer initSize, int nInit, double reassignmentRatio) {
        public Params {
            Checks.atLeast("nClusters", nClusters, 1);
            Checks.required("init", init, "K_MEANS_PLUS_PLUS or RANDOM");
            Checks.atLeast("maxIter", maxIter, 1);
            Checks.atLeast("batchSize", batchSize, 1);
            Checks.nonNegative("tol", tol);
            if (maxNoImprovement != null) {
                Checks.atLeast("maxNoImprovement", maxNoImprovement, 0);
            }
            if (initSize != null) {
                Checks.atLeast("initSize", initSize, 1);
            }
            Checks.atLeast("nInit", nInit, 1);
            Checks.unitInterval("reassignmentRatio", reassignmentRatio);
        }

        public static Params defaults() {
            return new Params(8, CentreInit.K_MEANS_PLUS_PLUS, 100, 1024, true, 0, 0.0, 10, null, 3, 0.01);
        }

        public Params withClusters(int nClusters) {
            return new Params(nClusters, init, maxIter, batchSize, computeLabels, seed, tol, maxNoImprovement, initSize,
                    nInit, reassignmentRatio);
        }

        public Params withSeed(long seed) {
            return new Params(nClusters, init, maxIter, batchSize, computeLabels, seed, tol, maxNoImprovement, initSize,
                    nInit, reassignmentRatio);
        }
    }

    private final Params params;

    public MiniBatchKMeans() {
        this(Params.defaults());
    }

    public MiniBatchKMeans(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public MiniBatchKMeansModel fit(Frame features, Column target) {
        int k = params.nClusters();
        Points p = Points.forClusters(features, WHO, k);
        int batch = Math.min(params.batchSize(), p.n);
        Rng rng = Rng.seeded(params.seed());
        Rng steps = rng.stream(0);
        Points validation = p.subset(draw(steps, p.n, initSize(batch, p.n)));
        double[] start = bestSeeding(p, validation, batch, rng);
        MiniBatchSteps run = new MiniBatchSteps(p, start, k, batch, params, steps);
        run.run();
        double[] centres = run.centres();
        int[] labels = null;
        double inertia = run.smoothedInertia() * p.n;
        if (params.computeLabels()) {
            labels = CentreQueries.nearest(p, centres, k);
            inertia = p.inertia(centres, labels);
        }
        return new MiniBatchKMeansModel(params, features.schema(), p.uncentred(centres), run.counts(), labels, inertia,
                run.steps(), (int) Math.ceil(run.steps() * (double) batch / p.n));
    }

    /** scikit-learn's init size: 3·batch by default, at least 3·k, at most the rows. */
    private int initSize(int batch, int n) {
        int k = params.nClusters();
        Integer asked = params.initSize();
        int size = asked == null ? 3 * batch : asked;
        if (size < k) {
            size = 3 * k;
        }
        return Math.min(size, n);
    }

    /** The seeding, each on its own sample of rows, of lowest inertia on the validation rows. */
    private double[] bestSeeding(Points p, Points validation, int batch, Rng rng) {
        int k = params.nClusters();
        int size = initSize(batch, p.n);
        double[][] seeds = new double[params.nInit()][];
        double[] inertia = new double[seeds.length];
        Parallelism.forEachPart(seeds.length, r -> {
            Rng stream = rng.stream(r + 1L);
            Points sample = size < p.n ? p.subset(draw(stream, p.n, size)) : p;
            seeds[r] = Seeding.seeds(params.init(), sample, k, new Rng[] {stream})[0].centres();
            int[] labels = CentreQueries.nearest(validation, seeds[r], k);
            inertia[r] = validation.inertia(seeds[r], labels);
        });
        int best = 0;
        for (int r = 1; r < seeds.length; r++) {
            if (inertia[r] < inertia[best]) {
                best = r;
            }
        }
        return seeds[best];
    }

    /** {@code count} rows of [0, n) drawn uniformly with replacement. */
    static int[] draw(Rng rng, int n, int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = rng.nextInt(n);
        }
        return rows;
    }
}
