package dev.kiln.core.linalg;

import static dev.kiln.core.linalg.TestMatrices.orthogonalityError;
import static dev.kiln.core.linalg.TestMatrices.relativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QRTest {
    @Test
    void qTransposeTimesEqualsTheProductWithTheExplicitFactor() {
        dev.kiln.core.random.Rng rng = dev.kiln.core.random.Rng.seeded(17);
        for (int trial = 0; trial < 20; trial++) {
            int m = 1 + rng.nextInt(40);
            int n = 1 + rng.nextInt(m);
            Matrix a = Matrix.gaussian(m, n, rng);
            Vector b = Vector.from(m, i -> rng.nextGaussian());
            QR qr = QR.of(a);
            assertThat(qr.qTransposeTimes(b).maxAbsDifference(qr.q().transposeTimes(b))).isLessThan(1e-12);
        }
    }

    @Test
    void blockedFactorisationMatchesTheMatrixAndEqualsTheUnblockedOneColumnByColumn() {
        // Shapes that cross the 32-column panels: full panels, a ragged last panel, and trailing
        // parts both above and below the size at which the compact WY update takes over.
        int[][] shapes = {{300, 64}, {257, 97}, {150, 150}, {2051, 131}, {70, 65}, {100, 33}};
        for (int[] shape : shapes) {
            Matrix a = Matrix.gaussian(shape[0], shape[1], dev.kiln.core.random.Rng.seeded(shape[0] * 31L + shape[1]));

            QR qr = QR.of(a);
            Matrix q = qr.q();
            Matrix r = qr.r();

            String s = shape[0] + "x" + shape[1];
            assertThat(relativeError(a, q.times(r))).as("‖A − QR‖/‖A‖, %s", s).isLessThanOrEqualTo(1e-13);
            assertThat(orthogonalityError(q)).as("‖QᵀQ − I‖, %s", s).isLessThanOrEqualTo(1e-13);
            assertThat(TestMatrices.maxBelowDiagonal(r)).as("below the diagonal of R, %s", s).isZero();
            // R is unique once the signs of its diagonal are fixed, so the blocked R must equal the
            // R of classical Gram–Schmidt on the same columns up to those signs.
            Matrix reference = gramSchmidtR(a);
            for (int i = 0; i < a.cols(); i++) {
                double sign = Math.signum(r.get(i, i)) * Math.signum(reference.get(i, i));
                for (int j = i; j < a.cols(); j++) {
                    assertThat(sign * r.get(i, j)).as("r(%d, %d), %s", i, j, s)
                            .isCloseTo(reference.get(i, j), within(1e-9 * Math.abs(reference.get(0, 0))));
                }
            }
        }
    }

    /** R of modified Gram–Schmidt with reorthogonalisation, positive diagonal: an independent reference. */
    private static Matrix gramSchmidtR(Matrix a) {
        int m = a.rows();
        int n = a.cols();
        double[][] q = new double[n][m];
        double[][] r = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                v[i] = a.get(i, j);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) {
                        dot += q[k][i] * v[i];
                    }
                    r[k][j] += dot;
                    for (int i = 0; i < m; i++) {
                        v[i] -= dot * q[k][i];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            r[j][j] = norm;
            for (int i = 0; i < m; i++) {
                q[j][i] = v[i] / norm;
            }
        }
        return Matrix.of(r);
    }

    @Test
    void factorsATwoByTwoMatrixAsComputedByHand() {
        // For columns a1 = (3, 4) and a2 = (1, 2), whatever the signs Householder picks:
        // r11² = ‖a1‖² = 25, r11·r12 = a1·a2 = 11 and (r11·r22)² = (det A)² = 4.
        Matrix a = Matrix.of(new double[][] {{3, 1}, {4, 2}});

        Matrix r = QR.of(a).r();

        assertThat(r.get(0, 0) * r.get(0, 0)).isCloseTo(25, within(1e-13));
        assertThat(r.get(0, 0) * r.get(0, 1)).isCloseTo(11, within(1e-13));
        assertThat(Math.pow(r.get(0, 0) * r.get(1, 1), 2)).isCloseTo(4, within(1e-13));
        assertThat(r.get(1, 0)).isZero();
    }

    @Test
    void factorsRandomTallAndSquareMatrices() {
        for (TestMatrices.Shape shape : TestMatrices.randomTallShapes(50, 40)) {
            Matrix a = Matrix.gaussian(shape.rows(), shape.cols(), shape.random());

            QR qr = QR.of(a);
            Matrix q = qr.q();
            Matrix r = qr.r();

            assertThat(q.shape()).as("Q, %s", shape).isEqualTo(a.shape());
            assertThat(r.shape()).as("R, %s", shape).isEqualTo(a.cols() + "x" + a.cols());
            assertThat(relativeError(a, q.times(r))).as("‖A − QR‖/‖A‖, %s", shape).isLessThanOrEqualTo(1e-13);
            assertThat(orthogonalityError(q)).as("‖QᵀQ − I‖, %s", shape).isLessThanOrEqualTo(1e-13);
            assertThat(TestMatrices.maxBelowDiagonal(r)).as("below the diagonal of R, %s", shape).isZero();
            assertThat(relativeError(a.transposeTimes(a), r.transposeTimes(r))).as("RᵀR = AᵀA, %s", shape)
                    .isLessThanOrEqualTo(1e-12);
            assertThat(qr.isFullRank()).as("full rank, %s", shape).isTrue();
        }
    }

    @Test
    void leastSquaresEqualsTheNormalEquationsSolutionAndLeavesAnOrthogonalResidual() {
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 10; trial++) {
            int m = 20 + random.nextInt(30);
            int n = 1 + random.nextInt(8);
            Matrix a = Matrix.gaussian(m, n, random);
            Vector b = Vector.from(m, i -> random.nextGaussian());

            Vector x = QR.of(a).solve(b);

            Vector normal = Cholesky.of(a.transposeTimes(a)).solve(a.transposeTimes(b));
            assertThat(relativeError(normal, x)).as("trial %d, %dx%d", trial, m, n).isLessThanOrEqualTo(1e-12);
            Vector residual = b.minus(a.times(x));
            assertThat(a.transposeTimes(residual).norm()).as("Aᵀ(b − Ax), trial %d", trial)
                    .isLessThanOrEqualTo(1e-13 * a.frobeniusNorm() * b.norm());
        }
    }

    @Test
    void fittedLineMatchesTheClosedFormRegression() {
        int m = 25;
        double[] t = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = 0.4 * i - 3;
            y[i] = 1.5 - 0.75 * t[i] + (i % 3 - 1) * 0.2 + (i % 2) * 0.05;
        }
        double tMean = 0;
        double yMean = 0;
        for (int i = 0; i < m; i++) {
            tMean += t[i] / m;
            yMean += y[i] / m;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < m; i++) {
            covariance += (t[i] - tMean) * (y[i] - yMean);
            variance += (t[i] - tMean) * (t[i] - tMean);
        }
        double slope = covariance / variance;
        double intercept = yMean - slope * tMean;

        Vector coefficients = QR.of(Matrix.from(m, 2, (i, j) -> j == 0 ? 1 : t[i])).solve(Vector.wrap(y));

        assertThat(coefficients.get(0)).isCloseTo(intercept, within(1e-13));
        assertThat(coefficients.get(1)).isCloseTo(slope, within(1e-13));
    }

    @Test
    void squareSystemsAreSolvedExactly() {
        SplittableRandom random = new SplittableRandom(5);
        Matrix a = TestMatrices.withSingularValues(30, 30, TestMatrices.evenlySpaced(30, 4, 1), random);
        Vector x = Vector.from(30, i -> random.nextGaussian());

        assertThat(relativeError(x, QR.of(a).solve(a.times(x)))).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void illConditionedSystemLosesOnlyTheDigitsItsConditionNumberCosts() {
        // The first six columns of the 10x10 Hilbert matrix; numpy 2.4.6 gives their condition number
        // as numpy.linalg.cond(scipy.linalg.hilbert(10)[:, :6]) = 2.45e6.
        Matrix a = TestMatrices.hilbert(10).view(0, 0, 10, 6).copy();
        Vector x = Vector.of(1, -2, 3, -4, 5, -6);

        Vector solved = QR.of(a).solve(a.times(x));

        assertThat(relativeError(x, solved)).isLessThanOrEqualTo(1e-7);
    }

    @Test
    void solvesSeveralRightHandSidesLikeOneAtATime() {
        SplittableRandom random = new SplittableRandom(8);
        Matrix a = Matrix.gaussian(15, 4, random);
        Matrix b = Matrix.gaussian(15, 3, random);
        QR qr = QR.of(a);

        Matrix x = qr.solve(b);

        assertThat(x.shape()).isEqualTo("4x3");
        for (int j = 0; j < 3; j++) {
            assertThat(x.column(j).maxAbsDifference(qr.solve(b.column(j).copy()))).isLessThanOrEqualTo(1e-14);
        }
    }

    @Test
    void identityAndDiagonalHaveTrivialFactors() {
        QR identity = QR.of(Matrix.identity(4));
        assertThat(relativeError(Matrix.identity(4), identity.q().times(identity.r()))).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(Math.abs(identity.r().get(i, i))).isEqualTo(1);
        }

        QR diagonal = QR.of(Matrix.diagonal(3, -2, 0.5));
        assertThat(diagonal.solve(Vector.of(3, 4, 1)).maxAbsDifference(Vector.of(1, -2, 2))).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void tinyAndHugeMagnitudesFactorWithoutOverflow() {
        Matrix a = Matrix.gaussian(12, 5, new SplittableRandom(3));
        QR reference = QR.of(a);
        for (double scale : new double[] {1e-150, 1e150, 1e-300, 1e300}) {
            QR qr = QR.of(a.times(scale));

            assertThat(TestMatrices.allFinite(qr.q()) && TestMatrices.allFinite(qr.r())).as("scale %s", scale).isTrue();
            assertThat(relativeError(reference.r().times(scale), qr.r())).as("scale %s", scale).isLessThanOrEqualTo(1e-14);
            assertThat(orthogonalityError(qr.q())).as("scale %s", scale).isLessThanOrEqualTo(1e-13);
        }
    }

    @Test
    void columnNormsThatOverflowOrUnderflowWhenSquaredAreExact() {
        for (double entry : new double[] {1e160, 1e-160}) {
            Matrix column = Matrix.from(100, 1, (i, j) -> entry);

            double r = QR.of(column).r().get(0, 0);

            assertThat(Math.abs(r)).as("entry %s", entry).isCloseTo(10 * entry, within(1e-14 * 10 * entry));
        }
    }

    @Test
    void rankDeficientMatrixIsReportedAndItsSolveNamesTheColumn() {
        SplittableRandom random = new SplittableRandom(13);
        Matrix a = Matrix.gaussian(10, 4, random);
        for (int i = 0; i < 10; i++) {
            a.set(i, 2, a.get(i, 0) - 2 * a.get(i, 1));
        }
        QR qr = QR.of(a);

        assertThat(qr.isFullRank()).isFalse();
        assertThat(relativeError(a, qr.q().times(qr.r()))).isLessThanOrEqualTo(1e-13);
        assertThatThrownBy(() -> qr.solve(Vector.zeros(10)))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("full column rank")
                .hasMessageContaining("column 2 ");
        assertThatThrownBy(() -> qr.solve(Matrix.zeros(10, 2)))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("column 2 ");
    }

    @Test
    void zeroColumnsAndTheZeroMatrixAreRankDeficient() {
        Matrix leadingZero = Matrix.from(6, 3, (i, j) -> j == 0 ? 0 : i * j + 1.0 / (i + j + 1));
        assertThatThrownBy(() -> QR.of(leadingZero).solve(Vector.zeros(6)))
                .isInstanceOf(LinearAlgebraException.class)
                .hasMessageContaining("column 0 ");

        QR zero = QR.of(Matrix.zeros(5, 3));
        assertThat(zero.isFullRank()).isFalse();
        assertThat(zero.r().frobeniusNorm()).isZero();
        assertThat(orthogonalityError(zero.q())).isZero();
    }

    @Test
    void factorsAView() {
        Matrix big = Matrix.gaussian(9, 7, new SplittableRandom(4));
        Matrix a = big.view(2, 1, 6, 4);

        QR qr = QR.of(a);

        assertThat(relativeError(a, qr.q().times(qr.r()))).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void rejectsMatricesOfTheWrongShape() {
        assertThatThrownBy(() -> QR.of(Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least as many rows as columns")
                .hasMessageContaining("2x3");
        assertThatThrownBy(() -> QR.of(Matrix.zeros(3, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> QR.of(Matrix.of(new double[][] {{1}, {Double.POSITIVE_INFINITY}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a(1, 0) is Infinity");
        QR qr = QR.of(Matrix.identity(3));
        assertThatThrownBy(() -> qr.solve(Vector.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 elements");
    }

    @Test
    void leavesItsInputAloneAndHandsOutCopies() {
        Matrix a = Matrix.gaussian(5, 3, new SplittableRandom(9));
        Matrix before = a.copy();
        QR qr = QR.of(a);
        Matrix r = qr.r();
        qr.r().set(0, 0, 99);
        qr.q().set(0, 0, 99);

        assertThat(a.maxAbsDifference(before)).isZero();
        assertThat(qr.r().maxAbsDifference(r)).isZero();
    }
}
