package dev.kiln.learn.decompose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.preprocess.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecomposeModelFileTest {
    private static final Frame IRIS = TestData.read("iris");
    private static final Frame FEATURES = IRIS.drop("target", "target_name");
    private static final Frame DIGITS = TestData.read("digits").drop("target");

    @Test
    void aFittedPcaReloadsWithEveryAttributeAndIdenticalScores(@TempDir Path dir) {
        FittedPca pca = new Pca(Pca.Params.of(6).withWhiten(true).withSvdSolver(Pca.SvdSolver.RANDOMIZED).withSeed(3)).fit(DIGITS);
        ModelFile.save(pca, dir.resolve("pca"));
        assertThat(ModelFile.readManifest(dir.resolve("pca")).modelType()).isEqualTo("pca");
        FittedPca back = ModelFile.load(dir.resolve("pca"), FittedPca.class);
        assertThat(back.params()).isEqualTo(pca.params());
        assertThat(back.solver()).isEqualTo(Pca.SvdSolver.RANDOMIZED);
        assertThat(back.nSamples()).isEqualTo(1797);
        assertThat(back.components().toRowMajorArray()).containsExactly(pca.components().toRowMajorArray());
        assertThat(back.mean()).containsExactly(pca.mean());
        assertThat(back.explainedVariance()).containsExactly(pca.explainedVariance());
        assertThat(back.explainedVarianceRatio()).containsExactly(pca.explainedVarianceRatio());
        assertThat(back.singularValues()).containsExactly(pca.singularValues());
        assertThat(back.noiseVariance()).isEqualTo(pca.noiseVariance());
        assertSameOutput(pca, back, DIGITS);
        assertThat(back.inverseTransform(back.transform(DIGITS)).column("pixel_3_4").toDoubles())
                .containsExactly(pca.inverseTransform(pca.transform(DIGITS)).column("pixel_3_4").toDoubles());
    }

    @Test
    void aFittedIncrementalPcaReloadsAndKeepsLearning(@TempDir Path dir) {
        FittedIncrementalPca pca = new IncrementalPca(new IncrementalPca.Params(3, false, 40)).fit(FEATURES.head(100));
        ModelFile.save(pca, dir.resolve("ipca"));
        assertThat(ModelFile.readManifest(dir.resolve("ipca")).modelType()).isEqualTo("incremental-pca");
        FittedIncrementalPca back = ModelFile.load(dir.resolve("ipca"), FittedIncrementalPca.class);
        assertThat(back.nSamplesSeen()).isEqualTo(100);
        assertThat(back.batchSize()).isEqualTo(40);
        assertThat(back.variance()).containsExactly(pca.variance());
        assertSameOutput(pca, back, FEATURES);
        Frame rest = FEATURES.slice(100, 150);
        assertSameOutput(pca.partialFit(rest), back.partialFit(rest), FEATURES);
    }

    @Test
    void aPipelineThroughPcaReloadsWithIdenticalPredictions(@TempDir Path dir) {
        PipelineModel<ClassificationPrediction> fitted = Pipeline.of(new Pca(Pca.Params.of(2)), new LogisticRegression())
                .fit(IRIS.drop("target"), "target_name");
        ModelFile.save(fitted, dir.resolve("pipe"));
        @SuppressWarnings("unchecked")
        PipelineModel<ClassificationPrediction> back = ModelFile.load(dir.resolve("pipe"), PipelineModel.class);
        assertThat(back.predict(FEATURES).labels()).containsExactly(fitted.predict(FEATURES).labels());
        assertThat(back.sources("pc1")).isEqualTo(FEATURES.names());
    }

    private static void assertSameOutput(FittedTransformer want, FittedTransformer got, Frame x) {
        Frame a = want.transform(x);
        Frame b = got.transform(x);
        assertThat(b.names()).isEqualTo(a.names());
        for (String name : a.names()) {
            assertThat(b.column(name).toDoubles()).containsExactly(a.column(name).toDoubles());
            assertThat(got.sources(name)).isEqualTo(want.sources(name));
        }
    }
}
