package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * Every search algorithm against a brute-force reference written out here: all distances (summed
 * in the order the searches document, so that equal distances are equal bit for bit), a full sort
 * by (distance, training index), the first k. Data sets are chosen for ties (integer grids,
 * duplicated rows), constant features, large offsets that spoil the GEMM distance expansion,
 * queries that are training points, and k up to the number of training rows.
 */
class NeighborSearchTest {

    @Test
    void gaussianDataInLowAndHighDimensions() {
        Rng rng = Rng.seeded(11);
        for (int dims : new int[] {1, 2, 5, 20}) {
            checkAll(rng, table(rng, 300, dims, rng::nextGaussian), table(rng, 80, dims, rng::nextGaussian));
        }
    }

    @Test
    void integerGridsTieEverywhere() {
        Rng rng = Rng.seeded(12);
        for (int dims : new int[] {1, 3, 17}) {
            DoubleSupplier grid = () -> rng.nextInt(3);
            checkAll(rng, table(rng, 200, dims, grid), table(rng, 60, dims, grid));
        }
    }

    @Test
    void duplicatedRowsAndConstantFeatures() {
        Rng rng = Rng.seeded(13);
        double[][] base = table(rng, 40, 4, rng::nextGaussian);
        double[][] x = new double[160][];
        for (int i = 0; i < x.length; i++) {
            x[i] = base[rng.nextInt(base.length)].clone();
            x[i][2] = 7.0;
        }
        double[][] queries = new double[50][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = i % 2 == 0 ? x[rng.nextInt(x.length)].clone() : table(rng, 1, 4, rng::nextGaussian)[0];
        }
        checkAll(rng, x, queries);
    }

    @Test
    void largeOffsetsDoNotFoolTheGemmFilter() {
        Rng rng = Rng.seeded(14);
        DoubleSupplier far = () -> 1e7 + rng.nextGaussian() * 1e-3;
        checkAll(rng, table(rng, 300, 3, far), table(rng, 40, 3, far));
        DoubleSupplier offset = () -> 37.3 + rng.nextGaussian() * 1e-3;
        checkAll(rng, table(rng, 300, 5, offset), table(rng, 40, 5, offset));
        DoubleSupplier negative = () -> -1234.5 + rng.nextGaussian() * 1e-2;
        checkAll(rng, table(rng, 300, 17, negative), table(rng, 40, 17, negative));
        DoubleSupplier wide = () -> rng.nextGaussian() * Math.pow(10, rng.nextInt(12) - 6);
        checkAll(rng, table(rng, 300, 24, wide), table(rng, 40, 24, wide));
    }

    @Test
    void everyTrainingRowAndASingleRow() {
        Rng rng = Rng.seeded(15);
        double[][] x = table(rng, 37, 3, rng::nextGaussian);
        double[][] q = table(rng, 9, 3, rng::nextGaussian);
        for (Algorithm a : new Algorithm[] {Algorithm.KD_TREE, Algorithm.BRUTE}) {
            check(x, q, new KNeighborsRegressor.Params(37, Weights.UNIFORM, a, 4, 2));
            check(new double[][] {{1, 2, 3}}, q, new KNeighborsRegressor.Params(1, Weights.UNIFORM, a, 30, 2));
        }
    }

    @Test
    void manyQueriesAreSplitAcrossThreadsWithoutChangingAnswers() {
        Rng rng = Rng.seeded(16);
        double[][] x = table(rng, 500, 6, rng::nextGaussian);
        double[][] q = table(rng, 2000, 6, rng::nextGaussian);
        check(x, q, new KNeighborsRegressor.Params(4, Weights.UNIFORM, Algorithm.KD_TREE, 10, 2));
        check(x, q, new KNeighborsRegressor.Params(4, Weights.UNIFORM, Algorithm.BRUTE, 10, 2));
    }

    @Test
    void autoFollowsScikitLearnsRule() {
        assertThat(Algorithm.AUTO.resolve(100, 15, 5)).isEqualTo(Algorithm.KD_TREE);
        assertThat(Algorithm.AUTO.resolve(100, 16, 5)).isEqualTo(Algorithm.BRUTE);
        assertThat(Algorithm.AUTO.resolve(100, 3, 49)).isEqualTo(Algorithm.KD_TREE);
        assertThat(Algorithm.AUTO.resolve(100, 3, 50)).isEqualTo(Algorithm.BRUTE);
        assertThat(Algorithm.AUTO.resolve(11, 3, 5)).isEqualTo(Algorithm.BRUTE);
        assertThat(Algorithm.KD_TREE.resolve(10, 300, 9)).isEqualTo(Algorithm.KD_TREE);
    }

    /** Both algorithms, several k, leaf sizes and Minkowski orders. */
    private static void checkAll(Rng rng, double[][] x, double[][] q) {
        for (Algorithm a : new Algorithm[] {Algorithm.KD_TREE, Algorithm.BRUTE}) {
            for (double p : new double[] {2, 1, 3.5}) {
                for (int k : new int[] {1, 5, 1 + rng.nextInt(x.length)}) {
                    int leaf = new int[] {1, 3, 30}[rng.nextInt(3)];
                    check(x, q, new KNeighborsRegressor.Params(k, Weights.UNIFORM, a, leaf, p));
                }
            }
        }
    }

    private static void check(double[][] x, double[][] q, KNeighborsRegressor.Params params) {
        KNeighborsRegressorModel m = new KNeighborsRegressor(params).fit(TestFrames.ofRows(x), DoubleColumn.of("y", new double[x.length]));
        assertThat(m.effectiveAlgorithm()).isEqualTo(params.algorithm());
        Neighbors found = m.neighbors(TestFrames.ofRows(q));
        int k = params.nNeighbors();
        for (int i = 0; i < q.length; i++) {
            double[] reduced = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                reduced[j] = MinkowskiReference.reduced(q[i], x[j], params.p());
            }
            Integer[] order = new Integer[x.length];
            Arrays.setAll(order, j -> j);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> reduced[j]).thenComparingInt(j -> j));
            for (int j = 0; j < k; j++) {
                int expected = order[j];
                assertThat(found.index(i, j)).as("%s, query %d, neighbour %d", params, i, j).isEqualTo(expected);
                double distance = params.p() == 2 ? Math.sqrt(reduced[expected])
                        : params.p() == 1 ? reduced[expected] : Math.pow(reduced[expected], 1 / params.p());
                assertThat(found.distance(i, j)).isEqualTo(distance);
            }
        }
    }

    private static double[][] table(Rng rng, int rows, int dims, DoubleSupplier value) {
        double[][] out = new double[rows][dims];
        for (double[] row : out) {
            for (int j = 0; j < dims; j++) {
                row[j] = value.getAsDouble();
            }
        }
        return out;
    }
}
