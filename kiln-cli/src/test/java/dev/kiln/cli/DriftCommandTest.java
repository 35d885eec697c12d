package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.random.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path reference;
    static Path same;
    static Path shifted;

    /** 300 rows: x ~ N(0, 1) (N(1, 1) when shifted), y ~ N(0, 1), k from {a, b, c}, e0..e3 an "embedding", label. */
    private static Path write(String name, long seed, double shift) throws Exception {
        Rng rng = Rng.seeded(seed);
        StringBuilder csv = new StringBuilder("x,y,k,e0,e1,e2,e3,label\n");
        for (int i = 0; i < 300; i++) {
            double x = rng.nextGaussian() + shift;
            double u = rng.nextDouble();
            String k = u < 0.5 - shift / 4 ? "a" : u < 0.8 ? "b" : "c";
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%s", x, rng.nextGaussian(), k));
            for (int e = 0; e < 4; e++) {
                csv.append(String.format(Locale.ROOT, ",%.6f", rng.nextGaussian() + shift / 2));
            }
            csv.append(x + rng.nextGaussian() * 0.5 > 0.5 ? ",high" : ",low").append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @BeforeAll
    static void data() throws Exception {
        reference = write("reference.csv", 1, 0);
        same = write("same.csv", 2, 0);
        shifted = write("shifted.csv", 3, 1);
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.err()).doesNotContain("kiln:");
        return JSON.readTree(run.out());
    }

    @Test
    void jsonReportsEveryColumnAndTheDatasetVerdict() throws Exception {
        CliRun run = CliRun.of("drift", "--reference", reference.toString(), "--current", shifted.toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode d = json(run);
        assertThat(d.path("dataset_drift").asBoolean()).isTrue();
        assertThat(d.path("number_of_columns").asInt()).isEqualTo(8);
        assertThat(d.path("drift_share_threshold").asDouble()).isEqualTo(0.5);
        assertThat(d.path("drift_share").asDouble()).isCloseTo(
                d.path("number_of_drifted_columns").asDouble() / 8, within(1e-12));
        JsonNode x = d.path("columns").path("x");
        assertThat(x.path("drift").asBoolean()).isTrue();
        assertThat(x.path("test").asText()).isEqualTo("ks");
        assertThat(x.path("column_type").asText()).isEqualTo("num");
        assertThat(x.path("p_value").asDouble()).isLessThan(1e-10);
        assertThat(x.has("missing_reference")).isTrue();
        JsonNode y = d.path("columns").path("y");
        assertThat(y.path("drift").asBoolean()).isFalse();
        assertThat(d.path("columns").path("k").path("test").asText()).isEqualTo("chisquare");
        assertThat(d.path("columns").path("label").path("test").asText()).isEqualTo("z");
    }

    @Test
    void failOnDriftGatesTheExitCode() {
        assertThat(CliRun.of("drift", "--reference", reference.toString(), "--current", shifted.toString(), "--fail-on-drift")
                .exitCode()).isEqualTo(1);
        CliRun calm = CliRun.of("drift", "--reference", reference.toString(), "--current", same.toString(), "--fail-on-drift");
        assertThat(calm.exitCode()).isZero();
        assertThat(calm.out()).contains("dataset drift: no", "x ", "ks");
    }

    @Test
    void methodsThresholdsAndColumnsAreChosenOnTheCommandLine() throws Exception {
        JsonNode d = json(CliRun.of("drift", "--reference", reference.toString(), "--current", shifted.toString(),
                "--columns", "x,y,k", "--method", "psi", "--method", "y=wasserstein", "--threshold", "y=0.5",
                "--drift-share", "0.9", "--json"));
        assertThat(d.path("number_of_columns").asInt()).isEqualTo(3);
        assertThat(d.path("columns").path("x").path("test").asText()).isEqualTo("psi");
        assertThat(d.path("columns").path("x").has("p_value")).isFalse();
        assertThat(d.path("columns").path("y").path("test").asText()).isEqualTo("wasserstein");
        assertThat(d.path("columns").path("y").path("threshold").asDouble()).isEqualTo(0.5);
        assertThat(d.path("dataset_drift").asBoolean()).isFalse();
    }

    @Test
    void badInputExitsTwoAndSaysWhat() throws Exception {
        Path typed = dir.resolve("typed.csv");
        Files.writeString(typed, "x,y\nred,1\nblue,2\n");
        CliRun mismatch = CliRun.of("drift", "--reference", reference.toString(), "--current", typed.toString(), "--columns", "x");
        assertThat(mismatch.exitCode()).isEqualTo(2);
        assertThat(mismatch.err()).contains("column 'x' is double in the reference data but categorical in the current data");
        CliRun missing = CliRun.of("drift", "--reference", dir.resolve("nope.csv").toString(), "--current", same.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv: no such file");
        CliRun unknown = CliRun.of("drift", "--reference", reference.toString(), "--current", same.toString(), "--columns", "zz");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no column 'zz' in the reference data");
        CliRun method = CliRun.of("drift", "--reference", reference.toString(), "--current", same.toString(), "--method", "k=ks");
        assertThat(method.exitCode()).isEqualTo(2);
        assertThat(method.err()).contains("method ks compares numbers; column 'k' is categorical");
        CliRun share = CliRun.of("drift", "--reference", reference.toString(), "--current", same.toString(), "--drift-share", "2");
        assertThat(share.exitCode()).isEqualTo(2);
        assertThat(share.err()).contains("drift share must be in (0, 1]");
    }

    @Test
    void reportIsOneSelfContainedPage() throws Exception {
        Path page = dir.resolve("drift.html");
        CliRun run = CliRun.of("drift", "--reference", reference.toString(), "--current", shifted.toString(),
                "--report", page.toString(), "--json");
        assertThat(json(run).path("report").asText()).isEqualTo(page.toString());
        String html = Files.readString(page);
        assertThat(html).contains("Data drift: shifted.csv against reference.csv", "share of drifted columns");
        assertThat(html.split("data:image/svg\\+xml;base64,", -1)).hasSize(9);
    }

    @Test
    void embeddingColumnsAreComparedAsOneVector() throws Exception {
        JsonNode d = json(CliRun.of("drift", "--reference", reference.toString(), "--current", shifted.toString(),
                "--embedding", "e", "--json"));
        assertThat(d.path("number_of_columns").asInt()).isEqualTo(4);
        assertThat(d.path("columns").has("e0")).isFalse();
        JsonNode e = d.path("embedding_drift");
        assertThat(e.path("dimensions").asInt()).isEqualTo(4);
        assertThat(e.path("drift").asBoolean()).isTrue();
        assertThat(e.path("domain_classifier").path("roc_auc").asDouble()).isGreaterThan(0.55);
        assertThat(e.path("mmd").path("p_value").asDouble()).isLessThan(0.05);
        JsonNode calm = json(CliRun.of("drift", "--reference", reference.toString(), "--current", same.toString(),
                "--embedding", "e", "--json"));
        assertThat(calm.path("embedding_drift").path("drift").asBoolean()).isFalse();
    }

    @Test
    void modelPredictionsBecomeAColumn() throws Exception {
        Path model = dir.resolve("model");
        CliRun train = CliRun.of("train", "--data", reference.toString(), "--target", "label", "--model", "logistic-regression",
                "--out", model.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode d = json(CliRun.of("drift", "--reference", reference.toString(), "--current", shifted.toString(),
                "--columns", "y", "--model", model.toString(), "--json"));
        assertThat(d.path("number_of_columns").asInt()).isEqualTo(2);
        JsonNode p = d.path("columns").path("prediction");
        assertThat(p.path("column_type").asText()).isEqualTo("cat");
        assertThat(p.path("drift").asBoolean()).isTrue();
    }
}
