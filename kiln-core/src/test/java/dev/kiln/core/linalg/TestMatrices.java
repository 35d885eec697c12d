package dev.kiln.core.linalg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Matrices with answers known in closed form, reproducible random shapes, and the error
 * measures the decomposition tests share.
 */
final class TestMatrices {
    /**
     * Base seed of the randomized tests, fixed so runs repeat; set the system property
     * {@code kiln.test.seed} to explore others. A failure message names the shape's own seed.
     */
    static final long BASE_SEED = Long.getLong("kiln.test.seed", 0x5EEDL);

    private TestMatrices() {
    }

    /** A matrix shape and the seed that fills it. */
    record Shape(int rows, int cols, long seed) {
        SplittableRandom random() {
            return new SplittableRandom(seed);
        }

        @Override
        public String toString() {
            return rows + "x" + cols + " (seed " + seed + ")";
        }
    }

    /**
     * {@code count} shapes with sides up to {@code maxSide}: first 1x1, a single row and a single
     * column, then random square, tall and wide shapes in turn, each with a seed of its own.
     */
    static List<Shape> randomShapes(int count, int maxSide) {
        SplittableRandom random = new SplittableRandom(BASE_SEED);
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape(1, 1, random.nextLong()));
        shapes.add(new Shape(1, 1 + random.nextInt(maxSide), random.nextLong()));
        shapes.add(new Shape(1 + random.nextInt(maxSide), 1, random.nextLong()));
        while (shapes.size() < count) {
            int a = 1 + random.nextInt(maxSide);
            int b = 1 + random.nextInt(maxSide);
            int small = Math.min(a, b);
            int large = Math.max(a, b);
            switch (shapes.size() % 3) {
                case 0 -> shapes.add(new Shape(large, large, random.nextLong()));
                case 1 -> shapes.add(new Shape(large, small, random.nextLong()));
                default -> shapes.add(new Shape(small, large, random.nextLong()));
            }
        }
        return shapes;
    }

    /** The shapes of {@link #randomShapes} turned tall where they are wide. */
    static List<Shape> randomTallShapes(int count, int maxSide) {
        return randomShapes(count, maxSide).stream()
                .map(s -> s.rows() >= s.cols() ? s : new Shape(s.cols(), s.rows(), s.seed()))
                .toList();
    }

    /** The Hilbert matrix h(i, j) = 1 / (i + j + 1), symmetric positive definite and notoriously ill-conditioned. */
    static Matrix hilbert(int n) {
        return Matrix.from(n, n, (i, j) -> 1.0 / (i + j + 1));
    }

    /**
     * The exact inverse of the n×n Hilbert matrix, whose entries are the integers
     * (−1)^(i+j)·(i+j−1)·C(n+i−1, n−j)·C(n+j−1, n−i)·C(i+j−2, i−1)² for 1-based i, j
     * (Choi, "Tricks or Treats with the Hilbert Matrix", Amer. Math. Monthly 90, 1983).
     */
    static Matrix hilbertInverse(int n) {
        return Matrix.from(n, n, (i0, j0) -> {
            int i = i0 + 1;
            int j = j0 + 1;
            BigInteger c = BigInteger.valueOf(i + j - 1)
                    .multiply(binomial(n + i - 1, n - j))
                    .multiply(binomial(n + j - 1, n - i))
                    .multiply(binomial(i + j - 2, i - 1).pow(2));
            return ((i + j) % 2 == 0 ? c : c.negate()).doubleValue();
        });
    }

    /**
     * 1 / det(H_n), an integer: det(H_n) = c_n⁴ / c_2n with c_k = 1!·2!·…·(k−1)! (Choi, as above).
     */
    static BigInteger hilbertInverseDeterminant(int n) {
        BigInteger cn = superFactorial(n);
        BigInteger[] quotient = superFactorial(2 * n).divideAndRemainder(cn.pow(4));
        if (quotient[1].signum() != 0) {
            throw new AssertionError("c_2n / c_n^4 is an integer");
        }
        return quotient[0];
    }

    /** The n×n matrix with {@code diagonal} on its diagonal and {@code beside} next to it. */
    static Matrix tridiagonal(int n, double diagonal, double beside) {
        return Matrix.from(n, n, (i, j) -> i == j ? diagonal : Math.abs(i - j) == 1 ? beside : 0);
    }

    /**
     * A random n×n orthogonal matrix built as a product of n Householder reflections
     * I − 2·v·vᵀ/(vᵀv) with Gaussian v, independently of the code under test.
     */
    static Matrix randomOrthogonal(int n, SplittableRandom random) {
        Matrix q = Matrix.identity(n);
        for (int r = 0; r < n; r++) {
            Vector v = Vector.from(n, i -> random.nextGaussian());
            double scale = 2 / v.dot(v);
            Vector qv = q.times(v);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    q.set(i, j, q.get(i, j) - scale * qv.get(i) * v.get(j));
                }
            }
        }
        return q;
    }

    /** An m×n matrix whose singular values are {@code s} (min(m, n) of them) and singular vectors random. */
    static Matrix withSingularValues(int m, int n, double[] s, SplittableRandom random) {
        int r = Math.min(m, n);
        if (s.length != r) {
            throw new IllegalArgumentException("need " + r + " singular values");
        }
        Matrix left = randomOrthogonal(m, random).view(0, 0, m, r);
        Matrix right = randomOrthogonal(n, random).view(0, 0, n, r);
        return scaleColumns(left, s).timesTranspose(right);
    }

    /** Q·diag(λ)·Qᵀ for a random orthogonal Q: a symmetric matrix with eigenvalues λ. */
    static Matrix withEigenvalues(double[] lambda, SplittableRandom random) {
        Matrix q = randomOrthogonal(lambda.length, random);
        return scaleColumns(q, lambda).timesTranspose(q);
    }

    /** n values from {@code first} to {@code last}, evenly spaced. */
    static double[] evenlySpaced(int n, double first, double last) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = n == 1 ? first : first + (last - first) * i / (n - 1);
        }
        return values;
    }

    /** A new matrix, column j of m multiplied by factors[j]. */
    static Matrix scaleColumns(Matrix m, double[] factors) {
        return Matrix.from(m.rows(), m.cols(), (i, j) -> m.get(i, j) * factors[j]);
    }

    static Matrix scaleColumns(Matrix m, Vector factors) {
        return scaleColumns(m, factors.toArray());
    }

    /** ‖QᵀQ − I‖_F. */
    static double orthogonalityError(Matrix q) {
        return q.transposeTimes(q).minus(Matrix.identity(q.cols())).frobeniusNorm();
    }

    /** ‖A − P‖_F / ‖A‖_F, or ‖P‖_F when A is zero. */
    static double relativeError(Matrix a, Matrix p) {
        double norm = a.frobeniusNorm();
        double difference = a.minus(p).frobeniusNorm();
        return norm == 0 ? difference : difference / norm;
    }

    /** ‖a − b‖ / ‖a‖. */
    static double relativeError(Vector a, Vector b) {
        return a.minus(b).norm() / a.norm();
    }

    /** The largest |m(i, j)| with i > j. */
    static double maxBelowDiagonal(Matrix m) {
        double max = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < Math.min(i, m.cols()); j++) {
                max = Math.max(max, Math.abs(m.get(i, j)));
            }
        }
        return max;
    }

    /** The largest |m(i, j)| with i < j. */
    static double maxAboveDiagonal(Matrix m) {
        return maxBelowDiagonal(m.transpose());
    }

    static boolean isDescending(Vector v) {
        for (int i = 1; i < v.size(); i++) {
            if (v.get(i) > v.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    static boolean allFinite(Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (!Double.isFinite(m.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }

    private static BigInteger superFactorial(int n) {
        BigInteger product = BigInteger.ONE;
        BigInteger factorial = BigInteger.ONE;
        for (int k = 1; k < n; k++) {
            factorial = factorial.multiply(BigInteger.valueOf(k));
            product = product.multiply(factorial);
        }
        return product;
    }
}
