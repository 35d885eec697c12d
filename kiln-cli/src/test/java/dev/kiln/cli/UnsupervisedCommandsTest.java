package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln cluster and kiln reduce end to end on iris and wine. */
class UnsupervisedCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String iris() throws Exception {
        return Path.of(UnsupervisedCommandsTest.class.getResource("/dev/kiln/cli/demo/iris.csv").toURI()).toString();
    }

    static String wine() throws Exception {
        return Path.of(UnsupervisedCommandsTest.class.getResource("/wine.csv").toURI()).toString();
    }

    @Test
    void kmeansAndWardAgreeWithScikitLearnOnStandardisedData(@TempDir Path dir) throws Exception {
        CliRun km = CliRun.of("cluster", "--data", iris(), "--algo", "kmeans", "--param", "n_clusters=3", "--drop", "target",
                "--label", "target_name", "--scale", "standard", "--out", dir.resolve("c.csv").toString(), "--json");
        assertThat(km.exitCode()).as(km.err()).isZero();
        JsonNode r = JSON.readTree(km.out());
        // scikit-learn 1.2.1: adjusted_rand_score(y, KMeans(3, n_init=10, random_state=0).fit_predict(StandardScaler().fit_transform(X))) = 0.6201
        assertThat(r.path("metrics").path("ari").asDouble()).isCloseTo(0.6201, within(0.02));
        assertThat(r.path("clusters").asInt()).isEqualTo(3);
        assertThat(r.path("metrics").has("silhouette")).isTrue();
        Frame out = CsvReader.read(dir.resolve("c.csv"));
        assertThat(out.names()).endsWith("cluster");
        assertThat(out.rowCount()).isEqualTo(150);

        CliRun ward = CliRun.of("cluster", "--data", wine(), "--algo", "hierarchical", "--param", "n_clusters=3", "--drop", "target",
                "--label", "target_name", "--scale", "standard", "--json");
        assertThat(ward.exitCode()).as(ward.err()).isZero();
        // scikit-learn 1.2.1: adjusted_rand_score(y, AgglomerativeClustering(3).fit_predict(StandardScaler().fit_transform(X))) = 0.789933
        assertThat(JSON.readTree(ward.out()).path("metrics").path("ari").asDouble()).isCloseTo(0.789933, within(1e-5));
    }

    @Test
    void pcaReportsExplainedVarianceAndDrawsTheEmbedding(@TempDir Path dir) throws Exception {
        Path plot = dir.resolve("pca.png");
        CliRun run = CliRun.of("reduce", "--data", iris(), "--algo", "pca", "--drop", "target", "--color-by", "target_name", "--scale",
                "standard", "--out", dir.resolve("e.csv").toString(), "--plot", plot.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode ratio = JSON.readTree(run.out()).path("explained_variance_ratio");
        // scikit-learn 1.2.1: PCA(2).fit(StandardScaler().fit_transform(iris[:, :4])).explained_variance_ratio_ = [0.72962445, 0.22850762]
        assertThat(ratio.get(0).asDouble()).isCloseTo(0.72962445, within(1e-8));
        assertThat(ratio.get(1).asDouble()).isCloseTo(0.22850762, within(1e-8));
        assertThat(ImageIO.read(plot.toFile()).getWidth()).isPositive();
        assertThat(CsvReader.read(dir.resolve("e.csv")).names()).containsExactly("pc1", "pc2", "target_name");
    }

    @Test
    void tsneReportsDivergenceAndTrustworthiness(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("reduce", "--data", iris(), "--algo", "tsne", "--drop", "target", "--color-by", "target_name",
                "--param", "max_iter=300", "--plot", dir.resolve("t.svg").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("trustworthiness").asDouble()).isGreaterThan(0.9);
        assertThat(r.path("kl_divergence").asDouble()).isPositive();
        assertThat(Files.readString(dir.resolve("t.svg"))).contains("setosa");
    }

    @Test
    void badInputNamesTheParameterOrColumn() throws Exception {
        CliRun notNumeric = CliRun.of("cluster", "--data", iris(), "--algo", "kmeans");
        assertThat(notNumeric.exitCode()).isEqualTo(2);
        assertThat(notNumeric.err()).contains("column 'target_name' is not numeric; leave it out with --drop");
        CliRun eps = CliRun.of("cluster", "--data", iris(), "--algo", "dbscan", "--drop", "target_name", "--param", "eps=-1");
        assertThat(eps.exitCode()).isEqualTo(2);
        assertThat(eps.err()).contains("eps must be a finite number > 0, got -1.0");
        CliRun k = CliRun.of("cluster", "--data", iris(), "--algo", "kmeans", "--drop", "target_name", "--param", "n_clusters=151");
        assertThat(k.err()).contains("151").contains("150 rows");
        CliRun dims = CliRun.of("reduce", "--data", iris(), "--algo", "pca", "--drop", "target_name", "--dims", "0");
        assertThat(dims.exitCode()).isEqualTo(2);
        assertThat(dims.err()).contains("--dims must be between 1 and 5 (the smaller of 150 rows and 5 feature columns), got 0");
        CliRun perplexity = CliRun.of("reduce", "--data", iris(), "--algo", "tsne", "--drop", "target_name", "--param", "perplexity=200");
        assertThat(perplexity.exitCode()).isEqualTo(2);
        assertThat(perplexity.err()).contains("perplexity");
        CliRun unknown = CliRun.of("reduce", "--data", iris(), "--algo", "tsne", "--drop", "target_name", "--param", "perplexty=5");
        assertThat(unknown.err()).contains("unknown parameter 'perplexty' for tsne (did you mean 'perplexity'?)");
    }
}
