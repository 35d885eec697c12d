package dev.kiln.core.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The thin singular value decomposition A = U·diag(s)·Vᵀ of an m×n matrix, r = min(m, n)
 * singular values, largest first. Golub–Kahan–Reinsch: Householder bidiagonalisation, then
 * implicit-shift QR on the bidiagonal (Golub and Van Loan, Matrix Computations, 4th ed.,
 * Alg. 8.6.1–8.6.2, with the deflation and splitting of LINPACK's dsvdc). It was chosen over
 * one-sided Jacobi because its cost is a fixed O(mn²) dominated by Householder updates and one
 * matrix product, which run on the SIMD kernels, where Jacobi needs several sweeps of O(mn²)
 * rotations each. The bidiagonal's rotations are gathered on n×n row-stored factors and
 * applied to the Householder bases with a single GEMM. A wide matrix is decomposed through its
 * transpose, and every matrix is scaled by a power of two first so that entries near 1e±150
 * neither overflow nor underflow. Instances are immutable.
 */
public final class SingularValueDecomposition {
    static final int MAX_ITERATIONS_PER_VALUE = 75;
    private static final double EPSILON = Math.ulp(1.0);
    /** Absolute floor of the negligibility tests; the scaling keeps everything above it meaningful. */
    private static final double TINY = Double.MIN_NORMAL;

    private final int m;
    private final int n;
    private final double[] s;
    private final Matrix u;
    private final Matrix v;

    private SingularValueDecomposition(int m, int n, double[] s, Matrix u, Matrix v) {
        this.m = m;
        this.n = n;
        this.s = s;
        this.u = u;
        this.v = v;
    }

    /**
     * Decomposes {@code a}.
     *
     * @throws IllegalArgumentException if a is empty or not finite
     * @throws LinearAlgebraException if the QR iteration on the bidiagonal does not converge
     */
    public static SingularValueDecomposition of(Matrix a) {
        return of(a, MAX_ITERATIONS_PER_VALUE);
    }

    static SingularValueDecomposition of(Matrix a, int maxIterationsPerValue) {
        MatrixChecks.requireNonEmpty(a, "SingularValueDecomposition");
        MatrixChecks.requireFinite(a, "SingularValueDecomposition");
        if (a.rows() >= a.cols()) {
            return tall(a.copy(), maxIterationsPerValue);
        }
        SingularValueDecomposition t = tall(a.transpose(), maxIterationsPerValue);
        return new SingularValueDecomposition(a.rows(), a.cols(), t.s, t.v, t.u);
    }

    /** The left singular vectors, a new m×r matrix with orthonormal columns. */
    public Matrix u() {
        return u.copy();
    }

    /** The singular values, largest first, as a new vector of size r. */
    public Vector singularValues() {
        return Vector.of(s);
    }

    /** The right singular vectors, a new n×r matrix with orthonormal columns. */
    public Matrix v() {
        return v.copy();
    }

    /** The number of singular values above max(m, n)·ε·s_max, the tolerance of numpy's matrix_rank. */
    public int rank() {
        double tolerance = rankTolerance();
        int rank = 0;
        while (rank < s.length && s[rank] > tolerance) {
            rank++;
        }
        return rank;
    }

    /** s_max / s_min, the 2-norm condition number; infinite when s_min is 0. */
    public double conditionNumber() {
        double smallest = s[s.length - 1];
        return smallest == 0 ? Double.POSITIVE_INFINITY : s[0] / smallest;
    }

    /** The spectral norm ‖A‖₂ = s_max. */
    public double norm2() {
        return s[0];
    }

    /**
     * The Moore–Penrose pseudo-inverse A⁺ = V·diag(1/s)·Uᵀ (n×m), inverting only the singular
     * values counted by {@link #rank()}; A⁺·b is the minimum-norm least-squares solution.
     */
    public Matrix pseudoInverse() {
        int rank = rank();
        if (rank == 0) {
            return Matrix.zeros(n, m);
        }
        Matrix scaled = v.view(0, 0, n, rank).copy();
        for (int j = 0; j < rank; j++) {
            double inverse = 1 / s[j];
            for (int i = 0; i < n; i++) {
                scaled.set(i, j, scaled.get(i, j) * inverse);
            }
        }
        return Matrix.multiply(scaled, false, u.view(0, 0, m, rank), true);
    }

    private double rankTolerance() {
        return Math.max(m, n) * EPSILON * s[0];
    }

    /** The decomposition of a compact m×n matrix with m ≥ n, which it overwrites. */
    private static SingularValueDecomposition tall(Matrix a, int maxIterationsPerValue) {
        int m = a.rows();
        int n = a.cols();
        double[] x = a.storage();
        int exponent = MatrixChecks.scaleExponent(MatrixChecks.maxAbs(a));
        MatrixChecks.scale(x, -exponent);

        double[] d = new double[n];
        double[] e = new double[n];
        double[] tauLeft = new double[n];
        double[] tauRight = new double[n];
        bidiagonalise(x, m, n, d, e, tauLeft, tauRight);
        double[] leftBasis = leftBasis(x, m, n, tauLeft);
        double[] rightBasis = rightBasis(x, n, tauRight);

        double[][] leftRows = identityRows(n);
        double[][] rightRows = identityRows(n);
        new BidiagonalQR(d, e, leftRows, rightRows, maxIterationsPerValue).run();

        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        for (int k = 0; k < n; k++) {
            if (d[k] < 0) {
                d[k] = -d[k];
                negate(rightRows[k]);
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> d[k]).reversed());
        double[] s = new double[n];
        double[] leftSorted = new double[n * n];
        double[] rightSorted = new double[n * n];
        for (int k = 0; k < n; k++) {
            s[k] = Math.scalb(d[order[k]], exponent);
            System.arraycopy(leftRows[order[k]], 0, leftSorted, k * n, n);
            System.arraycopy(rightRows[order[k]], 0, rightSorted, k * n, n);
        }
        Matrix u = Matrix.multiply(Matrix.wrap(m, n, leftBasis), false, Matrix.wrap(n, n, leftSorted), true);
        Matrix v = Matrix.multiply(Matrix.wrap(n, n, rightBasis), false, Matrix.wrap(n, n, rightSorted), true);
        return new SingularValueDecomposition(m, n, s, u, v);
    }

    /**
     * Reduces x (m×n, m ≥ n, row-major) to the upper bidiagonal B = U_Hᵀ·A·V_H with diagonal d and
     * superdiagonal e[0..n−1). Left reflector k stays in column k below the diagonal, right
     * reflector k in row k beyond the superdiagonal.
     */
    private static void bidiagonalise(double[] x, int m, int n, double[] d, double[] e,
                                      double[] tauLeft, double[] tauRight) {
        double[] work = new double[n];
        for (int k = 0; k < n; k++) {
            int diagonal = k * n + k;
            tauLeft[k] = Householder.reflect(x, diagonal, m - k, n);
            d[k] = x[diagonal];
            Householder.applyLeft(tauLeft[k], x, diagonal, n, m - k, x, diagonal + 1, n, n - k - 1, work);
            if (k < n - 1) {
                tauRight[k] = Householder.reflect(x, diagonal + 1, n - k - 1, 1);
                e[k] = x[diagonal + 1];
                Householder.applyToRows(tauRight[k], x, diagonal + 1, n - k - 1, x, diagonal + n + 1, n, m - k - 1);
            }
        }
    }

    /** U_H = H_0·…·H_{n−1}, the first n columns, m×n row-major, by backward accumulation. */
    private static double[] leftBasis(double[] x, int m, int n, double[] tauLeft) {
        double[] basis = new double[m * n];
        for (int c = 0; c < n; c++) {
            basis[c * n + c] = 1;
        }
        double[] work = new double[n];
        for (int k = n - 1; k >= 0; k--) {
            int diagonal = k * n + k;
            Householder.applyLeft(tauLeft[k], x, diagonal, n, m - k, basis, diagonal, n, n - k, work);
        }
        return basis;
    }

    /** V_H = G_0·…·G_{n−3}, n×n row-major, by backward accumulation. */
    private static double[] rightBasis(double[] x, int n, double[] tauRight) {
        double[] basis = new double[n * n];
        for (int c = 0; c < n; c++) {
            basis[c * n + c] = 1;
        }
        double[] work = new double[n];
        for (int k = n - 2; k >= 0; k--) {
            int head = k * n + k + 1;
            Householder.applyLeft(tauRight[k], x, head, 1, n - k - 1, basis, head + n, n, n - k - 1, work);
        }
        return basis;
    }

    private static double[][] identityRows(int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            rows[i][i] = 1;
        }
        return rows;
    }

    private static void negate(double[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = -row[i];
        }
    }

    /**
     * Implicit-shift QR on the upper bidiagonal (d, e), in the structure of LINPACK's dsvdc:
     * deflate at the bottom when e[hi−1] is negligible, chase out a negligible d[k] by rotations,
     * and otherwise take one QR step with the shift from the trailing 2×2 of BᵀB. Rotations of
     * U_B and V_B are applied to their columns, held as rows.
     */
    private static final class BidiagonalQR {
        private final double[] d;
        private final double[] e;
        private final double[][] leftRows;
        private final double[][] rightRows;
        private final int maxIterationsPerValue;
        private final int n;

        BidiagonalQR(double[] d, double[] e, double[][] leftRows, double[][] rightRows, int maxIterationsPerValue) {
            this.d = d;
            this.e = e;
            this.leftRows = leftRows;
            this.rightRows = rightRows;
            this.maxIterationsPerValue = maxIterationsPerValue;
            this.n = d.length;
        }

        void run() {
            int hi = n - 1;
            int iterations = 0;
            while (hi > 0) {
                int k = hi - 1;
                while (k >= 0 && Math.abs(e[k]) > TINY + EPSILON * (Math.abs(d[k]) + Math.abs(d[k + 1]))) {
                    k--;
                }
                if (k >= 0) {
                    e[k] = 0;
                }
                if (k == hi - 1) {
                    hi--;
                    iterations = 0;
                    continue;
                }
                int lo = k + 1;
                int zero = negligibleDiagonal(lo, hi);
                if (zero == hi) {
                    chaseColumn(lo, hi);
                } else if (zero >= 0) {
                    chaseRow(zero, hi);
                } else {
                    if (iterations++ >= maxIterationsPerValue) {
                        throw new LinearAlgebraException("SingularValueDecomposition: the bidiagonal QR iteration did not"
                                + " converge for singular value " + hi + " of " + n + " within " + maxIterationsPerValue
                                + " iterations; expected the superdiagonal element " + Math.abs(e[hi - 1])
                                + " to fall below eps x (|d(" + (hi - 1) + ")| + |d(" + hi + ")|)");
                    }
                    qrStep(lo, hi);
                }
            }
        }

        /** The largest j in [lo, hi] whose d[j] is negligible beside its neighbours (set to 0), or −1. */
        private int negligibleDiagonal(int lo, int hi) {
            for (int j = hi; j >= lo; j--) {
                double neighbours = (j < hi ? Math.abs(e[j]) : 0) + (j > lo ? Math.abs(e[j - 1]) : 0);
                if (Math.abs(d[j]) <= TINY + EPSILON * neighbours) {
                    d[j] = 0;
                    return j;
                }
            }
            return -1;
        }

        /** With d[hi] = 0, zeroes e[hi−1] by right rotations of columns (j, hi), j = hi−1 … lo. */
        private void chaseColumn(int lo, int hi) {
            double f = e[hi - 1];
            e[hi - 1] = 0;
            for (int j = hi - 1; j >= lo; j--) {
                double t = Math.hypot(d[j], f);
                double cs = d[j] / t;
                double sn = f / t;
                d[j] = t;
                if (j > lo) {
                    f = -sn * e[j - 1];
                    e[j - 1] = cs * e[j - 1];
                }
                PlaneRotation.rotate(rightRows[j], rightRows[hi], n, cs, sn);
            }
        }

        /** With d[zero] = 0, zeroes row zero by left rotations of rows (zero, j), j = zero+1 … hi. */
        private void chaseRow(int zero, int hi) {
            double f = e[zero];
            e[zero] = 0;
            for (int j = zero + 1; j <= hi; j++) {
                double t = Math.hypot(d[j], f);
                double cs = d[j] / t;
                double sn = f / t;
                d[j] = t;
                if (j < hi) {
                    f = -sn * e[j];
                    e[j] = cs * e[j];
                }
                PlaneRotation.rotate(leftRows[j], leftRows[zero], n, cs, sn);
            }
        }

        /** One implicit-shift QR step on the unreduced block [lo, hi] (Golub and Van Loan, Alg. 8.6.1). */
        private void qrStep(int lo, int hi) {
            double scale = Math.max(Math.max(Math.max(Math.max(
                    Math.abs(d[hi]), Math.abs(d[hi - 1])), Math.abs(e[hi - 1])), Math.abs(d[lo])), Math.abs(e[lo]));
            double sp = d[hi] / scale;
            double spm1 = d[hi - 1] / scale;
            double epm1 = e[hi - 1] / scale;
            double sk = d[lo] / scale;
            double ek = e[lo] / scale;
            double b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / 2;
            double c = (sp * epm1) * (sp * epm1);
            double shift = 0;
            if (b != 0 || c != 0) {
                shift = Math.copySign(Math.sqrt(b * b + c), b);
                shift = c / (b + shift);
            }
            double f = (sk + sp) * (sk - sp) + shift;
            double g = sk * ek;
            for (int j = lo; j < hi; j++) {
                double t = Math.hypot(f, g);
                double cs = t == 0 ? 1 : f / t;
                double sn = t == 0 ? 0 : g / t;
                if (j > lo) {
                    e[j - 1] = t;
                }
                f = cs * d[j] + sn * e[j];
                e[j] = cs * e[j] - sn * d[j];
                g = sn * d[j + 1];
                d[j + 1] = cs * d[j + 1];
                PlaneRotation.rotate(rightRows[j], rightRows[j + 1], n, cs, sn);

                t = Math.hypot(f, g);
                cs = t == 0 ? 1 : f / t;
                sn = t == 0 ? 0 : g / t;
                d[j] = t;
                f = cs * e[j] + sn * d[j + 1];
                d[j + 1] = -sn * e[j] + cs * d[j + 1];
                if (j + 1 < hi) {
                    g = sn * e[j + 1];
                    e[j + 1] = cs * e[j + 1];
                }
                PlaneRotation.rotate(leftRows[j], leftRows[j + 1], n, cs, sn);
            }
            e[hi - 1] = f;
        }
    }
}
