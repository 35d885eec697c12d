package dev.kiln.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    /** A random m×n matrix of rank r: an m×r Gaussian times an r×n Gaussian. */
    private static Matrix ofRank(int m, int n, int r, Rng rng) {
        return Matrix.gaussian(m, r, rng).times(Matrix.gaussian(r, n, rng));
    }

    @Test
    void fullRankTallProblemsGiveTheQrSolution() {
        Rng rng = Rng.seeded(1);
        for (int trial = 0; trial < 10; trial++) {
            int n = 1 + rng.nextInt(80);
            int m = n + rng.nextInt(100);
            Matrix a = Matrix.gaussian(m, n, rng);
            Vector b = Vector.from(m, i -> rng.nextGaussian());
            assertThat(LeastSquares.solve(a, b).maxAbsDifference(QR.of(a).solve(b))).isLessThan(1e-10);
        }
    }

    @Test
    void rankDeficientProblemsOfEveryShapeGiveThePseudoInverseSolution() {
        // The reference is A⁺·b from Kiln's SVD, an independent algorithm (Golub–Kahan–Reinsch).
        Rng rng = Rng.seeded(2);
        for (int trial = 0; trial < 40; trial++) {
            int m = 2 + rng.nextInt(120);
            int n = 2 + rng.nextInt(120);
            int r = 1 + rng.nextInt(Math.min(m, n) - 1);
            Matrix a = ofRank(m, n, r, rng);
            Vector b = Vector.from(m, i -> rng.nextGaussian());

            Vector x = LeastSquares.solve(a, b);
            Vector reference = SingularValueDecomposition.of(a).pseudoInverse().times(b);

            assertThat(x.maxAbsDifference(reference)).as("%dx%d of rank %d", m, n, r)
                    .isLessThan(1e-8 * Math.max(1, reference.norm()));
        }
    }

    @Test
    void theSolutionIsTheShortestOfAllMinimisers() {
        // Any minimiser is x + z with z in the null space; the minimum-norm one is orthogonal to
        // that space, so adding a null vector must not shorten it and must keep the residual.
        Rng rng = Rng.seeded(3);
        Matrix a = ofRank(200, 90, 60, rng);
        Vector b = Vector.from(200, i -> rng.nextGaussian());
        Vector x = LeastSquares.solve(a, b);
        Matrix v = SingularValueDecomposition.of(a).v();
        for (int k = 60; k < 90; k++) {
            Vector z = v.column(k);
            assertThat(Math.abs(x.dot(z))).isLessThan(1e-10 * x.norm());
        }
        Vector residual = a.times(x).minus(b);
        assertThat(a.transposeTimes(residual).norm()).as("normal equations").isLessThan(1e-9 * b.norm() * a.frobeniusNorm());
    }

    @Test
    void duplicatedColumnsShareTheirWeightEqually() {
        // y = 2·t fitted on the columns (t, t): every (w, 2 − w) fits exactly; the shortest is (1, 1).
        double[][] rows = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            rows[i] = new double[] {i, i};
            y[i] = 2.0 * i;
        }
        Vector x = LeastSquares.solve(Matrix.of(rows), Vector.wrap(y));
        assertThat(x.get(0)).isCloseTo(1, within(1e-12));
        assertThat(x.get(1)).isCloseTo(1, within(1e-12));
    }

    @Test
    void theZeroMatrixGivesZero() {
        assertThat(LeastSquares.solve(Matrix.zeros(5, 3), Vector.wrap(1, 2, 3, 4, 5)).norm()).isZero();
        assertThat(LeastSquares.solve(Matrix.zeros(2, 4), Vector.wrap(1, 2)).norm()).isZero();
    }

    @Test
    void rejectsAMismatchedRightHandSide() {
        assertThatThrownBy(() -> LeastSquares.solve(Matrix.zeros(5, 3), Vector.wrap(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2 elements").hasMessageContaining("needs 5");
    }
}
