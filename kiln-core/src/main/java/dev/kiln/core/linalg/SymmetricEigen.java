package dev.kiln.core.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix: Householder reduction to
 * tridiagonal form, then the implicit QL iteration with Wilkinson-style shifts (Golub and Van
 * Loan, Matrix Computations, 4th ed., §8.3; the formulation of EISPACK's tred2 and tql2). The
 * reduction uses symmetric rank-two updates on contiguous rows, and the eigenvectors are kept
 * as rows while the QL rotations run, so both phases walk memory in order. The matrix is
 * scaled by a power of two first, which makes entries near 1e±150 safe. Eigenvalues are sorted
 * descending; the input must be symmetric to within 1e-10 times its largest entry, and its
 * symmetric part (A + Aᵀ)/2 is decomposed. Instances are immutable.
 */
public final class SymmetricEigen {
    static final int MAX_ITERATIONS_PER_VALUE = 30;
    private static final double EPSILON = Math.ulp(1.0);

    private final int n;
    private final double[] values;
    /** Row k holds the eigenvector of values[k]. */
    private final double[] vectorRows;

    private SymmetricEigen(int n, double[] values, double[] vectorRows) {
        this.n = n;
        this.values = values;
        this.vectorRows = vectorRows;
    }

    /**
     * Decomposes {@code a}.
     *
     * @throws IllegalArgumentException if a is empty, not square, not finite or not symmetric;
     *     the message names the first offending pair (i, j)
     * @throws LinearAlgebraException if the QL iteration does not converge
     */
    public static SymmetricEigen of(Matrix a) {
        return of(a, MAX_ITERATIONS_PER_VALUE);
    }

    static SymmetricEigen of(Matrix a, int maxIterationsPerValue) {
        MatrixChecks.requireSymmetric(a, "SymmetricEigen");
        int n = a.rows();
        double[] work = MatrixChecks.symmetricPart(a);
        int exponent = MatrixChecks.scaleExponent(MatrixChecks.maxAbs(a));
        MatrixChecks.scale(work, -exponent);

        double[] d = new double[n];
        double[] e = new double[n];
        double[] tau = tridiagonalise(work, n, d, e);
        double[][] rows = accumulate(work, n, tau);
        diagonaliseTridiagonal(d, e, rows, maxIterationsPerValue);

        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> d[k]).reversed());
        double[] values = new double[n];
        double[] vectorRows = new double[n * n];
        for (int k = 0; k < n; k++) {
            values[k] = Math.scalb(d[order[k]], exponent);
            System.arraycopy(rows[order[k]], 0, vectorRows, k * n, n);
        }
        return new SymmetricEigen(n, values, vectorRows);
    }

    /** The eigenvalues, largest first, as a new vector. */
    public Vector values() {
        return Vector.of(values);
    }

    /** The orthonormal eigenvectors as the columns of a new matrix, in the order of {@link #values()}. */
    public Matrix vectors() {
        return Matrix.wrap(n, n, vectorRows).transpose();
    }

    /**
     * Reduces the symmetric a (n×n, row-major, overwritten) to the tridiagonal T = Qᵀ·A·Q with
     * diagonal d and superdiagonal e[0..n−1), e[n−1] = 0. Reflector k, acting on indices k+1..n−1,
     * is left in row k after its diagonal; its τ is returned.
     */
    private static double[] tridiagonalise(double[] a, int n, double[] d, double[] e) {
        double[] tau = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n - 1; k++) {
            int len = n - k - 1;
            int head = k * n + k + 1;
            tau[k] = Householder.reflect(a, head, len, 1);
            d[k] = a[k * n + k];
            e[k] = a[head];
            if (tau[k] == 0) {
                continue;
            }
            v[0] = 1;
            System.arraycopy(a, head + 1, v, 1, len - 1);
            int block = (k + 1) * n + k + 1;
            for (int i = 0; i < len; i++) {
                w[i] = tau[k] * Blas.dot(len, a, block + i * n, v, 0);
            }
            Blas.axpy(len, -0.5 * tau[k] * Blas.dot(len, w, 0, v, 0), v, 0, w, 0);
            for (int i = 0; i < len; i++) {
                int row = block + i * n;
                Blas.axpy(len, -v[i], w, 0, a, row);
                Blas.axpy(len, -w[i], v, 0, a, row);
            }
        }
        d[n - 1] = a[n * n - 1];
        return tau;
    }

    /** The columns of Q as rows, by backward accumulation of the reflectors (Golub and Van Loan §5.1.6). */
    private static double[][] accumulate(double[] a, int n, double[] tau) {
        double[][] rows = new double[n][n];
        for (int c = 0; c < n; c++) {
            rows[c][c] = 1;
        }
        for (int k = n - 2; k >= 0; k--) {
            int len = n - k - 1;
            for (int c = k + 1; c < n; c++) {
                Householder.applyTo(tau[k], a, k * n + k + 1, len, rows[c], k + 1);
            }
        }
        return rows;
    }

    /**
     * Implicit QL with shifts on the tridiagonal (d, e), rotating the vector rows along; d ends
     * holding the eigenvalues. Off-diagonal elements count as zero below ε times the largest
     * |d_i| + |e_i| seen, as in tql2.
     */
    private static void diagonaliseTridiagonal(double[] d, double[] e, double[][] rows, int maxIterationsPerValue) {
        int n = d.length;
        double shiftTotal = 0;
        double norm = 0;
        for (int l = 0; l < n; l++) {
            norm = Math.max(norm, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > EPSILON * norm) {
                m++;
            }
            int iterations = 0;
            while (m > l) {
                if (iterations++ >= maxIterationsPerValue) {
                    throw new LinearAlgebraException("SymmetricEigen: the QL iteration did not converge for eigenvalue "
                            + l + " of " + n + " within " + maxIterationsPerValue + " iterations; expected the"
                            + " off-diagonal element " + Math.abs(e[l]) + " to fall below " + EPSILON * norm);
                }
                double g = d[l];
                double p = (d[l + 1] - g) / (2 * e[l]);
                double r = Math.copySign(Math.hypot(p, 1), p);
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                double dl1 = d[l + 1];
                double h = g - d[l];
                for (int i = l + 2; i < n; i++) {
                    d[i] -= h;
                }
                shiftTotal += h;

                p = d[m];
                double c = 1;
                double c2 = 1;
                double c3 = 1;
                double el1 = e[l + 1];
                double s = 0;
                double s2 = 0;
                for (int i = m - 1; i >= l; i--) {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = Math.hypot(p, e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    PlaneRotation.rotate(rows[i], rows[i + 1], n, c, -s);
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                m = l;
                while (m < n - 1 && Math.abs(e[m]) > EPSILON * norm) {
                    m++;
                }
            }
            d[l] += shiftTotal;
            e[l] = 0;
        }
    }
}
