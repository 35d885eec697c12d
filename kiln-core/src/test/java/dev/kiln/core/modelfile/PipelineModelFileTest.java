package dev.kiln.core.modelfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.model.RegressionPrediction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineModelFileTest {

    @Test
    void aFittedPipelineSavesItsStepsAsNestedComponents(@TempDir Path dir) {
        Frame train = Frame.of(DoubleColumn.of("a", 1, 2, 3), DoubleColumn.of("b", 10, 20, 60));
        Schema schema = new Schema(List.of(Schema.Field.of("a", ColumnType.DOUBLE), Schema.Field.of("b", ColumnType.DOUBLE)));
        Estimator<ScaledSumModel> sum = (x, y) -> new ScaledSumModel(new ScaledSumModel.Params(1, "sum"), schema,
                new double[] {1, 1}, 0);
        PipelineModel<RegressionPrediction> fitted = Pipeline.<RegressionPrediction>of(new AddConstant(), sum).fit(train);
        // Centred on the training means (2 and 30): rows sum to (1-2)+(10-30) = -21, 0+(-10) = -10, 1+30 = 31.
        assertThat(fitted.predict(train).values()).containsExactly(-21, -10, 31);

        ModelFile.save(fitted, dir.resolve("pipe"));
        @SuppressWarnings("unchecked")
        PipelineModel<RegressionPrediction> back = ModelFile.load(dir.resolve("pipe"), PipelineModel.class);
        Frame other = Frame.of(DoubleColumn.of("a", 0), DoubleColumn.of("b", 0));
        assertThat(back.predict(other).values()).containsExactly(-32);
        assertThat(back.steps()).hasSize(1);
        assertThat(ModelFile.readManifest(dir.resolve("pipe")).modelType()).isEqualTo("pipeline");
    }
}
