package dev.kiln.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void viewsShareStorageWithTheirMatrix() {
        Matrix m = Matrix.from(4, 5, (i, j) -> 10 * i + j);
        Matrix block = m.view(1, 2, 2, 3);
        assertThat(block.get(0, 0)).isEqualTo(12);
        assertThat(block.get(1, 2)).isEqualTo(24);
        block.set(1, 1, -1);
        assertThat(m.get(2, 3)).isEqualTo(-1);
        m.row(3).set(0, 99);
        assertThat(m.get(3, 0)).isEqualTo(99);
        m.column(4).set(0, 77);
        assertThat(m.get(0, 4)).isEqualTo(77);
        assertThat(block.isCompact()).isFalse();
        assertThat(block.copy().isCompact()).isTrue();
        assertThat(block.copy().toArray()).isEqualTo(new double[][] {{12, 13, 14}, {22, -1, 24}});
    }

    @Test
    void productsOfViewsEqualProductsOfCopies() {
        Rng rng = Rng.seeded(4);
        Matrix big = Matrix.gaussian(60, 70, rng);
        Matrix a = big.view(3, 5, 31, 40);
        Matrix b = Matrix.gaussian(90, 80, rng).view(10, 7, 40, 29);
        Matrix expected = naive(a.copy(), b.copy());
        assertThat(a.times(b).maxAbsDifference(expected)).isLessThan(1e-12);
        assertThat(a.transpose().transposeTimes(b).maxAbsDifference(expected)).isLessThan(1e-12);
        assertThat(a.timesTranspose(b.transpose()).maxAbsDifference(expected)).isLessThan(1e-12);
        Vector x = b.column(3);
        Vector y = a.times(x);
        for (int i = 0; i < a.rows(); i++) {
            assertThat(y.get(i)).isCloseTo(expected.get(i, 3), within(1e-12));
        }
        Vector z = a.transposeTimes(a.column(0));
        assertThat(z.get(0)).isCloseTo(a.column(0).dot(a.column(0)), within(1e-12));
    }

    @Test
    void arithmeticAndNorms() {
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix b = Matrix.identity(2);
        assertThat(a.plus(b).toArray()).isEqualTo(new double[][] {{2, 2}, {3, 5}});
        assertThat(a.minus(b).toArray()).isEqualTo(new double[][] {{0, 2}, {3, 3}});
        assertThat(a.times(2.0).toArray()).isEqualTo(new double[][] {{2, 4}, {6, 8}});
        assertThat(a.trace()).isEqualTo(5);
        assertThat(a.frobeniusNorm()).isCloseTo(Math.sqrt(30), within(1e-15));
        // The scaled norm does not overflow where the naive sum of squares would.
        assertThat(Matrix.diagonal(1e200, 1e200).frobeniusNorm()).isCloseTo(Math.sqrt(2) * 1e200, within(1e186));
        assertThat(Matrix.diagonal(3, 4).isSymmetric(0)).isTrue();
        assertThat(a.isSymmetric(0.5)).isFalse();
    }

    @Test
    void shapeMistakesNameBothShapes() {
        Matrix a = Matrix.zeros(2, 3);
        assertThatThrownBy(() -> a.times(Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot multiply 2x3 by 2x3: inner dimensions 3 and 2 differ");
        assertThatThrownBy(() -> a.plus(Matrix.zeros(3, 2))).hasMessage("plus: shapes differ, 2x3 vs 3x2");
        assertThatThrownBy(() -> a.get(2, 0)).hasMessageContaining("element (2, 0) of a 2x3 matrix");
        assertThatThrownBy(() -> Matrix.wrap(2, 2, new double[3])).hasMessageContaining("needs 4 values, got 3");
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3}})).hasMessageContaining("row 1 has 1 values, row 0 has 2");
        assertThatThrownBy(() -> a.view(1, 1, 2, 2)).hasMessageContaining("block [1+2, 1+2] of a 2x3 matrix");
    }

    @Test
    void vectorsComputeNormsAndCombinations() {
        Vector v = Vector.of(3, 4);
        assertThat(v.norm()).isEqualTo(5);
        assertThat(Vector.of(3e300, 4e300).norm()).isCloseTo(5e300, within(1e286));
        assertThat(v.plus(Vector.of(1, 1)).toArray()).containsExactly(4, 5);
        assertThat(v.minus(Vector.of(1, 1)).toArray()).containsExactly(2, 3);
        assertThat(v.times(2).toArray()).containsExactly(6, 8);
        assertThat(v.dot(Vector.of(2, -1))).isEqualTo(2);
        Matrix m = Matrix.from(3, 3, (i, j) -> i * 3 + j);
        assertThat(m.column(1).dot(m.column(2))).isEqualTo(1 * 2 + 4 * 5 + 7 * 8);
        assertThat(m.column(1).view(1, 3).toArray()).containsExactly(4, 7);
        assertThatThrownBy(() -> v.dot(Vector.of(1))).hasMessage("dot: sizes differ, 2 vs 1");
    }

    private static Matrix naive(Matrix a, Matrix b) {
        Matrix c = Matrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int p = 0; p < a.cols(); p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c.set(i, j, s);
            }
        }
        return c;
    }
}
