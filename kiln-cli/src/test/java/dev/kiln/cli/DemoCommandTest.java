package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.modelfile.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void theTourRunsAndItsFiguresAreRight(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo-model");
        CliRun run = CliRun.of("demo", "--json", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode figures = new ObjectMapper().readTree(run.out());
        assertThat(figures.path("penguins").path("rows").asInt()).isEqualTo(344);
        assertThat(figures.path("penguins").path("missing_values").asInt()).isEqualTo(19);
        // scikit-learn 1.2.1: PCA().fit(StandardScaler().fit_transform(iris[:, :4])).explained_variance_ratio_
        double[] sklearn = {0.72962445, 0.22850762, 0.03668922, 0.00517871};
        JsonNode ratio = figures.path("iris_pca_explained_variance_ratio");
        for (int i = 0; i < 4; i++) {
            assertThat(ratio.get(i).asDouble()).isCloseTo(sklearn[i], within(5e-9));
        }
        assertThat(figures.path("dgemm_1024_gflops").asDouble()).isPositive();
        JsonNode ols = figures.path("diabetes_ols");
        assertThat(ols.path("train_rows").asInt() + ols.path("test_rows").asInt()).isEqualTo(442);
        assertThat(ols.path("metrics").path("r2").asDouble()).isBetween(0.3, 0.7);
        assertThat(figures.path("model_file").path("reloaded_predictions_identical").asBoolean()).isTrue();
        assertThat(Files.isRegularFile(out.resolve("manifest.json"))).isTrue();
        assertThat(ModelFile.readManifest(out).provenance().dataFingerprint()).startsWith("sha256:");
        assertThat(ModelFile.readManifest(out).trainingMetrics()).containsKey("r2");
    }

    @Test
    void theHumanTourHasItsFiveSections(@TempDir Path dir) {
        CliRun run = CliRun.of("demo", "--out", dir.resolve("m").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1. Reading data", "2. Linear algebra", "3. PCA by SVD", "4. Least squares",
                "5. Model file", "predictions identical");
    }
}
