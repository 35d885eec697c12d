package dev.kiln.core.linalg;

import java.util.Arrays;

/**
 * The Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix, L lower
 * triangular with a positive diagonal, computed row by row (the Cholesky–Banachiewicz order of
 * Golub and Van Loan, Matrix Computations, 4th ed., §4.2.5) so that every inner product runs
 * over two contiguous row prefixes. The input must be symmetric to within 1e-10 times its
 * largest entry; its symmetric part (A + Aᵀ)/2 is factored. Instances are immutable.
 */
public final class Cholesky {
    private final int n;
    private final double[] l;
    private final double logDeterminant;

    private Cholesky(int n, double[] l) {
        this.n = n;
        this.l = l;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(l[i * n + i]);
        }
        this.logDeterminant = 2 * sum;
    }

    /**
     * Factors {@code a}.
     *
     * @throws IllegalArgumentException if a is empty, not square, not finite or not symmetric
     * @throws LinearAlgebraException if a is not positive definite; the message names the first
     *     pivot that is not positive
     */
    public static Cholesky of(Matrix a) {
        MatrixChecks.requireSymmetric(a, "Cholesky");
        int n = a.rows();
        double[] l = MatrixChecks.symmetricPart(a);
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j < i; j++) {
                int rj = j * n;
                l[ri + j] = (l[ri + j] - Blas.dot(j, l, ri, l, rj)) / l[rj + j];
            }
            double pivot = l[ri + i] - Blas.dot(i, l, ri, l, ri);
            if (!(pivot > 0)) {
                throw new LinearAlgebraException("Cholesky needs a positive-definite matrix, but pivot " + i + " is "
                        + pivot + " (expected > 0): the leading " + (i + 1) + "x" + (i + 1)
                        + " block is not positive definite");
            }
            l[ri + i] = Math.sqrt(pivot);
            Arrays.fill(l, ri + i + 1, ri + n, 0.0);
        }
        return new Cholesky(n, l);
    }

    /** The factor L, a new lower-triangular matrix. */
    public Matrix lower() {
        return Matrix.wrap(n, n, l.clone());
    }

    /** The natural logarithm of det(A), computed as 2·Σ log l_ii so it neither overflows nor underflows. */
    public double logDeterminant() {
        return logDeterminant;
    }

    /** The solution x of A·x = b. */
    public Vector solve(Vector b) {
        if (b.size() != n) {
            throw new IllegalArgumentException("Cholesky.solve: the right-hand side has " + b.size()
                    + " elements, the " + n + "x" + n + " matrix needs " + n);
        }
        double[] x = b.toArray();
        for (int i = 0; i < n; i++) {
            x[i] = (x[i] - Blas.dot(i, l, i * n, x, 0)) / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            x[i] /= l[i * n + i];
            Blas.axpy(i, -x[i], l, i * n, x, 0);
        }
        return Vector.wrap(x);
    }

    /** The solution X of A·X = B, column by column. */
    public Matrix solve(Matrix b) {
        if (b.rows() != n) {
            throw new IllegalArgumentException("Cholesky.solve: the right-hand side is " + b.shape()
                    + ", the " + n + "x" + n + " matrix needs " + n + " rows");
        }
        int k = b.cols();
        double[] x = b.copy().storage();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                Blas.axpy(k, -l[i * n + j], x, j * k, x, i * k);
            }
            divideRow(x, i * k, k, l[i * n + i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            divideRow(x, i * k, k, l[i * n + i]);
            for (int j = 0; j < i; j++) {
                Blas.axpy(k, -l[i * n + j], x, i * k, x, j * k);
            }
        }
        return Matrix.wrap(n, k, x);
    }

    /** A⁻¹, symmetric to the last bit. */
    public Matrix inverse() {
        Matrix inverse = solve(Matrix.identity(n));
        double[] x = inverse.storage();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * x[i * n + j] + 0.5 * x[j * n + i];
                x[i * n + j] = v;
                x[j * n + i] = v;
            }
        }
        return inverse;
    }

    private static void divideRow(double[] x, int off, int k, double divisor) {
        for (int c = 0; c < k; c++) {
            x[off + c] /= divisor;
        }
    }
}
