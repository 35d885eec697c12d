package dev.kiln.nn.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

/** Views share storage, read the right elements through any chain of view operations, and copy only when asked. */
class StridedViewTest {
    private final Rng rng = Rng.seeded(11);

    private static Tensor iota(int... shape) {
        float[] v = new float[Shape.size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Tensor.of(v, shape);
    }

    @Test
    void transposeSharesStorage() {
        Tensor a = iota(2, 3);
        Tensor t = a.transpose();
        assertThat(t.isContiguous()).isFalse();
        assertThat(t.strides()).containsExactly(1, 3);
        assertThat(t.data()).containsExactly(0, 3, 1, 4, 2, 5);
        a.data()[1] = 42;
        assertThat(t.get(1, 0)).isEqualTo(42);
        Tensor copy = t.contiguous();
        assertThat(copy.isContiguous()).isTrue();
        a.data()[1] = 7;
        assertThat(copy.get(1, 0)).isEqualTo(42);
    }

    @Test
    void dataOfAViewIsACopy() {
        Tensor a = iota(4, 2);
        float[] rows = a.slice(0, 1, 3).data();
        rows[0] = -1;
        assertThat(a.get(1, 0)).isEqualTo(2);
        assertThat(rows).containsExactly(-1, 3, 4, 5);
    }

    /** Random chains of view operations read element (i, j, k) where index arithmetic on the original says they should. */
    @Test
    void chainsOfViewsAgreeWithIndexArithmetic() {
        for (int trial = 0; trial < 200; trial++) {
            int[] shape = {1 + rng.nextInt(4), 1 + rng.nextInt(4), 1 + rng.nextInt(4)};
            Tensor t = iota(shape);
            // origin[d] and step[d]: element index along each ORIGINAL dimension of view position p is origin + p * step,
            // and axis[v] is the original dimension that view dimension v walks.
            int[] axis = {0, 1, 2};
            int[] origin = {0, 0, 0};
            int[] len = shape.clone();
            for (int op = 0; op < 4; op++) {
                int v = rng.nextInt(3);
                if (rng.nextBoolean()) {
                    int w = rng.nextInt(3);
                    t = t.transpose(v, w);
                    int tmp = axis[v];
                    axis[v] = axis[w];
                    axis[w] = tmp;
                    int l = len[v];
                    len[v] = len[w];
                    len[w] = l;
                } else {
                    int from = rng.nextInt(len[v]);
                    int to = from + 1 + rng.nextInt(len[v] - from);
                    t = t.slice(v, from, to);
                    origin[axis[v]] += from;
                    len[v] = to - from;
                }
            }
            assertThat(t.shape()).containsExactly(len);
            float[] values = t.data();
            int at = 0;
            for (int i = 0; i < len[0]; i++) {
                for (int j = 0; j < len[1]; j++) {
                    for (int k = 0; k < len[2]; k++) {
                        int[] original = origin.clone();
                        original[axis[0]] += i;
                        original[axis[1]] += j;
                        original[axis[2]] += k;
                        float expected = (original[0] * shape[1] + original[1]) * shape[2] + original[2];
                        assertThat(t.get(i, j, k)).isEqualTo(expected);
                        assertThat(values[at++]).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void permuteSelectExpandSqueeze() {
        Tensor a = iota(2, 3, 4);
        assertThat(a.permute(2, 0, 1).shape()).containsExactly(4, 2, 3);
        assertThat(a.permute(2, 0, 1).get(3, 1, 2)).isEqualTo(a.get(1, 2, 3));
        assertThat(a.select(1, 2).shape()).containsExactly(2, 4);
        assertThat(a.select(1, 2).data()).containsExactly(8, 9, 10, 11, 20, 21, 22, 23);
        Tensor row = iota(3).unsqueeze(0);
        assertThat(row.shape()).containsExactly(1, 3);
        Tensor grid = row.expand(2, -1);
        assertThat(grid.strides()).containsExactly(0, 1);
        assertThat(grid.data()).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(iota(3).unsqueeze(-1).expand(3, 2).data()).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(row.squeeze(0).shape()).containsExactly(3);
    }

    @Test
    void reshapeViewsRowMajorElementsAndCopiesOthers() {
        Tensor a = iota(4, 3);
        Tensor rows = a.slice(0, 1, 3).reshape(6);
        a.data()[3] = 99;
        assertThat(rows.get(0)).isEqualTo(99);
        Tensor flat = a.transpose().reshape(-1);
        assertThat(flat.isContiguous()).isTrue();
        assertThat(flat.data()).containsExactly(0, 99, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11);
    }

    @Test
    void matmulReadsTransposedOperandsInPlace() {
        for (int trial = 0; trial < 20; trial++) {
            int m = 1 + rng.nextInt(7);
            int k = 1 + rng.nextInt(7);
            int n = 1 + rng.nextInt(7);
            Tensor a = Tensor.randn(rng, k, m).transpose();
            Tensor b = Tensor.randn(rng, n, k + 2).slice(1, 1, k + 1).transpose();
            float[] expected = a.contiguous().matmul(b.contiguous()).data();
            assertThat(a.matmul(b).data()).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void gradientsReachTheBaseThroughViews() {
        Tensor w = iota(2, 3).requireGrad();
        w.transpose().select(0, 1).mul(Tensor.of(new float[] {10, 20}, 2)).sum().backward();
        assertThat(w.gradientBuffer()).containsExactly(0, 10, 0, 0, 20, 0);
        Tensor b = Tensor.of(new float[] {1, 2}, 2).requireGrad();
        b.expand(3, 2).sum().backward();
        assertThat(b.gradientBuffer()).containsExactly(3, 3);
    }

    @Test
    void extremaAlongADimension() {
        Tensor a = Tensor.of(new float[] {3, 1, 4, 1, 5, 9, 2, 6, 5}, 3, 3);
        assertThat(a.max(1).data()).containsExactly(4, 9, 6);
        assertThat(a.argmax(0)).containsExactly(0, 2, 1);
        assertThat(a.min(0).data()).containsExactly(1, 1, 4);
        assertThat(a.argmin(1)).containsExactly(1, 0, 0);
        assertThat(a.transpose().max(1).data()).containsExactly(3, 6, 9);
        Tensor withNan = Tensor.of(new float[] {1, Float.NaN, 3}, 3);
        assertThat(withNan.max(0).item()).isNaN();
        assertThat(withNan.argmin(0)).containsExactly(1);
    }

    @Test
    void badViewsNameTheShape() {
        Tensor a = iota(2, 3);
        assertThatThrownBy(() -> a.permute(0, 0)).hasMessageContaining("permute").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> a.expand(4, 3)).hasMessageContaining("expand").hasMessageContaining("[4, 3]");
        assertThatThrownBy(() -> a.select(1, 3)).hasMessageContaining("select").hasMessageContaining("size 3");
        assertThatThrownBy(() -> a.squeeze(0)).hasMessageContaining("squeeze").hasMessageContaining("not 1");
        assertThatThrownBy(() -> Tensor.zeros(2, 0).max(1)).hasMessageContaining("max").hasMessageContaining("empty");
    }
}
