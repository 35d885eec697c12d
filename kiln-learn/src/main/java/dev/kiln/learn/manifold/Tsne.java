package dev.kiln.learn.manifold;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.data.NumericOutput;
import dev.kiln.learn.decompose.Pca;
import dev.kiln.learn.neighbors.NeighborGraph;
import dev.kiln.learn.neighbors.Neighbors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * t-distributed stochastic neighbour embedding (van der Maaten and Hinton, "Visualizing data
 * using t-SNE", JMLR 2008) as scikit-learn 1.2's {@code TSNE}: perplexity-calibrated affinities
 * ({@link Perplexity}), early exaggeration for the first 250 iterations with momentum 0.5, then
 * momentum 0.8, with scikit-learn's gains ({@link GradientDescent}). The Barnes–Hut method (van
 * der Maaten, JMLR 2014) takes P from the ⌊3·perplexity + 1⌋ nearest neighbours and the
 * repulsion from a {@link SpaceTree}; the exact method sums all pairs. Like scikit-learn's, it
 * has no transform for new rows: {@link #fitTransform} returns the embedding. Seeded and
 * deterministic: the same seed gives the same embedding bit for bit, on any number of threads.
 */
public final class Tsne {
    static final String WHO = "t-SNE";
    /** Iterations with exaggerated P, as scikit-learn's {@code _EXPLORATION_N_ITER}. */
    static final int EXPLORATION_ITERATIONS = 250;

    /** How the gradient is computed. */
    public enum Method {
        /** Sparse P and a space-partitioning tree, O(n log n) per iteration; at most 3 components. */
        BARNES_HUT,
        /** Dense P and all pairs, O(n²) per iteration. */
        EXACT
    }

    /** How the embedding starts. */
    public enum Init {
        /** The first principal components (randomized PCA), scaled so the first has standard deviation 1e-4. */
        PCA,
        /** Independent normal draws with standard deviation 1e-4. */
        RANDOM
    }

    /** The distance between input rows; its square enters the affinities. */
    public enum Metric {
        EUCLIDEAN(2),
        MANHATTAN(1);

        private final double order;

        Metric(double order) {
            this.order = order;
        }

        /** The order p of the Minkowski distance this is. */
        public double minkowskiOrder() {
            return order;
        }
    }

    /**
     * The hyperparameters, with scikit-learn 1.2's defaults.
     *
     * @param nComponents          the embedding's dimension, ≥ 1; at most 3 for Barnes–Hut (2)
     * @param perplexity           the effective number of neighbours, &gt; 0 and below the rows (30)
     * @param earlyExaggeration    the factor on P for the first 250 iterations, ≥ 1 (12)
     * @param learningRate         the step size, &gt; 0; null for scikit-learn's 'auto',
     *                             max(rows / earlyExaggeration / 4, 50)
     * @param nIter                the most iterations, ≥ 250 (1000)
     * @param nIterWithoutProgress iterations without a lower divergence before stopping, ≥ −1 (300)
     * @param minGradNorm          the gradient norm at or below which it stops, ≥ 0 (1e-7)
     * @param metric               the input distance (euclidean)
     * @param init                 the starting embedding (scikit-learn 1.2: 'pca')
     * @param method               the gradient (barnes_hut)
     * @param angle                Barnes–Hut's opening angle θ, in [0, 1] (0.5)
     * @param seed                 the seed of the initialisation (scikit-learn's random_state=None
     *                             draws one; Kiln: 0)
     */
    public record Params(int nComponents, double perplexity, double earlyExaggeration, Double learningRate, int nIter,
                         int nIterWithoutProgress, double minGradNorm, Metric metric, Init init, Method method, double angle,
                         long seed) {
        public Params {
            if (nComponents < 1) {
                throw new IllegalArgumentException("nComponents must be >= 1, got " + nComponents);
            }
            if (!(perplexity > 0) || Double.isInfinite(perplexity)) {
                throw new IllegalArgumentException("perplexity must be a finite number > 0, got " + perplexity);
            }
            if (!(earlyExaggeration >= 1) || Double.isInfinite(earlyExaggeration)) {
                throw new IllegalArgumentException("earlyExaggeration must be a finite number >= 1, got " + earlyExaggeration);
            }
            if (learningRate != null && (!(learningRate > 0) || learningRate.isInfinite())) {
                throw new IllegalArgumentException("learningRate must be a finite number > 0 (or null for auto), got " + learningRate);
            }
            if (nIter < EXPLORATION_ITERATIONS) {
                throw new IllegalArgumentException("nIter must be >= " + EXPLORATION_ITERATIONS + " (the early exaggeration phase), got "
                        + nIter);
            }
            if (nIterWithoutProgress < -1) {
                throw new IllegalArgumentException("nIterWithoutProgress must be >= -1, got " + nIterWithoutProgress);
            }
            if (!(minGradNorm >= 0) || Double.isInfinite(minGradNorm)) {
                throw new IllegalArgumentException("minGradNorm must be a finite number >= 0, got " + minGradNorm);
            }
            if (metric == null || init == null || method == null) {
                throw new IllegalArgumentException("metric, init and method must be given, got " + metric + ", " + init + ", " + method);
            }
            if (!(angle >= 0 && angle <= 1)) {
                throw new IllegalArgumentException("angle must be in [0, 1], got " + angle);
            }
            if (method == Method.BARNES_HUT && nComponents > 3) {
                throw new IllegalArgumentException("nComponents must be at most 3 with the Barnes-Hut method (a quadtree or octree), got "
                        + nComponents + "; use Method.EXACT for more");
            }
        }

        public static Params defaults() {
            return new Params(2, 30.0, 12.0, null, 1000, 300, 1e-7, Metric.EUCLIDEAN, Init.PCA, Method.BARNES_HUT, 0.5, 0L);
        }

        public Params withNComponents(int nComponents) {
            return new Params(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm,
                    metric, init, method, angle, seed);
        }

        public Params withPerplexity(double perplexity) {
            return new Params(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm,
                    metric, init, method, angle, seed);
        }

        public Params withNIter(int nIter) {
            return new Params(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm,
                    metric, init, method, angle, seed);
        }

        public Params withInit(Init init) {
            return new Params(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm,
                    metric, init, method, angle, seed);
        }

        public Params withMethod(Method method) {
            return new Params(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm,
                    metric, init, method, angle, seed);
        }

        public Params withAngle(double angle) {
            return new Params(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm,
                    metric, init, method, angle, seed);
        }

        public Params withSeed(long seed) {
            return new Params(nComponents, perplexity, earlyExaggeration, learningRate, nIter, nIterWithoutProgress, minGradNorm,
                    metric, init, method, angle, seed);
        }

        /** The step size used on {@code rows} rows: the given one, or scikit-learn's 'auto'. */
        public double learningRateFor(int rows) {
            return learningRate != null ? learningRate : Math.max(rows / earlyExaggeration / 4, 50);
        }
    }

    private final Params params;

    public Tsne() {
        this(Params.defaults());
    }

    public Tsne(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** Embeds the rows of {@code features}, whose columns must all be numeric and complete. */
    public TsneResult fitTransform(Frame features) {
        Matrix x = NumericInput.features(features, WHO);
        int n = x.rows();
        if (n < 2) {
            throw new IllegalArgumentException(WHO + " needs at least 2 rows, got " + n);
        }
        if (params.perplexity() >= n) {
            throw new IllegalArgumentException(WHO + ": perplexity (" + params.perplexity() + ") must be less than the number of rows ("
                    + n + ")");
        }
        int d = params.nComponents();
        StudentT kernel = StudentT.forComponents(d);
        double[] y = initialEmbedding(features, x);
        Objective exaggerated;
        Objective plain;
        if (params.method() == Method.EXACT) {
            double[] p = DenseAffinities.of(x, params.perplexity(), params.metric().minkowskiOrder());
            double[] scaled = p.clone();
            for (int t = 0; t < scaled.length; t++) {
                scaled[t] *= params.earlyExaggeration();
            }
            exaggerated = new ExactGradient(scaled, n, d, kernel);
            plain = new ExactGradient(p, n, d, kernel);
        } else {
            SparseAffinities p = sparseAffinities(x);
            exaggerated = new BarnesHutGradient(p.times(params.earlyExaggeration()), d, params.angle(), kernel);
            plain = new BarnesHutGradient(p, d, params.angle(), kernel);
        }
        double rate = params.learningRateFor(n);
        GradientDescent.Outcome end;
        try (Progress progress = Progress.start(WHO + " (" + params.method().name().toLowerCase(java.util.Locale.ROOT) + ")",
                params.nIter())) {
            GradientDescent.Outcome explored = GradientDescent.run(exaggerated, y, 0, EXPLORATION_ITERATIONS, 0.5, rate,
                    EXPLORATION_ITERATIONS, params.minGradNorm(), progress);
            int next = explored.lastIteration() + 1;
            end = next < params.nIter()
                    ? GradientDescent.run(plain, y, next, params.nIter(), 0.8, rate, params.nIterWithoutProgress(),
                            params.minGradNorm(), progress)
                    : new GradientDescent.Outcome(explored.lastIteration(), plain.gradient(y, new double[y.length], true));
        }
        List<String> names = new ArrayList<>(d);
        for (int c = 1; c <= d; c++) {
            names.add("tsne" + c);
        }
        return new TsneResult(NumericOutput.frame(names, y, n), end.divergence(), end.lastIteration() + 1);
    }

    /** P from each row's ⌊3·perplexity + 1⌋ nearest neighbours (at most n − 1), their squared distances calibrated. */
    private SparseAffinities sparseAffinities(Matrix x) {
        int n = x.rows();
        int k = (int) Math.min(n - 1, Math.floor(3 * params.perplexity() + 1));
        Neighbors nn = NeighborGraph.of(x, k, params.metric().minkowskiOrder());
        double[] sq = nn.distances();
        for (int t = 0; t < sq.length; t++) {
            sq[t] *= sq[t];
        }
        return SparseAffinities.symmetrised(nn.indices(), Perplexity.conditional(sq, n, k, params.perplexity()), n, k);
    }

    private double[] initialEmbedding(Frame features, Matrix x) {
        int n = x.rows();
        int d = params.nComponents();
        double[] y = new double[n * d];
        if (params.init() == Init.RANDOM) {
            Rng rng = Rng.seeded(params.seed());
            for (int t = 0; t < y.length; t++) {
                y[t] = 1e-4 * rng.nextGaussian();
            }
            return y;
        }
        if (d > Math.min(n, x.cols())) {
            throw new IllegalArgumentException(WHO + ": PCA initialisation needs nComponents (" + d + ") <= min(rows, columns) = "
                    + Math.min(n, x.cols()) + "; use Init.RANDOM");
        }
        Pca pca = new Pca(Pca.Params.of(d).withSvdSolver(Pca.SvdSolver.RANDOMIZED).withSeed(params.seed()));
        Frame scores = pca.fit(features).transform(features);
        for (int c = 0; c < d; c++) {
            double[] v = scores.column(c).toDoubles();
            for (int i = 0; i < n; i++) {
                y[i * d + c] = v[i];
            }
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += y[i * d] / n;
        }
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (y[i * d] - mean) * (y[i * d] - mean) / n;
        }
        double scale = 1e-4 / Math.sqrt(var);
        for (int t = 0; t < y.length; t++) {
            y[t] *= scale;
        }
        return y;
    }
}
