package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

/** The (vector) candidate scan finds exactly the index a plain scalar loop finds, offsets, tails and NaN included. */
class CandidateScanTest {

    @Test
    void findsTheFirstPassingIndexAsAScalarLoop() {
        Rng rng = Rng.seeded(8);
        for (int trial = 0; trial < 2000; trial++) {
            int len = 1 + rng.nextInt(70);
            int c = rng.nextInt(5);
            int n = rng.nextInt(5);
            float[] cross = new float[c + len];
            double[] norms = new double[n + len];
            for (int j = 0; j < len; j++) {
                cross[c + j] = (float) (rng.nextGaussian() * 10);
                norms[n + j] = rng.nextDouble() * 10;
                if (rng.nextInt(50) == 0) {
                    norms[n + j] = Double.NaN;
                }
            }
            double threshold = rng.nextInt(10) == 0 ? Double.POSITIVE_INFINITY : rng.nextGaussian() * 10 - 15;
            int from = rng.nextInt(len);
            int expected = len;
            for (int j = from; j < len; j++) {
                if (cross[c + j] + norms[n + j] <= threshold) {
                    expected = j;
                    break;
                }
            }
            assertThat(CandidateScan.next(cross, c, norms, n, from, len, threshold)).isEqualTo(expected);
        }
    }

    @Test
    void aSumThatEqualsTheThresholdPassesAsInDoubleArithmetic() {
        float[] cross = new float[16];
        double[] norms = new double[16];
        cross[11] = 0.1f;
        norms[11] = 0.2;
        double exact = (double) 0.1f + 0.2;
        assertThat(CandidateScan.next(cross, 0, norms, 0, 0, 16, exact - 1)).isEqualTo(16);
        for (int j = 0; j < 16; j++) {
            norms[j] = j == 11 ? 0.2 : 1;
        }
        assertThat(CandidateScan.next(cross, 0, norms, 0, 0, 16, exact)).isEqualTo(11);
        assertThat(CandidateScan.next(cross, 0, norms, 0, 0, 16, Math.nextDown(exact))).isEqualTo(16);
    }
}
