package dev.kiln.learn.decompose;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Transformer;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * Principal component analysis (Pearson 1901; Hotelling 1933) as scikit-learn's {@code PCA}: the
 * data are centred and projected onto the leading right singular vectors of the centred matrix.
 * The full solver decomposes XᵀX or takes an SVD, whichever {@link ExactDecomposition} finds
 * both cheaper and accurate enough; the randomized one follows Halko, Martinsson and Tropp
 * (2011) through {@link RandomizedSvd}. Signs follow scikit-learn's {@code svd_flip} on the
 * scores, so results are deterministic and comparable. Output columns are pc1, pc2, ….
 */
public final class Pca implements Transformer {
    static final String WHO = "pca";

    /** How the decomposition is computed. */
    public enum SvdSolver {
        /**
         * scikit-learn 1.2's rule: FULL when the data have at most 500 rows and 500 columns, else
         * RANDOMIZED when nComponents &lt; 0.8·min(rows, columns), else FULL.
         */
        AUTO,
        /** Every singular value, exactly (through XᵀX or an SVD; see the class comment). */
        FULL,
        /** The leading nComponents only, by randomized range finding. */
        RANDOMIZED;

        /** The solver this one stands for on an n×p matrix asked for k components. */
        public SvdSolver resolve(int n, int p, int k) {
            if (this != AUTO) {
                return this;
            }
            if (Math.max(n, p) <= 500) {
                return FULL;
            }
            return k < 0.8 * Math.min(n, p) ? RANDOMIZED : FULL;
        }
    }

    /**
     * The hyperparameters.
     *
     * @param nComponents   how many components to keep, ≥ 1 and at most min(rows, columns); null
     *                      keeps min(rows, columns) (scikit-learn: None)
     * @param whiten        whether to divide each score by the square root of its variance (False)
     * @param svdSolver     the solver (scikit-learn: 'auto')
     * @param iteratedPower the randomized solver's power iterations, ≥ 0; null for scikit-learn's
     *                      'auto': 7 when nComponents &lt; 0.1·min(rows, columns), else 4
     * @param nOversamples  extra random directions the randomized solver samples, ≥ 0 (10)
     * @param seed          the seed of the randomized solver's test matrix (scikit-learn's
     *                      random_state=None draws one; Kiln: 0)
     */
    public record Params(Integer nComponents, boolean whiten, SvdSolver svdSolver, Integer iteratedPower, int nOversamples,
                         long seed) {
        public Params {
            if (nComponents != null && nComponents < 1) {
                throw new IllegalArgumentException("nComponents must be >= 1 (or null for all), got " + nComponents);
            }
            if (svdSolver == null) {
                throw new IllegalArgumentException("svdSolver must be AUTO, FULL or RANDOMIZED, got null");
            }
            if (iteratedPower != null && iteratedPower < 0) {
                throw new IllegalArgumentException("iteratedPower must be >= 0 (or null for auto), got " + iteratedPower);
            }
            if (nOversamples < 0) {
                throw new IllegalArgumentException("nOversamples must be >= 0, got " + nOversamples);
            }
        }

        public static Params defaults() {
            return new Params(null, false, SvdSolver.AUTO, null, 10, 0L);
        }

        /** The defaults, keeping {@code nComponents} components. */
        public static Params of(int nComponents) {
            return defaults().withNComponents(nComponents);
        }

        public Params withNComponents(Integer nComponents) {
            return new Params(nComponents, whiten, svdSolver, iteratedPower, nOversamples, seed);
        }

        public Params withWhiten(boolean whiten) {
            return new Params(nComponents, whiten, svdSolver, iteratedPower, nOversamples, seed);
        }

        public Params withSvdSolver(SvdSolver svdSolver) {
            return new Params(nComponents, whiten, svdSolver, iteratedPower, nOversamples, seed);
        }

        public Params withSeed(long seed) {
            return new Params(nComponents, whiten, svdSolver, iteratedPower, nOversamples, seed);
        }
    }

    private final Params params;

    public Pca() {
        this(Params.defaults());
    }

    public Pca(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** Fits on every column of {@code features}; see {@link #fit(Frame, Column)}. */
    public FittedPca fit(Frame features) {
        return fit(features, null);
    }

    /** Fits on every column of {@code features}, which must be numeric and complete; {@code target} is ignored. */
    @Override
    public FittedPca fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, WHO);
        int n = x.rows();
        int p = x.cols();
        if (n < 2) {
            throw new IllegalArgumentException(WHO + " needs at least 2 rows to estimate variances, got " + n);
        }
        int rank = Math.min(n, p);
        int k = params.nComponents() == null ? rank : params.nComponents();
        if (k > rank) {
            throw new IllegalArgumentException(WHO + ": nComponents = " + k + " exceeds min(rows, columns) = " + rank
                    + " (" + n + " rows, " + p + " columns); use at most " + rank);
        }
        SvdSolver solver = params.svdSolver().resolve(n, p, k);
        double[] mean = Centring.centre(x);
        double totalVariance = Centring.sumOfSquares(x) / (n - 1);
        if (totalVariance == 0) {
            throw new IllegalArgumentException(WHO + ": every column is constant, so there is no variance to decompose");
        }
        Leading leading = solver == SvdSolver.FULL ? full(x, k, rank) : randomized(x, k, rank, totalVariance);
        double[] vt = leading.vt();
        SignFlip.applyToRows(vt, p, SignFlip.columnSigns(leading.scores(), n, k));
        double[] singular = leading.singularValues();
        double[] variance = new double[k];
        double[] ratio = new double[k];
        for (int c = 0; c < k; c++) {
            variance[c] = singular[c] * singular[c] / (n - 1);
            ratio[c] = variance[c] / totalVariance;
        }
        return new FittedPca(params, solver, n, features.schema(), mean, vt, variance, ratio, singular, leading.noiseVariance());
    }

    /**
     * The k leading singular values and right singular vectors (rows of vt), the matching
     * columns of U·S or U (n×k; only their signs are used) and the noise variance.
     */
    private record Leading(double[] singularValues, double[] vt, double[] scores, double noiseVariance) {
    }

    private static Leading full(Matrix x, int k, int rank) {
        int n = x.rows();
        int p = x.cols();
        Spectrum spectrum = ExactDecomposition.of(x, k);
        double[] vt = spectrum.leadingRows(k);
        double[] scores = new double[n * k];
        Blas.dgemm(false, true, n, k, p, 1.0, x.storage(), 0, p, vt, 0, p, 0.0, scores, 0, k);
        return new Leading(java.util.Arrays.copyOf(spectrum.singularValues(), k), vt, scores,
                tailMean(spectrum.singularValues(), k, rank, n));
    }

    private Leading randomized(Matrix x, int k, int rank, double totalVariance) {
        int n = x.rows();
        int iterations = params.iteratedPower() != null ? params.iteratedPower() : k < 0.1 * rank ? 7 : 4;
        RandomizedSvd.Result r = RandomizedSvd.of(x, k, params.nOversamples(), iterations, Rng.seeded(params.seed()));
        double explained = 0;
        for (double s : r.singularValues()) {
            explained += s * s / (n - 1);
        }
        double noise = k < rank ? (totalVariance - explained) / (rank - k) : 0.0;
        return new Leading(r.singularValues(), r.vt(), r.u(), noise);
    }

    /** The mean variance of the components after the first k, of the rank kept: the probabilistic PCA noise (Tipping and Bishop 1999). */
    private static double tailMean(double[] singular, int k, int rank, int n) {
        if (k >= rank) {
            return 0.0;
        }
        double sum = 0;
        for (int c = k; c < rank; c++) {
            sum += singular[c] * singular[c] / (n - 1);
        }
        return sum / (rank - k);
    }
}
