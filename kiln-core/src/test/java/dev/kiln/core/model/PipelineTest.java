package dev.kiln.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PipelineTest {

    /** Records the rows each fit saw; transforms by adding the number of rows it was fitted on. */
    static final class Recording implements Transformer {
        final List<Integer> fittedRows = new ArrayList<>();

        @Override
        public FittedTransformer fit(Frame features, Column target) {
            fittedRows.add(features.rowCount());
            int n = features.rowCount();
            Schema schema = features.schema();
            return new FittedTransformer() {
                @Override
                public Frame transform(Frame x) {
                    DoubleColumn c = (DoubleColumn) x.column("x");
                    return Frame.of(DoubleColumn.of("x", java.util.Arrays.stream(c.toArray()).map(v -> v + n).toArray()));
                }

                @Override
                public Schema inputSchema() {
                    return schema;
                }
            };
        }
    }

    @Test
    void stepsAreFittedOnlyOnTheDataGivenToFit() {
        Recording step = new Recording();
        List<Frame> seenByEstimator = new ArrayList<>();
        Estimator<Model<RegressionPrediction>> mean = (x, y) -> {
            seenByEstimator.add(x);
            double m = IntStream.range(0, y.size()).mapToDouble(y::getDouble).average().orElseThrow();
            Schema s = x.schema();
            return new Model<>() {
                @Override
                public RegressionPrediction predict(Frame f) {
                    return new RegressionPrediction(new double[f.rowCount()]).values().length == 0
                            ? new RegressionPrediction(new double[0])
                            : new RegressionPrediction(IntStream.range(0, f.rowCount()).mapToDouble(i -> m).toArray());
                }

                @Override
                public Schema inputSchema() {
                    return s;
                }
            };
        };
        Frame data = Frame.of(DoubleColumn.of("x", 1, 2, 3, 4, 5, 6), DoubleColumn.of("y", 2, 4, 6, 8, 10, 12));
        Frame.Split split = data.split(0.5, 7);
        PipelineModel<RegressionPrediction> fitted = Pipeline.of(step, mean).fit(split.train(), "y");

        assertThat(step.fittedRows).containsExactly(3);
        assertThat(seenByEstimator).hasSize(1);
        assertThat(((DoubleColumn) seenByEstimator.get(0).column("x")).toArray())
                .as("the estimator sees transformed training rows")
                .containsExactly(((DoubleColumn) split.train().column("x")).toArray().clone()[0] + 3,
                        ((DoubleColumn) split.train().column("x")).toArray()[1] + 3,
                        ((DoubleColumn) split.train().column("x")).toArray()[2] + 3);
        fitted.predict(split.test().drop("y"));
        assertThat(step.fittedRows).as("predicting fits nothing").containsExactly(3);
        assertThat(fitted.inputSchema().names()).containsExactly("x");
        assertThat(((DoubleColumn) fitted.transform(Frame.of(DoubleColumn.of("x", 0))).column("x")).get(0)).isEqualTo(3);
    }

    @Test
    void predictionsValidateTheirShape() {
        assertThatThrownBy(() -> new ClassificationPrediction(List.of("a", "b"), new int[] {0, 2}, null))
                .hasMessage("row 1: class index 2 is outside [0, 2)");
        assertThatThrownBy(() -> new ClassificationPrediction(List.of("a", "b"), new int[] {0}, new double[][] {{1}}))
                .hasMessage("row 0 has 1 probabilities for 2 classes");
        ClassificationPrediction p = ClassificationPrediction.fromProbabilities(List.of("no", "yes"),
                new double[][] {{0.2, 0.8}, {0.5, 0.5}, {0.9, 0.1}});
        assertThat(p.labels()).containsExactly(1, 0, 0);
        assertThat(p.label(0)).isEqualTo("yes");
        assertThatThrownBy(() -> new ClusterPrediction(new int[] {0, -2})).hasMessage("row 1: cluster -2 is below -1");
    }
}
