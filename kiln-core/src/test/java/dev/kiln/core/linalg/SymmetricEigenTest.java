package dev.kiln.core.linalg;

import static dev.kiln.core.linalg.TestMatrices.isDescending;
import static dev.kiln.core.linalg.TestMatrices.orthogonalityError;
import static dev.kiln.core.linalg.TestMatrices.relativeError;
import static dev.kiln.core.linalg.TestMatrices.scaleColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    @Test
    void secondDifferenceMatrixHasItsClosedFormSpectrumAndSineEigenvectors() {
        // tridiag(−1, 2, −1) of order n: λ_k = 2 − 2cos(kπ/(n+1)) with eigenvector
        // v_k(j) = √(2/(n+1))·sin(jkπ/(n+1)), j, k = 1..n.
        for (int n : new int[] {1, 2, 3, 10, 64}) {
            SymmetricEigen eigen = SymmetricEigen.of(TestMatrices.tridiagonal(n, 2, -1));
            Vector values = eigen.values();
            Matrix vectors = eigen.vectors();

            for (int position = 0; position < n; position++) {
                int k = n - position;
                double angle = k * Math.PI / (n + 1);
                assertThat(values.get(position)).as("λ_%d of n = %d", k, n)
                        .isCloseTo(2 - 2 * Math.cos(angle), within(1e-14));
                Vector expected = Vector.from(n, j -> Math.sqrt(2.0 / (n + 1)) * Math.sin((j + 1) * angle));
                assertThat(Math.abs(vectors.column(position).dot(expected))).as("v_%d of n = %d", k, n)
                        .isCloseTo(1, within(1e-13));
            }
        }
    }

    @Test
    void decomposesRandomSymmetricMatrices() {
        for (TestMatrices.Shape shape : TestMatrices.randomShapes(50, 50)) {
            int n = shape.rows();
            Matrix g = Matrix.gaussian(n, n, shape.random());
            Matrix a = g.plus(g.transpose());

            SymmetricEigen eigen = SymmetricEigen.of(a);
            Vector values = eigen.values();
            Matrix vectors = eigen.vectors();

            assertThat(isDescending(values)).as("sorted, %s", shape).isTrue();
            assertThat(orthogonalityError(vectors)).as("‖VᵀV − I‖, %s", shape).isLessThanOrEqualTo(1e-12);
            assertThat(relativeError(a, scaleColumns(vectors, values).timesTranspose(vectors)))
                    .as("‖A − VΛVᵀ‖/‖A‖, %s", shape).isLessThanOrEqualTo(1e-12);
            assertThat(relativeError(a.times(vectors), scaleColumns(vectors, values))).as("AV = VΛ, %s", shape)
                    .isLessThanOrEqualTo(1e-12);
            assertThat(values.sum()).as("Σλ = trace, %s", shape)
                    .isCloseTo(a.trace(), within(1e-12 * n * a.frobeniusNorm()));
            assertThat(values.norm()).as("‖λ‖ = ‖A‖_F, %s", shape)
                    .isCloseTo(a.frobeniusNorm(), within(1e-13 * a.frobeniusNorm()));
        }
    }

    @Test
    void repeatedEigenvaluesGetAnOrthonormalBasisOfTheirEigenspace() {
        double[] lambda = {2, 5, -1, 5, 2, 5};
        Matrix a = TestMatrices.withEigenvalues(lambda, new SplittableRandom(31));

        SymmetricEigen eigen = SymmetricEigen.of(a);
        Matrix vectors = eigen.vectors();

        assertThat(eigen.values().maxAbsDifference(Vector.of(5, 5, 5, 2, 2, -1))).isLessThanOrEqualTo(1e-13);
        assertThat(orthogonalityError(vectors)).isLessThanOrEqualTo(1e-13);
        Matrix fives = vectors.view(0, 0, 6, 3);
        assertThat(relativeError(fives.times(5.0), a.times(fives))).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void identityZeroAndDiagonalMatrices() {
        SymmetricEigen identity = SymmetricEigen.of(Matrix.identity(7));
        assertThat(identity.values().maxAbsDifference(Vector.from(7, i -> 1))).isZero();
        assertThat(orthogonalityError(identity.vectors())).isZero();

        SymmetricEigen zero = SymmetricEigen.of(Matrix.zeros(4, 4));
        assertThat(zero.values().norm()).isZero();
        assertThat(orthogonalityError(zero.vectors())).isZero();

        SymmetricEigen diagonal = SymmetricEigen.of(Matrix.diagonal(3, -1, 7, 0));
        assertThat(diagonal.values().maxAbsDifference(Vector.of(7, 3, 0, -1))).isZero();
        int[] row = {2, 0, 3, 1};
        for (int k = 0; k < 4; k++) {
            assertThat(Math.abs(diagonal.vectors().get(row[k], k))).as("vector %d", k).isEqualTo(1);
        }
    }

    @Test
    void allOnesMatrixHasEigenvaluesNAndZero() {
        // After the first reflection the rest of the matrix is rounding noise, which later
        // reflections shrink into the subnormal range: a test of reflectors built from tiny vectors.
        for (int n : new int[] {9, 50}) {
            SymmetricEigen eigen = SymmetricEigen.of(Matrix.from(n, n, (i, j) -> 1));

            assertThat(eigen.values().get(0)).as("n = %d", n).isCloseTo(n, within(1e-13 * n));
            assertThat(eigen.values().view(1, n).norm()).as("n = %d", n).isLessThanOrEqualTo(1e-13 * n);
            assertThat(Math.abs(eigen.vectors().column(0).sum())).as("n = %d", n)
                    .isCloseTo(Math.sqrt(n), within(1e-13));
            assertThat(orthogonalityError(eigen.vectors())).as("n = %d", n).isLessThanOrEqualTo(1e-13);
        }
    }

    @Test
    void oneByOneMatrix() {
        SymmetricEigen eigen = SymmetricEigen.of(Matrix.of(new double[][] {{-2.5}}));

        assertThat(eigen.values().get(0)).isEqualTo(-2.5);
        assertThat(Math.abs(eigen.vectors().get(0, 0))).isEqualTo(1);
    }

    @Test
    void hilbertSpectrumMatchesClosedFormTraceInverseTraceAndDeterminant() {
        int n = 6;
        Matrix inverse = TestMatrices.hilbertInverse(n);
        SymmetricEigen eigen = SymmetricEigen.of(TestMatrices.hilbert(n));
        Vector values = eigen.values();

        // λ_min(H₆) ≈ 1.1e-7 carries an absolute error near ε·λ_max, so about 1e-9 relative.
        double sum = 0;
        double reciprocalSum = 0;
        double logProduct = 0;
        for (int i = 0; i < n; i++) {
            assertThat(values.get(i)).isPositive();
            sum += values.get(i);
            reciprocalSum += 1 / values.get(i);
            logProduct += Math.log(values.get(i));
        }
        assertThat(sum).as("trace H").isCloseTo(TestMatrices.hilbert(n).trace(), within(1e-14));
        assertThat(reciprocalSum).as("trace H⁻¹").isCloseTo(inverse.trace(), within(1e-7 * inverse.trace()));
        BigInteger inverseDeterminant = TestMatrices.hilbertInverseDeterminant(n);
        assertThat(logProduct).as("log det H").isCloseTo(-Math.log(inverseDeterminant.doubleValue()), within(1e-7));
        assertThat(orthogonalityError(eigen.vectors())).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void tinyAndHugeMagnitudesKeepFullRelativeAccuracy() {
        int n = 12;
        Matrix t = TestMatrices.tridiagonal(n, 2, -1);
        for (double scale : new double[] {1e-150, 1e150, 1e-300, 1e300}) {
            SymmetricEigen eigen = SymmetricEigen.of(t.times(scale));

            for (int position = 0; position < n; position++) {
                double expected = scale * (2 - 2 * Math.cos((n - position) * Math.PI / (n + 1)));
                assertThat(eigen.values().get(position)).as("scale %s, λ %d", scale, position)
                        .isCloseTo(expected, within(1e-13 * 4 * scale));
            }
            assertThat(orthogonalityError(eigen.vectors())).as("scale %s", scale).isLessThanOrEqualTo(1e-13);
        }
    }

    @Test
    void entriesThreeHundredOrdersApartInOneMatrixAreAllKept() {
        SymmetricEigen eigen = SymmetricEigen.of(Matrix.diagonal(1e-150, -1e150, 1));

        assertThat(eigen.values().maxAbsDifference(Vector.of(1, 1e-150, -1e150))).isZero();
    }

    @Test
    void decomposesTheSymmetricPartOfANearlySymmetricMatrix() {
        Matrix a = Matrix.of(new double[][] {{2, 1 + 1e-14}, {1, 2}});

        SymmetricEigen eigen = SymmetricEigen.of(a);

        assertThat(eigen.values().get(0)).isCloseTo(3 + 5e-15, within(1e-15));
        assertThat(eigen.values().get(1)).isCloseTo(1 - 5e-15, within(1e-15));
    }

    @Test
    void decomposesAView() {
        Matrix big = Matrix.gaussian(8, 8, new SplittableRandom(2));
        Matrix symmetric = big.plus(big.transpose());
        Matrix a = symmetric.view(2, 2, 5, 5);

        SymmetricEigen eigen = SymmetricEigen.of(a);
        Matrix vectors = eigen.vectors();

        assertThat(relativeError(a, scaleColumns(vectors, eigen.values()).timesTranspose(vectors)))
                .isLessThanOrEqualTo(1e-13);
    }

    @Test
    void rejectsANonSymmetricMatrixNamingTheFirstOffendingPair() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {2, 1, 4}, {0, 4, 1}});

        assertThatThrownBy(() -> SymmetricEigen.of(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric")
                .hasMessageContaining("a(0, 2) = 3.0 and a(2, 0) = 0.0");
    }

    @Test
    void symmetryToleranceIsRelativeToTheLargestEntry() {
        Matrix large = Matrix.of(new double[][] {{1e6, 1e-6}, {0, 1e6}});
        Matrix small = Matrix.of(new double[][] {{1e-6, 1e-12}, {0, 1e-6}});

        assertThat(SymmetricEigen.of(large).values().size()).isEqualTo(2);
        assertThatThrownBy(() -> SymmetricEigen.of(small))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a(0, 1)");
    }

    @Test
    void rejectsMatricesOfTheWrongShapeOrWithNonFiniteEntries() {
        assertThatThrownBy(() -> SymmetricEigen.of(Matrix.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("square")
                .hasMessageContaining("3x2");
        assertThatThrownBy(() -> SymmetricEigen.of(Matrix.diagonal(1, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a(1, 1) is NaN");
    }

    @Test
    void reportsAnIterationThatDoesNotConverge() {
        Matrix a = Matrix.of(new double[][] {{2, 1}, {1, 2}});

        assertThatThrownBy(() -> SymmetricEigen.of(a, 0))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("did not converge")
                .hasMessageContaining("eigenvalue 0 of 2");
    }

    @Test
    void leavesItsInputAloneAndHandsOutCopies() {
        Matrix g = Matrix.gaussian(5, 5, new SplittableRandom(6));
        Matrix a = g.plus(g.transpose());
        Matrix before = a.copy();
        SymmetricEigen eigen = SymmetricEigen.of(a);
        Vector values = eigen.values();
        eigen.values().set(0, 99);
        eigen.vectors().set(0, 0, 99);

        assertThat(a.maxAbsDifference(before)).isZero();
        assertThat(eigen.values().maxAbsDifference(values)).isZero();
        assertThat(orthogonalityError(eigen.vectors())).isLessThanOrEqualTo(1e-13);
    }
}
