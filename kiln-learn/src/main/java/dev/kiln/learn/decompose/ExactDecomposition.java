package dev.kiln.learn.decompose;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.SingularValueDecomposition;
import dev.kiln.core.linalg.SymmetricEigen;

/**
 * The full spectrum of centred data X (n×p), chosen by shape. With n ≥ p it decomposes the
 * p×p matrix XᵀX (one GEMM, then {@link SymmetricEigen}), which costs about n·p² against the
 * SVD's several n·p². Forming XᵀX squares the condition number: an eigenvalue λ_k is then
 * known to within about p·ε·λ₁ rather than the SVD's ε·σ₁·σ_k, so the eigen route is kept
 * only when every requested eigenvalue is at least {@link #GRAM_RANGE} of the largest (each
 * then within roughly 1e-10·p relative). Otherwise, as for nearly dependent or wildly scaled
 * columns, it takes the SVD of X's R factor from {@link TallSkinnyQr}, which is as accurate as
 * an SVD of X itself. With n &lt; p it takes the SVD of X directly.
 */
final class ExactDecomposition {
    static final double GRAM_RANGE = 1e-6;

    private ExactDecomposition() {
    }

    /** The min(n, p) singular values of the compact, centred {@code x}, accurate for the leading {@code k}. */
    static Spectrum of(Matrix x, int k) {
        int n = x.rows();
        int p = x.cols();
        if (n < p) {
            return svd(x);
        }
        Spectrum gram = throughGram(x);
        double[] s = gram.singularValues();
        if (s[k - 1] * s[k - 1] >= GRAM_RANGE * s[0] * s[0]) {
            return gram;
        }
        return svd(TallSkinnyQr.r(x));
    }

    private static Spectrum throughGram(Matrix x) {
        int n = x.rows();
        int p = x.cols();
        double[] gram = new double[p * p];
        Blas.dgemm(true, false, p, p, n, 1.0, x.storage(), 0, p, x.storage(), 0, p, 0.0, gram, 0, p);
        SymmetricEigen eigen = SymmetricEigen.of(Matrix.wrap(p, p, gram));
        double[] values = eigen.values().toArray();
        double[] s = new double[p];
        for (int i = 0; i < p; i++) {
            s[i] = Math.sqrt(Math.max(values[i], 0));
        }
        return new Spectrum(s, eigen.vectors().transpose().storage(), p);
    }

    private static Spectrum svd(Matrix a) {
        SingularValueDecomposition svd = SingularValueDecomposition.of(a);
        return new Spectrum(svd.singularValues().toArray(), svd.v().transpose().storage(), a.cols());
    }
}
