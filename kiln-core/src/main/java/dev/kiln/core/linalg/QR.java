package dev.kiln.core.linalg;

import java.util.Arrays;

/**
 * Householder QR of an m×n matrix with m ≥ n: A = Q·R, Q m×n with orthonormal columns and R
 * n×n upper triangular (Golub and Van Loan, Matrix Computations, 4th ed., Alg. 5.2.1, with the
 * reflectors of LAPACK's dgeqr2), blocked as LAPACK's dgeqrf: panels of {@link #BLOCK} columns are factored
 * one reflector at a time and applied to the rest of the matrix in compact WY form, so most of
 * the work runs in GEMM. The reflectors act on columns, so the factorisation runs on the
 * transpose, where each column of A is a contiguous row.
 *
 * <p>Rank is read from the diagonal of R: column j is deficient when
 * |r_jj| ≤ max(m, n)·ε·max_k |r_kk| (ε = 2⁻⁵², the tolerance numpy's matrix_rank applies to
 * singular values). Without column pivoting this flags columns that are, to working precision,
 * combinations of the columns before them; use {@link SingularValueDecomposition} to measure
 * rank on nearly deficient data. Instances are immutable.
 */
public final class QR {
    private static final double EPSILON = Math.ulp(1.0);
    /** Columns per panel of the blocked factorisation. */
    private static final int BLOCK = 48;

    private final int m;
    private final int n;
    /** Row j: r_ij for i < j, then r_jj, then v_j[1..m−j). */
    private final double[] factored;
    private final double[] tau;
    private final int firstDeficientColumn;
    private final double rankTolerance;

    private QR(int m, int n, double[] factored, double[] tau) {
        this.m = m;
        this.n = n;
        this.factored = factored;
        this.tau = tau;
        double maxDiagonal = 0;
        for (int j = 0; j < n; j++) {
            maxDiagonal = Math.max(maxDiagonal, Math.abs(factored[j * m + j]));
        }
        this.rankTolerance = Math.max(m, n) * EPSILON * maxDiagonal;
        int deficient = -1;
        for (int j = 0; j < n && deficient < 0; j++) {
            if (Math.abs(factored[j * m + j]) <= rankTolerance) {
                deficient = j;
            }
        }
        this.firstDeficientColumn = deficient;
    }

    /**
     * Factors {@code a}.
     *
     * @throws IllegalArgumentException if a is empty, has fewer rows than columns or is not finite
     */
    public static QR of(Matrix a) {
        MatrixChecks.requireNonEmpty(a, "QR");
        if (a.rows() < a.cols()) {
            throw new IllegalArgumentException("QR needs at least as many rows as columns, got " + a.shape()
                    + "; factor the transpose, or use SingularValueDecomposition for an underdetermined system");
        }
        MatrixChecks.requireFinite(a, "QR");
        int m = a.rows();
        int n = a.cols();
        double[] t = a.transpose().storage();
        double[] tau = new double[n];
        for (int j = 0; j < n; j += BLOCK) {
            int panel = Math.min(BLOCK, n - j);
            for (int i = j; i < j + panel; i++) {
                int diagonal = i * m + i;
                tau[i] = Householder.reflect(t, diagonal, m - i, 1);
                Householder.applyToRows(tau[i], t, diagonal, m - i, t, diagonal + m, m, j + panel - i - 1);
            }
            int trailing = n - j - panel;
            if (trailing > 0) {
                if (trailing >= BLOCK && m - j >= 2 * BLOCK) {
                    applyBlock(t, m, j, panel, tau, trailing);
                } else {
                    for (int i = j; i < j + panel; i++) {
                        int diagonal = i * m + i;
                        Householder.applyToRows(tau[i], t, diagonal, m - i, t, (j + panel) * m + i, m, trailing);
                    }
                }
            }
        }
        return new QR(m, n, t, tau);
    }

    /**
     * Applies the panel's reflectors H_j…H_{j+b−1} to the trailing columns at once, in LAPACK's
     * compact WY form (dlarft, dlarfb; Schreiber and Van Loan 1989): H_j·…·H_{j+b−1} = I − V·T·Vᵀ
     * with T upper triangular, so the trailing block C (stored as rows) becomes C − (C·V)·T·Vᵀ,
     * two GEMMs and a small triangular product.
     */
    private static void applyBlock(double[] t, int m, int j, int b, double[] tau, int trailing) {
        int p = m - j;
        double[] v = new double[b * p];
        for (int i = 0; i < b; i++) {
            v[i * p + i] = 1;
            System.arraycopy(t, (j + i) * m + j + i + 1, v, i * p + i + 1, p - i - 1);
        }
        double[] tri = new double[b * b];
        for (int i = 0; i < b; i++) {
            double ti = tau[j + i];
            tri[i * b + i] = ti;
            if (ti == 0) {
                continue;
            }
            for (int k = 0; k < i; k++) {
                tri[k * b + i] = -ti * Blas.dot(p - i, v, k * p + i, v, i * p + i);
            }
            for (int k = 0; k < i; k++) {
                double sum = 0;
                for (int l = k; l < i; l++) {
                    sum += tri[k * b + l] * tri[l * b + i];
                }
                tri[k * b + i] = sum;
            }
        }
        int co = (j + b) * m + j;
        double[] w = new double[trailing * b];
        Blas.dgemm(false, true, trailing, b, p, 1.0, t, co, m, v, 0, p, 0.0, w, 0, b);
        double[] wt = new double[trailing * b];
        Blas.dgemm(false, false, trailing, b, b, 1.0, w, 0, b, tri, 0, b, 0.0, wt, 0, b);
        Blas.dgemm(false, false, trailing, p, b, -1.0, wt, 0, b, v, 0, p, 1.0, t, co, m);
    }

    /** The thin factor Q, a new m×n matrix with orthonormal columns. */
    public Matrix q() {
        double[] w = new double[n * m];
        for (int c = 0; c < n; c++) {
            w[c * m + c] = 1;
        }
        for (int j = n - 1; j >= 0; j--) {
            int diagonal = j * m + j;
            Householder.applyToRows(tau[j], factored, diagonal, m - j, w, diagonal, m, n - j);
        }
        return Matrix.wrap(n, m, w).transpose();
    }

    /** The factor R, a new n×n upper-triangular matrix. */
    public Matrix r() {
        double[] r = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                r[i * n + j] = factored[j * m + i];
            }
        }
        return Matrix.wrap(n, n, r);
    }

    /** Whether every |r_jj| exceeds the tolerance in the class comment. */
    public boolean isFullRank() {
        return firstDeficientColumn < 0;
    }

    /**
     * The least-squares solution x minimising ‖A·x − b‖₂ (the exact solution when m = n).
     *
     * @throws LinearAlgebraException if A is rank deficient; the message names the column
     */
    public Vector solve(Vector b) {
        if (b.size() != m) {
            throw new IllegalArgumentException("QR.solve: the right-hand side has " + b.size() + " elements, the "
                    + m + "x" + n + " matrix needs " + m);
        }
        requireFullRank();
        double[] y = b.toArray();
        solveInPlace(y, 0);
        return Vector.wrap(Arrays.copyOf(y, n));
    }

    /**
     * The least-squares solution X minimising ‖A·X − B‖_F, column by column.
     *
     * @throws LinearAlgebraException if A is rank deficient; the message names the column
     */
    public Matrix solve(Matrix b) {
        if (b.rows() != m) {
            throw new IllegalArgumentException("QR.solve: the right-hand side is " + b.shape() + ", the "
                    + m + "x" + n + " matrix needs " + m + " rows");
        }
        requireFullRank();
        int k = b.cols();
        double[] columns = b.transpose().storage();
        for (int c = 0; c < k; c++) {
            solveInPlace(columns, c * m);
        }
        return Matrix.wrap(k, m, columns).view(0, 0, k, n).transpose();
    }

    /**
     * The first n elements of Qᵀ·b, without forming Q: with the triangular factor they give the
     * least-squares solution, and with R's SVD the minimum-norm one when A is rank deficient.
     */
    public Vector qTransposeTimes(Vector b) {
        if (b.size() != m) {
            throw new IllegalArgumentException("QR.qTransposeTimes: the vector has " + b.size() + " elements, the "
                    + m + "x" + n + " matrix needs " + m);
        }
        double[] y = b.toArray();
        for (int j = 0; j < n; j++) {
            Householder.applyTo(tau[j], factored, j * m + j, m - j, y, j);
        }
        return Vector.wrap(Arrays.copyOf(y, n));
    }

    /** Q·w for w of n elements, a new array of m: the reflectors applied to (w, 0) in reverse order. */
    double[] qTimes(double[] w) {
        double[] y = Arrays.copyOf(w, m);
        for (int j = n - 1; j >= 0; j--) {
            Householder.applyTo(tau[j], factored, j * m + j, m - j, y, j);
        }
        return y;
    }

    /** The solution w of Rᵀ·w = d[0..n), by forward substitution; R must be nonsingular. */
    double[] solveTransposedTriangular(double[] d) {
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = (d[j] - Blas.dot(j, factored, j * m, w, 0)) / factored[j * m + j];
        }
        return w;
    }

    /** Overwrites y[yo..yo+n) with R⁻¹·(Qᵀy)[0..n) for the m values at yo. */
    private void solveInPlace(double[] y, int yo) {
        for (int j = 0; j < n; j++) {
            Householder.applyTo(tau[j], factored, j * m + j, m - j, y, yo + j);
        }
        for (int j = n - 1; j >= 0; j--) {
            y[yo + j] /= factored[j * m + j];
            Blas.axpy(j, -y[yo + j], factored, j * m, y, yo);
        }
    }

    private void requireFullRank() {
        if (firstDeficientColumn >= 0) {
            int j = firstDeficientColumn;
            throw new LinearAlgebraException("QR least squares needs full column rank, but column " + j
                    + " is numerically a combination of the columns before it: |r(" + j + ", " + j + ")| = "
                    + Math.abs(factored[j * m + j]) + " <= tolerance " + rankTolerance
                    + " (max(m, n) x eps x max|r(k, k)|); SingularValueDecomposition.pseudoInverse gives the"
                    + " minimum-norm solution");
        }
    }
}
