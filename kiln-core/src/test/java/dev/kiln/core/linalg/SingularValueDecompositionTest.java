package dev.kiln.core.linalg;

import static dev.kiln.core.linalg.TestMatrices.isDescending;
import static dev.kiln.core.linalg.TestMatrices.orthogonalityError;
import static dev.kiln.core.linalg.TestMatrices.relativeError;
import static dev.kiln.core.linalg.TestMatrices.scaleColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SingularValueDecompositionTest {
    @Test
    void decomposesRandomMatricesOfEveryShape() {
        for (TestMatrices.Shape shape : TestMatrices.randomShapes(50, 50)) {
            Matrix a = Matrix.gaussian(shape.rows(), shape.cols(), shape.random());
            int r = Math.min(shape.rows(), shape.cols());

            SingularValueDecomposition svd = SingularValueDecomposition.of(a);
            Matrix u = svd.u();
            Matrix v = svd.v();
            Vector s = svd.singularValues();

            assertThat(u.shape()).as("U, %s", shape).isEqualTo(shape.rows() + "x" + r);
            assertThat(v.shape()).as("V, %s", shape).isEqualTo(shape.cols() + "x" + r);
            assertThat(isDescending(s)).as("sorted, %s", shape).isTrue();
            assertThat(s.get(r - 1)).as("smallest, %s", shape).isGreaterThanOrEqualTo(0);
            assertThat(relativeError(a, scaleColumns(u, s).timesTranspose(v))).as("‖A − USVᵀ‖/‖A‖, %s", shape)
                    .isLessThanOrEqualTo(1e-12);
            assertThat(orthogonalityError(u)).as("‖UᵀU − I‖, %s", shape).isLessThanOrEqualTo(1e-12);
            assertThat(orthogonalityError(v)).as("‖VᵀV − I‖, %s", shape).isLessThanOrEqualTo(1e-12);
            assertThat(s.norm()).as("‖s‖ = ‖A‖_F, %s", shape)
                    .isCloseTo(a.frobeniusNorm(), within(1e-13 * a.frobeniusNorm()));
            assertThat(svd.norm2()).as("norm2, %s", shape).isEqualTo(s.get(0));
        }
    }

    @Test
    void singularValuesAreSquareRootsOfTheEigenvaluesOfTheGramMatrix() {
        SplittableRandom random = new SplittableRandom(17);
        for (int[] shape : new int[][] {{30, 8}, {8, 30}, {12, 12}}) {
            Matrix a = Matrix.gaussian(shape[0], shape[1], random);
            Matrix gram = shape[0] >= shape[1] ? a.transposeTimes(a) : a.timesTranspose(a);

            Vector s = SingularValueDecomposition.of(a).singularValues();
            Vector lambda = SymmetricEigen.of(gram).values();

            for (int i = 0; i < s.size(); i++) {
                assertThat(s.get(i) * s.get(i)).as("%dx%d, s_%d²", shape[0], shape[1], i)
                        .isCloseTo(lambda.get(i), within(1e-12 * lambda.get(0)));
            }
        }
    }

    @Test
    void twoByTwoShearHasTheGoldenRatioAsSingularValues() {
        // [[1, 1], [0, 1]]ᵀ[[1, 1], [0, 1]] = [[1, 1], [1, 2]] has eigenvalues φ² and φ⁻², φ = (1 + √5)/2.
        double phi = (1 + Math.sqrt(5)) / 2;

        Vector s = SingularValueDecomposition.of(Matrix.of(new double[][] {{1, 1}, {0, 1}})).singularValues();

        assertThat(s.get(0)).isCloseTo(phi, within(1e-15));
        assertThat(s.get(1)).isCloseTo(1 / phi, within(1e-15));
    }

    @Test
    void shiftMatrixHasSingularValuesOneAndZero() {
        // The n×n shift matrix (ones just above the diagonal) maps e_{j+1} to e_j and e_1 to 0:
        // singular values 1 (n − 1 times) and 0. Its bidiagonal form has every diagonal entry zero.
        int n = 6;
        Matrix shift = Matrix.from(n, n, (i, j) -> j == i + 1 ? 1 : 0);

        SingularValueDecomposition svd = SingularValueDecomposition.of(shift);

        assertThat(svd.singularValues().maxAbsDifference(Vector.of(1, 1, 1, 1, 1, 0))).isLessThanOrEqualTo(1e-15);
        assertThat(svd.rank()).isEqualTo(n - 1);
        assertThat(relativeError(shift, scaleColumns(svd.u(), svd.singularValues()).timesTranspose(svd.v())))
                .isLessThanOrEqualTo(1e-15);
        assertThat(orthogonalityError(svd.u())).isLessThanOrEqualTo(1e-15);
        assertThat(orthogonalityError(svd.v())).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void bidiagonalMatrixWithZerosInsideItsDiagonalSplitsCorrectly() {
        // Already bidiagonal, so the Householder stage leaves it as it is: the zero at d(2) must be
        // chased along its row to the end and the one at d(0) out of its block by rotations.
        double[] diagonal = {0, 1, 0, 2, 3, 0.5};
        double[] superdiagonal = {1, -2, 1, 0.5, 1};
        Matrix a = Matrix.from(6, 6, (i, j) -> i == j ? diagonal[i] : j == i + 1 ? superdiagonal[i] : 0);

        SingularValueDecomposition svd = SingularValueDecomposition.of(a);
        Vector s = svd.singularValues();
        Vector lambda = SymmetricEigen.of(a.transposeTimes(a)).values();

        for (int i = 0; i < 6; i++) {
            assertThat(s.get(i) * s.get(i)).as("s_%d²", i).isCloseTo(lambda.get(i), within(1e-13 * lambda.get(0)));
        }
        assertThat(relativeError(a, scaleColumns(svd.u(), s).timesTranspose(svd.v()))).isLessThanOrEqualTo(1e-14);
        assertThat(orthogonalityError(svd.u())).isLessThanOrEqualTo(1e-14);
        assertThat(orthogonalityError(svd.v())).isLessThanOrEqualTo(1e-14);
    }

    @Test
    void recoversPrescribedSingularValuesIncludingRepeatedOnes() {
        SplittableRandom random = new SplittableRandom(23);
        double[] s = {3, 3, 3, 1, 1, 0.5};
        for (int[] shape : new int[][] {{9, 6}, {6, 11}, {6, 6}}) {
            Matrix a = TestMatrices.withSingularValues(shape[0], shape[1], s, random);

            SingularValueDecomposition svd = SingularValueDecomposition.of(a);

            assertThat(svd.singularValues().maxAbsDifference(Vector.wrap(s))).as("%dx%d", shape[0], shape[1])
                    .isLessThanOrEqualTo(1e-13);
            assertThat(svd.conditionNumber()).isCloseTo(6, within(1e-12));
            assertThat(svd.rank()).isEqualTo(6);
            assertThat(relativeError(a, scaleColumns(svd.u(), svd.singularValues()).timesTranspose(svd.v())))
                    .isLessThanOrEqualTo(1e-13);
        }
    }

    @Test
    void outerProductHasRankOneAndAClosedFormPseudoInverse() {
        Vector x = Vector.of(1, -2, 2, 4);
        Vector y = Vector.of(3, 0, -4);
        Matrix a = Matrix.from(4, 3, (i, j) -> x.get(i) * y.get(j));

        SingularValueDecomposition svd = SingularValueDecomposition.of(a);

        // x yᵀ = (x/‖x‖)·(‖x‖‖y‖)·(y/‖y‖)ᵀ with ‖x‖ = 5, ‖y‖ = 5; its pseudo-inverse is y xᵀ / (‖x‖²‖y‖²).
        assertThat(svd.singularValues().get(0)).isCloseTo(25, within(1e-13));
        assertThat(svd.singularValues().view(1, 3).norm()).isLessThanOrEqualTo(1e-14);
        assertThat(svd.rank()).isEqualTo(1);
        assertThat(svd.conditionNumber()).isGreaterThan(1e14);
        Matrix expected = Matrix.from(3, 4, (i, j) -> y.get(i) * x.get(j) / 625);
        assertThat(relativeError(expected, svd.pseudoInverse())).isLessThanOrEqualTo(1e-14);
    }

    @Test
    void constantMatrixHasRankOneAndOrthonormalSingularVectors() {
        // All ones, 50x30: ‖1₅₀‖·‖1₃₀‖ = √1500 is the only nonzero singular value. Everything
        // after the first reflections is rounding noise that sinks into the subnormal range.
        Matrix a = Matrix.from(50, 30, (i, j) -> 1);

        SingularValueDecomposition svd = SingularValueDecomposition.of(a);

        assertThat(svd.singularValues().get(0)).isCloseTo(Math.sqrt(1500), within(1e-12));
        assertThat(svd.rank()).isEqualTo(1);
        assertThat(orthogonalityError(svd.u())).isLessThanOrEqualTo(1e-13);
        assertThat(orthogonalityError(svd.v())).isLessThanOrEqualTo(1e-13);
        assertThat(relativeError(a, scaleColumns(svd.u(), svd.singularValues()).timesTranspose(svd.v())))
                .isLessThanOrEqualTo(1e-14);
    }

    @Test
    void pseudoInverseOfARankDeficientMatrixSatisfiesTheMoorePenroseConditions() {
        SplittableRandom random = new SplittableRandom(29);
        for (int[] shape : new int[][] {{10, 7}, {7, 10}}) {
            Matrix a = Matrix.gaussian(shape[0], 3, random).times(Matrix.gaussian(3, shape[1], random));

            SingularValueDecomposition svd = SingularValueDecomposition.of(a);
            Matrix p = svd.pseudoInverse();

            assertThat(svd.rank()).isEqualTo(3);
            assertThat(p.shape()).isEqualTo(shape[1] + "x" + shape[0]);
            assertThat(relativeError(a, a.times(p).times(a))).as("A A⁺ A = A").isLessThanOrEqualTo(1e-12);
            assertThat(relativeError(p, p.times(a).times(p))).as("A⁺ A A⁺ = A⁺").isLessThanOrEqualTo(1e-12);
            Matrix ap = a.times(p);
            Matrix pa = p.times(a);
            assertThat(ap.maxAbsDifference(ap.transpose())).as("A A⁺ symmetric").isLessThanOrEqualTo(1e-12);
            assertThat(pa.maxAbsDifference(pa.transpose())).as("A⁺ A symmetric").isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    void pseudoInverseOfAFullColumnRankMatrixIsTheNormalEquationsSolution() {
        Matrix a = Matrix.gaussian(20, 5, new SplittableRandom(37));

        Matrix expected = Cholesky.of(a.transposeTimes(a)).solve(a.transpose());

        assertThat(relativeError(expected, SingularValueDecomposition.of(a).pseudoInverse())).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void pseudoInverseOfANonsingularSquareMatrixIsItsInverse() {
        Matrix a = TestMatrices.withSingularValues(8, 8, TestMatrices.evenlySpaced(8, 5, 0.5), new SplittableRandom(41));

        Matrix inverse = SingularValueDecomposition.of(a).pseudoInverse();

        assertThat(relativeError(Matrix.identity(8), a.times(inverse))).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void zeroMatrixHasRankZeroAndAZeroPseudoInverse() {
        SingularValueDecomposition svd = SingularValueDecomposition.of(Matrix.zeros(4, 3));

        assertThat(svd.singularValues().norm()).isZero();
        assertThat(svd.rank()).isZero();
        assertThat(svd.norm2()).isZero();
        assertThat(svd.conditionNumber()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(svd.pseudoInverse().maxAbsDifference(Matrix.zeros(3, 4))).isZero();
        assertThat(orthogonalityError(svd.u())).isZero();
        assertThat(orthogonalityError(svd.v())).isZero();
    }

    @Test
    void identityAndSignedDiagonalMatrices() {
        SingularValueDecomposition identity = SingularValueDecomposition.of(Matrix.identity(5));
        assertThat(identity.singularValues().maxAbsDifference(Vector.from(5, i -> 1))).isZero();
        assertThat(identity.conditionNumber()).isEqualTo(1);

        Matrix d = Matrix.diagonal(-3, 1, 2);
        SingularValueDecomposition diagonal = SingularValueDecomposition.of(d);
        assertThat(diagonal.singularValues().maxAbsDifference(Vector.of(3, 2, 1))).isZero();
        assertThat(relativeError(d, scaleColumns(diagonal.u(), diagonal.singularValues())
                .timesTranspose(diagonal.v()))).isZero();
    }

    @Test
    void hilbertMatrixIsIllConditionedButFullRankAtOrderEightAndDeficientAtTwelve() {
        SingularValueDecomposition h8 = SingularValueDecomposition.of(TestMatrices.hilbert(8));
        double logProduct = 0;
        for (int i = 0; i < 8; i++) {
            logProduct += Math.log(h8.singularValues().get(i));
        }

        // H is symmetric positive definite, so its singular values are its eigenvalues: their
        // product is det H₈ = 1 / (c₁₆ / c₈⁴) exactly. s_min ≈ 1.1e-10 carries an absolute error
        // near ε·s_max, about 3e-6 relative, which bounds the tolerances here.
        assertThat(logProduct).isCloseTo(-Math.log(TestMatrices.hilbertInverseDeterminant(8).doubleValue()),
                within(1e-4));
        assertThat(h8.rank()).isEqualTo(8);
        // Reference: numpy 2.4.6, numpy.linalg.cond(scipy.linalg.hilbert(8)) = 15257575538.060041.
        assertThat(h8.conditionNumber()).isCloseTo(15257575538.060041, within(1e-4 * 15257575538.060041));
        assertThat(orthogonalityError(h8.u())).isLessThanOrEqualTo(1e-13);

        // cond₂(H₁₂) ≈ 1.8e16 exceeds 1/ε: the smallest singular value sinks below the rank
        // tolerance 12·ε·s_max ≈ 4.8e-15 while the next, about 2.6e-14, stays above it.
        // Reference: numpy 2.4.6, numpy.linalg.matrix_rank(scipy.linalg.hilbert(12)) = 11.
        assertThat(SingularValueDecomposition.of(TestMatrices.hilbert(12)).rank()).isEqualTo(11);
    }

    @Test
    void tinyAndHugeMagnitudesKeepFullRelativeAccuracy() {
        SplittableRandom random = new SplittableRandom(43);
        double[] s = {4, 2, 1, 0.25};
        Matrix a = TestMatrices.withSingularValues(7, 4, s, random);
        for (double scale : new double[] {1e-150, 1e150, 1e-300, 1e300}) {
            for (Matrix scaled : new Matrix[] {a.times(scale), a.transpose().times(scale)}) {
                SingularValueDecomposition svd = SingularValueDecomposition.of(scaled);

                assertThat(relativeError(Vector.wrap(s).times(scale), svd.singularValues())).as("scale %s", scale)
                        .isLessThanOrEqualTo(1e-14);
                assertThat(orthogonalityError(svd.u())).as("scale %s", scale).isLessThanOrEqualTo(1e-13);
                assertThat(orthogonalityError(svd.v())).as("scale %s", scale).isLessThanOrEqualTo(1e-13);
                assertThat(svd.rank()).as("scale %s", scale).isEqualTo(4);
            }
        }
    }

    @Test
    void entriesThreeHundredOrdersApartInOneMatrixAreAllKept() {
        Matrix a = Matrix.diagonal(1e-150, 1e150, 1);

        SingularValueDecomposition svd = SingularValueDecomposition.of(a);

        assertThat(svd.singularValues().get(0)).isEqualTo(1e150);
        assertThat(svd.singularValues().get(1)).isEqualTo(1);
        assertThat(svd.singularValues().get(2)).isEqualTo(1e-150);
        assertThat(svd.conditionNumber()).isCloseTo(1e300, within(1e285));
        assertThat(svd.rank()).isEqualTo(1);
    }

    @Test
    void decomposesAView() {
        Matrix big = Matrix.gaussian(9, 9, new SplittableRandom(47));
        Matrix a = big.view(1, 3, 4, 6);

        SingularValueDecomposition svd = SingularValueDecomposition.of(a);

        assertThat(relativeError(a, scaleColumns(svd.u(), svd.singularValues()).timesTranspose(svd.v())))
                .isLessThanOrEqualTo(1e-13);
    }

    @Test
    void rejectsEmptyAndNonFiniteMatrices() {
        assertThatThrownBy(() -> SingularValueDecomposition.of(Matrix.zeros(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty")
                .hasMessageContaining("0x3");
        assertThatThrownBy(() -> SingularValueDecomposition.of(Matrix.of(new double[][] {{1, Double.NEGATIVE_INFINITY}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a(0, 1) is -Infinity");
    }

    @Test
    void reportsAnIterationThatDoesNotConverge() {
        Matrix a = Matrix.of(new double[][] {{1, 1}, {0, 1}});

        assertThatThrownBy(() -> SingularValueDecomposition.of(a, 0))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("did not converge")
                .hasMessageContaining("singular value 1 of 2");
    }

    @Test
    void leavesItsInputAloneAndHandsOutCopies() {
        Matrix a = Matrix.gaussian(6, 4, new SplittableRandom(53));
        Matrix before = a.copy();
        SingularValueDecomposition svd = SingularValueDecomposition.of(a);
        Vector s = svd.singularValues();
        svd.singularValues().set(0, 99);
        svd.u().set(0, 0, 99);
        svd.v().set(0, 0, 99);

        assertThat(a.maxAbsDifference(before)).isZero();
        assertThat(svd.singularValues().maxAbsDifference(s)).isZero();
        assertThat(orthogonalityError(svd.u())).isLessThanOrEqualTo(1e-13);
        assertThat(orthogonalityError(svd.v())).isLessThanOrEqualTo(1e-13);
    }
}
