package dev.kiln.learn.decompose;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Cholesky;
import dev.kiln.core.linalg.LinearAlgebraException;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.QR;
import dev.kiln.core.linalg.SingularValueDecomposition;
import dev.kiln.core.random.Rng;

/**
 * The leading k singular triplets by randomized range finding (Halko, Martinsson and Tropp,
 * "Finding structure with randomness", SIAM Review 2011, Alg. 4.4 then 5.1), as scikit-learn's
 * {@code randomized_svd}: a Gaussian test matrix of k + oversamples columns, q power
 * iterations (X·Xᵀ)^q·X·Ω, an orthonormal basis Q of the result, and the exact SVD of the small
 * QᵀX. Every product with X is a GEMM. Bases are orthonormalised by Cholesky QR (a Gram GEMM
 * and a triangular inverse) while the Gram matrix is well enough conditioned, else by
 * Householder QR; see {@link #orthonormal}.
 */
final class RandomizedSvd {
    /** Smallest pivot², relative to the largest diagonal of the Gram matrix, that Cholesky QR accepts. */
    private static final double CHOLESKY_QR_LIMIT = 1e-10;
    /** How far from the identity a basis's Gram matrix may be for a second Cholesky QR to make it orthonormal. */
    private static final double NEARLY_ORTHONORMAL = 0.1;

    /**
     * How many times fewer flops per second a product of X with an l-column block achieves than
     * the square Gram product: the thin one streams all of X for few flops per element, so
     * memory, not arithmetic, bounds it (measured: 10,000×500 by 500×20 runs at about a fifth of
     * the rate of XᵀX; 3 leaves room for machines with more memory bandwidth per core).
     */
    private static final int SKINNY_PENALTY = 3;

    private RandomizedSvd() {
    }

    /**
     * The result for an n×p matrix.
     *
     * @param singularValues the k largest, descending
     * @param vt             the right singular vectors as rows, k×p
     * @param u              the left singular vectors as columns, n×k
     */
    record Result(double[] singularValues, double[] vt, double[] u) {
    }

    /**
     * The leading {@code k} singular triplets of the compact {@code x}. The power iterations
     * X·(XᵀX)^q·Ω run on XᵀX itself, formed once, when that is the cheaper way to the same
     * subspace: 2np² flops for the Gram matrix against (2q + 1)·2npl for the products with X,
     * which run at a lower rate ({@link #SKINNY_PENALTY}), that is when n ≥ p and
     * p &lt; SKINNY_PENALTY·(2q + 1)·l. Rounding in XᵀX only blurs directions of
     * singular value near √ε·σ₁, far below the leading ones; the basis is then multiplied by X
     * itself, and the singular values come from QᵀX, so they are as accurate as the direct way's.
     */
    static Result of(Matrix x, int k, int oversamples, int powerIterations, Rng rng) {
        int n = x.rows();
        int p = x.cols();
        double[] a = x.storage();
        int l = Math.min(k + oversamples, Math.min(n, p));
        double[] omega = new double[p * l];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = rng.nextGaussian();
        }
        double[] y = new double[n * l];
        if (powerIterations > 0 && n >= p && p < SKINNY_PENALTY * (2L * powerIterations + 1) * l) {
            double[] gram = new double[p * p];
            Blas.dgemm(true, false, p, p, n, 1.0, a, 0, p, a, 0, p, 0.0, gram, 0, p);
            double[] w = omega;
            double[] z = new double[p * l];
            for (int it = 0; it < powerIterations; it++) {
                Blas.dgemm(false, false, p, l, p, 1.0, gram, 0, p, w, 0, l, 0.0, z, 0, l);
                w = orthonormal(z, p, l, false);
            }
            Blas.dgemm(false, false, n, l, p, 1.0, a, 0, p, w, 0, l, 0.0, y, 0, l);
        } else {
            double[] z = new double[p * l];
            Blas.dgemm(false, false, n, l, p, 1.0, a, 0, p, omega, 0, l, 0.0, y, 0, l);
            for (int it = 0; it < powerIterations; it++) {
                double[] q = orthonormal(y, n, l, false);
                Blas.dgemm(true, false, p, l, n, 1.0, a, 0, p, q, 0, l, 0.0, z, 0, l);
                double[] w = orthonormal(z, p, l, false);
                Blas.dgemm(false, false, n, l, p, 1.0, a, 0, p, w, 0, l, 0.0, y, 0, l);
            }
        }
        double[] q = orthonormal(y, n, l, true);
        double[] b = new double[l * p];
        Blas.dgemm(true, false, l, p, n, 1.0, q, 0, l, a, 0, p, 0.0, b, 0, p);
        SingularValueDecomposition svd = SingularValueDecomposition.of(Matrix.wrap(l, p, b));
        double[] ub = svd.u().storage();
        int r = svd.singularValues().size();
        double[] u = new double[n * k];
        Blas.dgemm(false, false, n, k, l, 1.0, q, 0, l, ub, 0, r, 0.0, u, 0, k);
        double[] vt = svd.v().transpose().storage();
        return new Result(java.util.Arrays.copyOf(svd.singularValues().toArray(), k), java.util.Arrays.copyOf(vt, k * p), u);
    }

    /**
     * An m×l row-major basis of the columns of {@code y}: Cholesky QR where it is safe, else
     * Householder QR. When the basis must be orthonormal to working precision ({@code exact}),
     * Cholesky QR runs twice ("CholeskyQR2", Fukaya, Nakatsukasa, Yanagisawa and Yamamoto 2014),
     * and the second pass is accepted only when the first basis's Gram matrix is within
     * {@link #NEARLY_ORTHONORMAL} of the identity, where that pass's error is of the order of ε.
     */
    private static double[] orthonormal(double[] y, int m, int l, boolean exact) {
        double[] q = choleskyQr(y, m, l, Double.POSITIVE_INFINITY);
        if (q != null && exact) {
            q = choleskyQr(q, m, l, NEARLY_ORTHONORMAL);
        }
        return q != null ? q : QR.of(Matrix.wrap(m, l, y)).q().storage();
    }

    /**
     * Y·R⁻¹ with RᵀR = YᵀY, or null when a pivot says YᵀY is too ill conditioned to trust, or when
     * an entry of YᵀY differs from the identity's by more than {@code maxDeviation}.
     */
    private static double[] choleskyQr(double[] y, int m, int l, double maxDeviation) {
        double[] gram = new double[l * l];
        Blas.dgemm(true, false, l, l, m, 1.0, y, 0, l, y, 0, l, 0.0, gram, 0, l);
        double largest = 0;
        for (int i = 0; i < l; i++) {
            largest = Math.max(largest, gram[i * l + i]);
            for (int j = 0; j < l; j++) {
                if (!(Math.abs(gram[i * l + j] - (i == j ? 1 : 0)) <= maxDeviation)) {
                    return null;
                }
            }
        }
        double[] lower;
        try {
            lower = Cholesky.of(Matrix.wrap(l, l, gram)).lower().storage();
        } catch (LinearAlgebraException notPositiveDefinite) {
            return null;
        }
        for (int i = 0; i < l; i++) {
            double pivot = lower[i * l + i];
            if (!(pivot * pivot > CHOLESKY_QR_LIMIT * largest)) {
                return null;
            }
        }
        double[] inverse = lowerInverse(lower, l);
        double[] q = new double[m * l];
        Blas.dgemm(false, true, m, l, l, 1.0, y, 0, l, inverse, 0, l, 0.0, q, 0, l);
        return q;
    }

    /** The inverse of the row-major lower-triangular {@code lower}, by forward substitution on the identity. */
    private static double[] lowerInverse(double[] lower, int l) {
        double[] inv = new double[l * l];
        for (int c = 0; c < l; c++) {
            for (int i = c; i < l; i++) {
                double sum = i == c ? 1.0 : 0.0;
                for (int j = c; j < i; j++) {
                    sum -= lower[i * l + j] * inv[j * l + c];
                }
                inv[i * l + c] = sum / lower[i * l + i];
            }
        }
        return inv;
    }
}
