package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KNeighborsRegressorTest {
    private static final Frame DIABETES = CsvReader.read(Path.of("src/test/resources/datasets/diabetes/diabetes.csv"));

    @Test
    void defaultsAreScikitLearns() {
        assertThat(KNeighborsRegressor.Params.defaults())
                .isEqualTo(new KNeighborsRegressor.Params(5, Weights.UNIFORM, Algorithm.AUTO, 30, 2));
    }

    @Test
    void averagesAsScikitLearnOnDiabetes() {
        // scikit-learn 1.2.1, X/y = diabetes.csv's ten features / target:
        // KNeighborsRegressor(n_neighbors=6, weights=w).fit(X[:300], y[:300]).predict(X[400:406])
        // (no query has a tie between its 6th and 7th distances)
        double[] uniform = {186.16666666666666, 132.66666666666666, 169.66666666666666, 124.16666666666667, 238.5, 173.0};
        double[] weighted = {181.31621289258072, 129.69708607064945, 170.6549560448647, 125.7191183583288,
            238.0895231540827, 171.7982288708031};
        Frame train = DIABETES.take(IntStream.range(0, 300).toArray());
        Frame queries = DIABETES.take(IntStream.range(400, 406).toArray()).drop("target");
        for (Algorithm a : Algorithm.values()) {
            double[] u = new KNeighborsRegressor(new KNeighborsRegressor.Params(6, Weights.UNIFORM, a, 30, 2))
                    .fit(train, "target").predict(queries).values();
            double[] w = new KNeighborsRegressor(new KNeighborsRegressor.Params(6, Weights.DISTANCE, a, 30, 2))
                    .fit(train, "target").predict(queries).values();
            for (int i = 0; i < 6; i++) {
                assertThat(u[i]).isCloseTo(uniform[i], within(1e-12));
                assertThat(w[i]).isCloseTo(weighted[i], within(1e-9));
            }
        }
    }

    @Test
    void aQueryOnTrainingPointsTakesTheirMean() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 1, 2, 5), DoubleColumn.of("b", 0, 0, 0, 0));
        KNeighborsRegressorModel m = new KNeighborsRegressor(new KNeighborsRegressor.Params(3, Weights.DISTANCE,
                Algorithm.KD_TREE, 1, 2)).fit(x, DoubleColumn.of("y", 10, 20, 100, 1000));
        Frame q = Frame.of(DoubleColumn.of("a", 1, 3), DoubleColumn.of("b", 0, 0));
        double[] y = m.predict(q).values();
        assertThat(y[0]).isEqualTo(15.0);
        assertThat(y[1]).isCloseTo((10 / 2.0 + 20 / 2.0 + 100 / 1.0) / (1 / 2.0 + 1 / 2.0 + 1), within(1e-12));
        Neighbors n = m.neighbors(q);
        assertThat(n.indices()).containsExactly(0, 1, 2, 2, 0, 1);
        assertThat(n.distances()).containsExactly(0, 0, 1, 1, 2, 2);
    }
}
