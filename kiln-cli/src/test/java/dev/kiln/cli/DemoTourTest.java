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

/** {@code kiln demo tour}: the library tour on bundled data. */
class DemoTourTest {

    @Test
    void theTourRunsAndItsFiguresAreRight(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo-model");
        CliRun run = CliRun.of("demo", "tour", "--json", "--out", out.toString());
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
        // scikit-learn 1.2.1, the same preprocessing (median / most-frequent imputing, one-hot) and
        // RandomForestClassifier(random_state=0): cross_val_score(..., cv=StratifiedKFold(5, shuffle=True,
        // random_state=42)).mean() = 0.9884 on penguins.csv. Folds differ from Kiln's, so only a floor is held.
        JsonNode forest = figures.path("penguins_random_forest");
        assertThat(forest.path("cv_accuracy_mean").asDouble()).isGreaterThan(0.9);
        assertThat(forest.path("test_accuracy").asDouble()).isGreaterThan(0.9);
        // scikit-learn 1.2.1 on StandardScaler().fit_transform(iris[:, :4]): adjusted_rand_score(species,
        // KMeans(3, n_init=10, random_state=0).fit_predict(x)) = 0.6201 and
        // AgglomerativeClustering(3, linkage="ward").fit_predict(x) gives 0.6153.
        JsonNode clustering = figures.path("iris_clustering");
        assertThat(clustering.path("k-means").path("ari").asDouble()).isCloseTo(0.6201, within(0.02));
        assertThat(clustering.path("ward").path("ari").asDouble()).isCloseTo(0.6153, within(0.02));
        assertThat(clustering.path("k-means").path("silhouette").asDouble()).isBetween(0.4, 0.5);
    }

    @Test
    void theHumanTourHasItsSections(@TempDir Path dir) {
        CliRun run = CliRun.of("demo", "tour", "--out", dir.resolve("m").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1. Reading data", "2. Linear algebra", "3. PCA by SVD", "4. Least squares",
                "5. Model file", "predictions identical", "6. Classification", "7. Clustering");
    }
}
