package dev.kiln.core.linalg;

import static dev.kiln.core.linalg.TestMatrices.hilbert;
import static dev.kiln.core.linalg.TestMatrices.relativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {
    /** The example of the Wikipedia article "Cholesky decomposition", checked by hand below. */
    private static final Matrix EXAMPLE = Matrix.of(new double[][] {
            {4, 12, -16},
            {12, 37, -43},
            {-16, -43, 98}});

    @Test
    void factorsAThreeByThreeMatrixAsComputedByHand() {
        // l11 = √4 = 2, l21 = 12/2 = 6, l31 = −16/2 = −8, l22 = √(37 − 6²) = 1,
        // l32 = (−43 − (−8)(6))/1 = 5, l33 = √(98 − 64 − 25) = 3; det A = (2·1·3)² = 36.
        Matrix expected = Matrix.of(new double[][] {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}});

        Cholesky cholesky = Cholesky.of(EXAMPLE);

        assertThat(cholesky.lower().maxAbsDifference(expected)).isLessThanOrEqualTo(1e-14);
        assertThat(cholesky.logDeterminant()).isCloseTo(Math.log(36), within(1e-14));
        assertThat(cholesky.solve(Vector.of(4, 12, -16)).maxAbsDifference(Vector.of(1, 0, 0)))
                .isLessThanOrEqualTo(1e-13);
    }

    @Test
    void factorsRandomPositiveDefiniteMatricesWithKnownSpectrum() {
        for (TestMatrices.Shape shape : TestMatrices.randomShapes(50, 40)) {
            int n = shape.rows();
            SplittableRandom random = shape.random();
            double[] lambda = new double[n];
            double logDeterminant = 0;
            for (int i = 0; i < n; i++) {
                lambda[i] = 0.1 + 10 * random.nextDouble();
                logDeterminant += Math.log(lambda[i]);
            }
            Matrix a = TestMatrices.withEigenvalues(lambda, random);

            Cholesky cholesky = Cholesky.of(a);
            Matrix l = cholesky.lower();

            assertThat(TestMatrices.maxAboveDiagonal(l)).as("upper part of L, %s", shape).isZero();
            for (int i = 0; i < n; i++) {
                assertThat(l.get(i, i)).as("diagonal of L, %s", shape).isPositive();
            }
            assertThat(relativeError(a, l.timesTranspose(l))).as("‖A − LLᵀ‖/‖A‖, %s", shape)
                    .isLessThanOrEqualTo(1e-13);
            assertThat(cholesky.logDeterminant()).as("log det, %s", shape)
                    .isCloseTo(logDeterminant, within(1e-11 * Math.max(1, Math.abs(logDeterminant))));
            Vector x = Vector.from(n, i -> random.nextGaussian());
            assertThat(relativeError(x, cholesky.solve(a.times(x)))).as("solve, %s", shape)
                    .isLessThanOrEqualTo(1e-12);
            assertThat(relativeError(Matrix.identity(n), a.times(cholesky.inverse()))).as("A·A⁻¹, %s", shape)
                    .isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    void solvesSeveralRightHandSidesLikeOneAtATime() {
        SplittableRandom random = new SplittableRandom(11);
        Matrix g = Matrix.gaussian(12, 8, random);
        Matrix a = g.transposeTimes(g).plus(Matrix.identity(8));
        Matrix b = Matrix.gaussian(8, 5, random);
        Cholesky cholesky = Cholesky.of(a);

        Matrix x = cholesky.solve(b);

        assertThat(relativeError(b, a.times(x))).isLessThanOrEqualTo(1e-13);
        for (int j = 0; j < 5; j++) {
            assertThat(x.column(j).maxAbsDifference(cholesky.solve(b.column(j).copy()))).isLessThanOrEqualTo(1e-13);
        }
    }

    @Test
    void inverseIsExactlySymmetric() {
        Matrix inverse = Cholesky.of(hilbert(7)).inverse();

        assertThat(inverse.isSymmetric(0)).isTrue();
    }

    @Test
    void identityAndDiagonalFactorTrivially() {
        Cholesky identity = Cholesky.of(Matrix.identity(5));
        assertThat(identity.lower().maxAbsDifference(Matrix.identity(5))).isZero();
        assertThat(identity.logDeterminant()).isZero();
        assertThat(identity.inverse().maxAbsDifference(Matrix.identity(5))).isZero();

        Cholesky diagonal = Cholesky.of(Matrix.diagonal(4, 9, 0.25));
        assertThat(diagonal.lower().maxAbsDifference(Matrix.diagonal(2, 3, 0.5))).isZero();
        assertThat(diagonal.logDeterminant()).isCloseTo(Math.log(9), within(1e-15));
    }

    @Test
    void hilbertMatrixMatchesItsExactIntegerInverseAndDeterminant() {
        int n = 6;
        Cholesky cholesky = Cholesky.of(hilbert(n));

        // cond₂(H₆) ≈ 1.5e7, so about 7 of the 16 digits are lost.
        assertThat(relativeError(TestMatrices.hilbertInverse(n), cholesky.inverse())).isLessThanOrEqualTo(1e-7);
        double exactLogDeterminant = -Math.log(TestMatrices.hilbertInverseDeterminant(n).doubleValue());
        assertThat(cholesky.logDeterminant()).isCloseTo(exactLogDeterminant, within(1e-7));
    }

    @Test
    void tinyAndHugeMagnitudesFactorWithoutOverflow() {
        Matrix expected = Matrix.of(new double[][] {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}});
        for (double scale : new double[] {1e-150, 1e150, 1e-300, 1e300}) {
            Cholesky cholesky = Cholesky.of(EXAMPLE.times(scale));

            double logDeterminant = Math.log(36) + 3 * Math.log(scale);
            assertThat(relativeError(expected.times(Math.sqrt(scale)), cholesky.lower())).as("scale %s", scale)
                    .isLessThanOrEqualTo(1e-14);
            assertThat(cholesky.logDeterminant()).as("scale %s", scale)
                    .isCloseTo(logDeterminant, within(1e-13 * Math.abs(logDeterminant)));
        }
    }

    @Test
    void factorsAView() {
        Matrix big = Matrix.zeros(5, 6);
        Matrix a = big.view(1, 2, 3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a.set(i, j, EXAMPLE.get(i, j));
            }
        }

        assertThat(Cholesky.of(a).lower().maxAbsDifference(Cholesky.of(EXAMPLE).lower())).isZero();
    }

    @Test
    void notPositiveDefiniteNamesTheFailingPivot() {
        assertThatThrownBy(() -> Cholesky.of(Matrix.of(new double[][] {{1, 2}, {2, 1}})))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("positive-definite")
                .hasMessageContaining("pivot 1 is -3.0");
        assertThatThrownBy(() -> Cholesky.of(Matrix.diagonal(-1, 2)))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("pivot 0 is -1.0");
        assertThatThrownBy(() -> Cholesky.of(Matrix.zeros(3, 3)))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("pivot 0 is 0.0");
        Matrix semidefinite = Matrix.of(new double[][] {{1, 1, 0}, {1, 1, 0}, {0, 0, 1}});
        assertThatThrownBy(() -> Cholesky.of(semidefinite))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("pivot 1 is 0.0");
    }

    @Test
    void rejectsMatricesOfTheWrongKind() {
        assertThatThrownBy(() -> Cholesky.of(Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("square")
                .hasMessageContaining("2x3");
        assertThatThrownBy(() -> Cholesky.of(Matrix.zeros(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> Cholesky.of(Matrix.of(new double[][] {{2, 1}, {0, 2}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric")
                .hasMessageContaining("a(0, 1) = 1.0 and a(1, 0) = 0.0");
        assertThatThrownBy(() -> Cholesky.of(Matrix.of(new double[][] {{2, Double.NaN}, {Double.NaN, 2}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a(0, 1) is NaN");
    }

    @Test
    void rejectsRightHandSidesOfTheWrongSize() {
        Cholesky cholesky = Cholesky.of(EXAMPLE);

        assertThatThrownBy(() -> cholesky.solve(Vector.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 elements");
        assertThatThrownBy(() -> cholesky.solve(Matrix.zeros(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x2");
    }

    @Test
    void leavesItsInputAloneAndHandsOutCopies() {
        Matrix a = EXAMPLE.copy();
        Cholesky cholesky = Cholesky.of(a);
        cholesky.lower().set(0, 0, 99);
        cholesky.inverse().set(0, 0, 99);

        assertThat(a.maxAbsDifference(EXAMPLE)).isZero();
        assertThat(cholesky.lower().get(0, 0)).isEqualTo(2);
    }
}
