package dev.kiln.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

/** Sparse products against the dense GEMM on random matrices of random density, big enough to run in parallel too. */
class CsrMatrixTest {
    private final Rng rng = Rng.seeded(19);

    private Matrix randomSparse(int rows, int cols, double density) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (rng.nextDouble() < density) {
                    m.set(i, j, rng.nextGaussian());
                }
            }
        }
        return m;
    }

    @Test
    void productsMatchTheDenseOnes() {
        int[][] sizes = {{1, 1}, {7, 3}, {40, 25}, {3000, 60}};
        for (int[] size : sizes) {
            for (int k : new int[] {1, 3}) {
                int n = size[0];
                int p = size[1];
                Matrix dense = randomSparse(n, p, 0.1 + 0.4 * rng.nextDouble());
                CsrMatrix x = CsrMatrix.of(dense);
                Matrix w = Matrix.gaussian(k, p, rng);
                Matrix r = Matrix.gaussian(n, k, rng);
                double[] z = new double[n * k];
                java.util.Arrays.fill(z, 1.0);
                x.addTimesTransposed(w.toRowMajorArray(), k, z);
                Matrix expectedZ = dense.timesTranspose(w);
                for (int i = 0; i < n; i++) {
                    for (int q = 0; q < k; q++) {
                        assertThat(z[i * k + q]).isCloseTo(1.0 + expectedZ.get(i, q), within(1e-9));
                    }
                }
                double[] g = new double[k * p];
                java.util.Arrays.fill(g, 99);
                x.transposedTimes(r.toRowMajorArray(), k, g);
                Matrix expectedG = r.transposeTimes(dense);
                for (int q = 0; q < k; q++) {
                    for (int j = 0; j < p; j++) {
                        assertThat(g[q * p + j]).isCloseTo(expectedG.get(q, j), within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void rowsGetAndDenseRoundTrip() {
        Matrix dense = randomSparse(20, 9, 0.3);
        CsrMatrix x = CsrMatrix.of(dense);
        assertThat(x.toDense().toArray()).isDeepEqualTo(dense.toArray());
        int nonZeros = 0;
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 9; j++) {
                assertThat(x.get(i, j)).isEqualTo(dense.get(i, j));
                nonZeros += dense.get(i, j) != 0 ? 1 : 0;
            }
        }
        assertThat(x.nonZeros()).isEqualTo(nonZeros);
        CsrMatrix picked = x.rows(new int[] {3, 3, 0});
        assertThat(picked.rows()).isEqualTo(3);
        for (int j = 0; j < 9; j++) {
            assertThat(picked.get(0, j)).isEqualTo(dense.get(3, j));
            assertThat(picked.get(1, j)).isEqualTo(dense.get(3, j));
            assertThat(picked.get(2, j)).isEqualTo(dense.get(0, j));
        }
    }

    @Test
    void badArraysAndBuilderOrderAreRejected() {
        assertThatThrownBy(() -> new CsrMatrix(2, 3, new int[] {0, 1}, new int[] {0}, new double[] {1}))
                .hasMessageContaining("CSR arrays do not fit");
        assertThatThrownBy(() -> new CsrMatrix(2, 3, new int[] {0, 2, 1}, new int[] {0}, new double[] {1}))
                .hasMessageContaining("decrease at row 1");
        assertThatThrownBy(() -> new CsrMatrix(1, 3, new int[] {0, 2}, new int[] {2, 1}, new double[] {1, 1}))
                .hasMessageContaining("row 0").hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new CsrMatrix.Builder(3).add(2, 1).add(2, 1)).hasMessageContaining("increasing column order");
        assertThatThrownBy(() -> new CsrMatrix.Builder(3).add(3, 1)).hasMessageContaining("outside [0, 3)");
        CsrMatrix empty = new CsrMatrix.Builder(4).endRow().endRow().build();
        assertThat(empty.rows()).isEqualTo(2);
        assertThat(empty.nonZeros()).isZero();
    }
}
