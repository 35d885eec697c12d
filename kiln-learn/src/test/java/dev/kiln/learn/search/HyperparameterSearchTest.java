package dev.kiln.learn.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.selection.KFold;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {

    /** y = x; a model with parameter p predicts (1 + (p − 0.3))·x, so R² is best at p = 0.3 and falls off quadratically. */
    static final Function<Map<String, Object>, Estimator<?>> BOWL = params -> {
        double p = ((Number) params.get("p")).doubleValue();
        if (p > 0.95) {
            throw new IllegalArgumentException("p must be <= 0.95, got " + p);
        }
        return (Estimator<RegressionModel>) (x, y) -> new RegressionModel() {
            @Override
            public RegressionPrediction predict(Frame f) {
                double[] v = f.column("x").toDoubles();
                for (int i = 0; i < v.length; i++) {
                    v[i] *= 1 + (p - 0.3);
                }
                return new RegressionPrediction(v);
            }

            @Override
            public Schema inputSchema() {
                return x.schema();
            }
        };
    };

    static Frame data() {
        Rng rng = Rng.seeded(1);
        double[] x = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        return Frame.of(DoubleColumn.of("x", x));
    }

    static Column target(Frame x) {
        return DoubleColumn.of("y", x.column("x").toDoubles());
    }

    @Test
    void bayesianSearchHomesInOnTheOptimum() {
        Frame x = data();
        SearchResult r = HyperparameterSearch.run(BOWL, SearchSpace.parse("p=uniform(0,1)"), x, target(x),
                new HyperparameterSearch.Settings(HyperparameterSearch.Method.BAYES, 30, 5, "r2", KFold.of(3), 7));
        assertThat(r.trials()).hasSize(30);
        assertThat(((Number) r.best().params().get("p")).doubleValue()).isBetween(0.25, 0.35);
        assertThat(r.best().mean()).isGreaterThan(0.99);
        // Proposals after the random start-up concentrate near the optimum.
        long near = r.trials().subList(15, 30).stream()
                .filter(t -> Math.abs(((Number) t.params().get("p")).doubleValue() - 0.3) < 0.15).count();
        assertThat(near).isGreaterThanOrEqualTo(10);
    }

    @Test
    void randomAndGridSearchAreReproducibleAndRecordFailedTrials() {
        Frame x = data();
        HyperparameterSearch.Settings random = new HyperparameterSearch.Settings(HyperparameterSearch.Method.RANDOM, 12, 5,
                "r2", KFold.of(3), 11);
        SearchResult a = HyperparameterSearch.run(BOWL, SearchSpace.parse("p=uniform(0,1)"), x, target(x), random);
        SearchResult b = HyperparameterSearch.run(BOWL, SearchSpace.parse("p=uniform(0,1)"), x, target(x), random);
        assertThat(a.trials()).extracting(Trial::params, Trial::mean, Trial::error)
                .isEqualTo(b.trials().stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.params(), t.mean(), t.error())).toList());
        SearchResult grid = HyperparameterSearch.run(BOWL, SearchSpace.parse("p=[0.1,0.3,0.5,1.0]"), x, target(x),
                new HyperparameterSearch.Settings(HyperparameterSearch.Method.GRID, 1, 5, "rmse", KFold.of(3), 0));
        assertThat(grid.trials()).hasSize(4);
        assertThat(grid.best().params()).containsEntry("p", 0.3);
        assertThat(grid.greaterIsBetter()).isFalse();
        assertThat(grid.trials().get(3).failed()).isTrue();
        assertThat(grid.trials().get(3).error()).contains("p must be <= 0.95");
    }

    @Test
    void aMetricTheFoldsDoNotReportFailsEveryTrial() {
        Frame x = data();
        assertThatThrownBy(() -> HyperparameterSearch.run(BOWL, SearchSpace.parse("p=[0.3]"), x, target(x),
                new HyperparameterSearch.Settings(HyperparameterSearch.Method.GRID, 1, 5, "accuracy", KFold.of(3), 0)))
                .hasMessageContaining("every trial failed").hasMessageContaining("no metric 'accuracy'");
    }
}
