package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class BinMapperTest {

    @Test
    void manyValuesAreCutAtMidpointPercentilesAsScikitLearnDoes() {
        // v = (np.arange(1000) ** 2 % 997).astype(float)
        // _BinMapper(n_bins=11).fit(v.reshape(-1, 1)).bin_thresholds_[0].tolist()
        double[] v = new double[1000];
        for (int i = 0; i < 1000; i++) {
            v[i] = (double) ((long) i * i % 997);
        }
        assertThat(BinMapper.edges(v, 10)).containsExactly(88.5, 198.5, 288.0, 380.5, 495.5, 608.0, 705.5, 795.0, 906.0);
    }

    @Test
    void fewValuesGetABinEachSplitHalfway() {
        // _BinMapper(n_bins=11).fit(np.array([[3.], [1.], [1.], [7.], [3.]])).bin_thresholds_[0].tolist()
        assertThat(BinMapper.edges(new double[] {3, 1, 1, 7, 3}, 10)).containsExactly(2.0, 5.0);
        assertThat(BinMapper.edges(new double[] {4, 4, 4}, 10)).isEmpty();
    }

    @Test
    void valuesGoToTheFirstBinWhoseEdgeTheyDoNotExceed() {
        Matrix x = Matrix.of(new double[][] {{1}, {2}, {3}, {5}, {7}, {-100}, {100}});
        BinMapper m = BinMapper.fit(x, new int[] {0, 1, 2, 3, 4}, 255, Rng.seeded(0));
        assertThat(m.binCount(0)).isEqualTo(5);
        byte[][] bins = m.bin(x, new int[] {0, 1, 2, 3, 4, 5, 6});
        assertThat(bins[0]).containsExactly(0, 1, 2, 3, 4, 0, 4);
        assertThat(m.edge(0, 0)).isEqualTo(1.5);
    }

    @Test
    void binsHoldAboutEqualCounts() {
        Rng rng = Rng.seeded(2);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        Matrix x = Matrix.wrap(v.length, 1, v.clone());
        int[] rows = new int[v.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        BinMapper m = BinMapper.fit(x, rows, 255, Rng.seeded(0));
        assertThat(m.binCount(0)).isEqualTo(255);
        int[] counts = new int[255];
        for (byte b : m.bin(x, rows)[0]) {
            counts[b & 0xFF]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(20_000 / 255 - 2, 20_000 / 255 + 2);
        }
    }
}
