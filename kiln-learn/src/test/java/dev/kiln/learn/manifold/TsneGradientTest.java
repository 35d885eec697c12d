package dev.kiln.learn.manifold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.neighbors.NeighborGraph;
import dev.kiln.learn.neighbors.Neighbors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pieces of t-SNE against what they should compute, in closed form or by finite differences. */
class TsneGradientTest {

    @ParameterizedTest
    @ValueSource(doubles = {2.5, 10, 19})
    void perplexityCalibrationHitsTheTargetEntropyOnEveryRow(double perplexity) {
        int n = 40;
        int k = 25;
        Rng rng = Rng.seeded(3);
        double[] sq = new double[n * k];
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, 4 * rng.nextDouble() - 2);
            for (int j = 0; j < k; j++) {
                sq[i * k + j] = scale * rng.nextDouble() * rng.nextDouble();
            }
        }
        double[] p = Perplexity.conditional(sq, n, k, perplexity);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double entropy = 0;
            for (int j = 0; j < k; j++) {
                double pj = p[i * k + j];
                sum += pj;
                entropy -= pj > 0 ? pj * Math.log(pj) : 0;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
            assertThat(entropy).as("row %d", i).isCloseTo(Math.log(perplexity), within(Perplexity.TOLERANCE));
            for (int j = 1; j < k; j++) {
                if (sq[i * k + j] > sq[i * k]) {
                    assertThat(p[i * k + j]).isLessThan(p[i * k]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void theExactGradientIsTheDerivativeOfTheDivergence(int d) {
        int n = 9;
        Matrix x = Matrix.gaussian(n, 4, Rng.seeded(5));
        double[] p = DenseAffinities.of(x, 3.0, 2);
        ExactGradient objective = new ExactGradient(p, n, d, StudentT.forComponents(d));
        double[] y = gaussian(n * d, 7, 1.0);
        double[] grad = new double[n * d];
        objective.gradient(y, grad, true);
        double h = 1e-6;
        double[] scratch = new double[n * d];
        for (int e = 0; e < n * d; e++) {
            double[] up = y.clone();
            double[] down = y.clone();
            up[e] += h;
            down[e] -= h;
            double numeric = (objective.gradient(up, scratch, true) - objective.gradient(down, scratch, true)) / (2 * h);
            assertThat(grad[e]).as("coordinate %d", e).isCloseTo(numeric, within(1e-7 + 1e-6 * Math.abs(numeric)));
        }
    }

    /** Two rows of the embedding coincide, so the tree must also handle a leaf of copies. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void barnesHutWithAngleZeroIsTheExactGradient(int d) {
        int n = 70;
        int k = 16;
        Matrix x = Matrix.gaussian(n, 5, Rng.seeded(9));
        Neighbors nn = NeighborGraph.of(x, k, 2);
        double[] sq = nn.distances();
        for (int t = 0; t < sq.length; t++) {
            sq[t] *= sq[t];
        }
        SparseAffinities p = SparseAffinities.symmetrised(nn.indices(), Perplexity.conditional(sq, n, k, 5.0), n, k);
        StudentT kernel = StudentT.forComponents(d);
        double[] y = gaussian(n * d, 11, 3.0);
        System.arraycopy(y, 0, y, 5 * d, d);
        double[] exact = new double[n * d];
        double[] tree = new double[n * d];
        double klExact = new ExactGradient(p.dense(), n, d, kernel).gradient(y, exact, true);
        double klTree = new BarnesHutGradient(p, d, 0.0, kernel).gradient(y, tree, true);
        double largest = 0;
        for (double g : exact) {
            largest = Math.max(largest, Math.abs(g));
        }
        for (int e = 0; e < n * d; e++) {
            assertThat(tree[e]).as("coordinate %d", e).isCloseTo(exact[e], within(1e-12 * largest));
        }
        assertThat(klTree).isCloseTo(klExact, within(1e-12 * klExact));
        double[] approximate = new double[n * d];
        new BarnesHutGradient(p, d, 0.5, kernel).gradient(y, approximate, false);
        assertThat(approximate).isNotEqualTo(exact);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void theSymmetrisedAffinitiesAreAJointDistribution(int k) {
        int n = 30;
        Neighbors nn = NeighborGraph.of(Matrix.gaussian(n, 3, Rng.seeded(13)), k, 2);
        double[] conditional = new double[n * k];
        java.util.Arrays.fill(conditional, 1.0 / k);
        double[] p = SparseAffinities.symmetrised(nn.indices(), conditional, n, k).dense();
        double total = 0;
        for (int i = 0; i < n; i++) {
            assertThat(p[i * n + i]).isZero();
            for (int j = 0; j < n; j++) {
                assertThat(p[i * n + j]).isEqualTo(p[j * n + i]);
                total += p[i * n + j];
            }
            for (int m = 0; m < k; m++) {
                int j = nn.index(i, m);
                boolean mutual = false;
                for (int l = 0; l < k; l++) {
                    mutual |= nn.index(j, l) == i;
                }
                assertThat(p[i * n + j]).isCloseTo((mutual ? 2.0 : 1.0) / k / (2.0 * n), within(1e-15));
            }
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
    }

    private static double[] gaussian(int size, long seed, double scale) {
        Rng rng = Rng.seeded(seed);
        double[] v = new double[size];
        for (int e = 0; e < size; e++) {
            v[e] = scale * rng.nextGaussian();
        }
        return v;
    }
}
