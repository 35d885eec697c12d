package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.random.Rng;
import java.util.Objects;

/**
 * k-means clustering as scikit-learn's {@code KMeans}: Lloyd's algorithm (Lloyd, IEEE Trans.
 * Information Theory 1982) from k-means++ seeds (Arthur and Vassilvitskii, SODA 2007), restarted
 * {@code nInit} times, keeping the run of lowest inertia (the sum of squared distances from rows
 * to their centres). The restarts advance in lockstep, one pass over the data serving them all,
 * both when drawing k-means++ seeds ({@link Seeding}) and in each Lloyd iteration
 * ({@link LockstepLloyd}), whose assignment steps use Hamerly's or Elkan's bounds
 * ({@link KMeansAlgorithm}) and GEMM distance blocks; the rows are split into fixed parts that run
 * in parallel. Restart r draws from stream r of the seed and every sum is formed in fixed parts,
 * so the model is the same bit for bit on any number of threads. Of restarts with equal inertia
 * the first wins. The target, if given, is ignored.
 */
public final class KMeans implements Estimator<KMeansModel> {
    static final String WHO = "kmeans";

    /**
     * The hyperparameters; {@link #defaults()} are scikit-learn 1.2's.
     *
     * @param nClusters k, the number of centres, ≥ 1 (8)
     * @param init      how the first centres are chosen (K_MEANS_PLUS_PLUS)
     * @param nInit     restarts from new seeds, ≥ 1 (10)
     * @param maxIter   iterations per restart at most, ≥ 1 (300)
     * @param tol       convergence when the centres' total squared shift is at most tol times
     *                  the mean feature variance, ≥ 0 (1e-4)
     * @param algorithm the assignment step (LLOYD)
     * @param seed      the seed of the draws (scikit-learn draws one when random_state is None; Kiln: 0)
     */
    public record Params(int nClusters, CentreInit init, int nInit, int maxIter, double tol, KMeansAlgorithm algorithm,
                         long seed) {
        public Params {
            Checks.atLeast("nClusters", nClusters, 1);
            Checks.required("init", init, "K_MEANS_PLUS_PLUS or RANDOM");
            Checks.atLeast("nInit", nInit, 1);
            Checks.atLeast("maxIter", maxIter, 1);
            Checks.nonNegative("tol", tol);
            Checks.required("algorithm", algorithm, "LLOYD or ELKAN");
        }

        public static Params defaults() {
            return new Params(8, CentreInit.K_MEANS_PLUS_PLUS, 10, 300, 1e-4, KMeansAlgorithm.LLOYD, 0);
        }

        public Params withClusters(int nClusters) {
            return new Params(nClusters, init, nInit, maxIter, tol, algorithm, seed);
        }

        public Params withSeed(long seed) {
            return new Params(nClusters, init, nInit, maxIter, tol, algorithm, seed);
        }
    }

    private final Params params;

    public KMeans() {
        this(Params.defaults());
    }

    public KMeans(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public KMeansModel fit(Frame features, Column target) {
        int k = params.nClusters();
        Points p = Points.forClusters(features, WHO, k);
        double tolerance = p.tolerance(params.tol());
        Rng rng = Rng.seeded(params.seed());
        Rng[] streams = new Rng[params.nInit()];
        for (int r = 0; r < streams.length; r++) {
            streams[r] = rng.stream(r);
        }
        Seeding.Seeds[] seeds = Seeding.seeds(params.init(), p, k, streams);
        LloydRun.Outcome best = LockstepLloyd.best(
                LockstepLloyd.run(p, seeds, k, params.maxIter(), tolerance, params.algorithm()));
        return new KMeansModel(params, features.schema(), p.uncentred(best.centres()), best.labels(), best.inertia(),
                best.iterations());
    }
}
