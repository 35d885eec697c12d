package dev.kiln.core.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.KilnVersion;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.FrameFingerprint;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.RegressionPrediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static ScaledSumModel model() {
        Schema schema = new Schema(List.of(Schema.Field.of("x1", ColumnType.DOUBLE), Schema.Field.of("x2", ColumnType.LONG)));
        return new ScaledSumModel(new ScaledSumModel.Params(2.0, "golden"), schema, new double[] {0.5, -2.0}, 1.25);
    }

    static Frame data() {
        return Frame.of(DoubleColumn.of("x1", 1, 0, -4), LongColumn.of("x2", 3, 0, 1));
    }

    @Test
    void savesAndLoadsADirectoryWithItsManifest() throws IOException {
        Path target = dir.resolve("model");
        Frame data = data();
        ModelInfo info = new ModelInfo("regression", "y", Map.of("r2", 0.75),
                new Provenance(FrameFingerprint.of(data), data.rowCount(), "train.csv", 42L, Map.of("note", "test")));
        ModelFile.save(model(), target, info);

        assertThat(Files.list(target).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("manifest.json", "weights.safetensors");
        LoadedModel loaded = ModelFile.load(target);
        ScaledSumModel back = loaded.as(ScaledSumModel.class);
        assertThat(back.predict(data).values()).containsExactly(model().predict(data).values());
        Manifest m = loaded.manifest();
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.modelType()).isEqualTo("test.scaled-sum");
        assertThat(m.kilnVersion()).isEqualTo(KilnVersion.current());
        assertThat(m.task()).isEqualTo("regression");
        assertThat(m.trainingMetrics()).containsEntry("r2", 0.75);
        assertThat(m.featureRanges()).isNull();
        assertThat(m.rangesOrEmpty()).isEmpty();
        assertThat(m.provenance().seed()).isEqualTo(42L);
        assertThat(m.provenance().dataFingerprint()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(m.inputSchema().names()).containsExactly("x1", "x2");
        JsonNode raw = JSON.readTree(target.resolve("manifest.json").toFile());
        assertThat(raw.path("hyperparameters").path("scale").asDouble()).isEqualTo(2.0);
        assertThat(raw.path("provenance").path("data_source").asText()).isEqualTo("train.csv");
        assertThat(raw.path("weights").path("sha256").asText()).hasSize(64);
    }

    @Test
    void savesAndLoadsAZipArchive() {
        Path target = dir.resolve("model.zip");
        ModelFile.save(model(), target);
        assertThat(Files.isRegularFile(target)).isTrue();
        assertThat(ModelFile.load(target, ScaledSumModel.class).predict(data()).values())
                .containsExactly(model().predict(data()).values());
        ModelFile.save(model(), target);
        assertThat(ModelFile.readManifest(target).modelType()).isEqualTo("test.scaled-sum");
    }

    @Test
    void recordsTheRangesOfTheTrainingFeatures() throws IOException {
        Path target = dir.resolve("ranged");
        Frame data = data();
        ModelFile.save(model(), target, new ModelInfo("regression", "y", Map.of(), null).withFeatureRangesOf(data));

        // data(): x1 = 1, 0, -4 and x2 = 3, 0, 1.
        assertThat(ModelFile.readManifest(target).featureRanges())
                .containsExactly(Map.entry("x1", new FeatureRange(-4, 1)), Map.entry("x2", new FeatureRange(0, 3)));
        JsonNode raw = JSON.readTree(target.resolve("manifest.json").toFile());
        assertThat(raw.path("feature_ranges").path("x2").path("max").asDouble()).isEqualTo(3.0);
    }

    @Test
    void loadsTheGoldenFileWrittenByFormatVersion1() throws URISyntaxException {
        // Written once by this format's first release and kept unchanged: newer Kilns must read it.
        Path golden = Path.of(getClass().getResource("/golden/scaled-sum-v1").toURI());
        ScaledSumModel m = ModelFile.load(golden, ScaledSumModel.class);
        // 2 * (0.5 * x1 - 2 * x2) + 1.25 for (1, 3), (0, 0), (-4, 1).
        assertThat(m.predict(data()).values()).containsExactly(-9.75, 1.25, -6.75);
        assertThat(ModelFile.readManifest(golden).rangesOrEmpty()).isEmpty();
    }

    @Test
    void replacesAnExistingModelAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("model");
        ModelFile.save(model(), target);
        ScaledSumModel other = new ScaledSumModel(new ScaledSumModel.Params(1.0, "second"), model().inputSchema(),
                new double[] {1, 1}, 0);
        ModelFile.save(other, target);
        assertThat(ModelFile.load(target, ScaledSumModel.class).predict(data()).values()).containsExactly(4, 0, -3);
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("model");
        }
    }

    @Test
    void refusesToReplaceSomethingThatIsNotAModel() throws IOException {
        Path precious = dir.resolve("notes");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("todo.txt"), "keep me");
        assertThatThrownBy(() -> ModelFile.save(model(), precious))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("is not a Kiln model directory; refusing to replace it");
        assertThat(Files.readString(precious.resolve("todo.txt"))).isEqualTo("keep me");
    }

    @Test
    void detectsModifiedWeights() throws IOException {
        Path target = dir.resolve("model");
        ModelFile.save(model(), target);
        Path weights = target.resolve("weights.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1;
        Files.write(weights, bytes);
        assertThatThrownBy(() -> ModelFile.load(target))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("weights.safetensors does not match the size and SHA-256 recorded in manifest.json")
                .hasMessageContaining("corrupt or was modified");
        assertThat(ModelFile.readManifest(target).modelType()).as("the manifest alone does not read the weights")
                .isEqualTo("test.scaled-sum");
    }

    @Test
    void theManifestAloneStillNeedsTheWeightsToBeThere() throws IOException {
        Path target = dir.resolve("model");
        ModelFile.save(model(), target);
        Files.delete(target.resolve("weights.safetensors"));
        assertThatThrownBy(() -> ModelFile.readManifest(target)).hasMessageContaining("weights.safetensors is missing");
        Path zip = dir.resolve("model.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
            out.write(Files.readAllBytes(target.resolve("manifest.json")));
            out.closeEntry();
        }
        assertThatThrownBy(() -> ModelFile.readManifest(zip)).hasMessageContaining("the archive has no weights.safetensors");
    }

    @Test
    void manifestProblemsNameTheJsonPointer() throws IOException {
        assertThat(loadEdited(m -> ((ObjectNode) m.path("input_schema").path("fields").get(1)).put("type", "float")))
                .contains("/input_schema/fields/1/type").contains("unknown column type 'float'");
        assertThat(loadEdited(m -> ((ObjectNode) m.path("hyperparameters")).put("scale", -1)))
                .contains("/hyperparameters").contains("scale must be > 0, got -1.0");
        assertThat(loadEdited(m -> m.put("format_version", 7)))
                .contains("/format_version: the file is format 7, written by a newer Kiln");
        assertThat(loadEdited(m -> m.put("format", "something-else")))
                .contains("/format: expected \"kiln-model\"");
        assertThat(loadEdited(m -> m.put("model_type", "java.lang.Runtime")))
                .contains("/model_type: unknown model type 'java.lang.Runtime'; this Kiln knows:").contains("pipeline");
        assertThat(loadEdited(m -> ((ObjectNode) m.path("config")).remove("bias")))
                .contains("/config/bias: missing");
        assertThat(loadEdited(m -> m.put("type_version", 9)))
                .contains("/type_version: test.scaled-sum layout 9 was written by a newer Kiln");
    }

    @Test
    void notJsonAtAll() throws IOException {
        Path target = dir.resolve("model");
        ModelFile.save(model(), target);
        Files.writeString(target.resolve("manifest.json"), "{ \"format\": ");
        assertThatThrownBy(() -> ModelFile.load(target)).hasMessageContaining("manifest.json: not valid JSON");
    }

    @Test
    void tensorsOfTheWrongShapeAreReported() throws IOException {
        Path target = dir.resolve("model");
        ModelFile.save(model(), target);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Safetensors.write(Map.of("weights", Tensor.of(new double[] {1, 2, 3})), Map.of(), out);
        byte[] weights = out.toByteArray();
        Files.write(target.resolve("weights.safetensors"), weights);
        ObjectNode manifest = (ObjectNode) JSON.readTree(target.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("weights")).put("bytes", weights.length).put("sha256", ModelFile.sha256(weights));
        JSON.writeValue(target.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> ModelFile.load(target))
                .hasMessageContaining("tensor 'weights': expected shape [2], found [3]");
    }

    @Test
    void missingPathsAndPlainFilesAreNamed() throws IOException {
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("nowhere")))
                .hasMessageContaining("nowhere: no such model file or directory");
        Path text = Files.writeString(dir.resolve("model.txt"), "hello");
        assertThatThrownBy(() -> ModelFile.load(text)).hasMessageContaining("not a Kiln model");
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("empty"))).hasMessageContaining("it has no manifest.json");
    }

    @Test
    void aModelWithoutACodecCannotBeSaved() {
        RegressionPrediction notAModel = new RegressionPrediction(new double[0]);
        assertThatThrownBy(() -> ModelFile.save(notAModel, dir.resolve("x")))
                .hasMessageContaining("cannot be saved: no model codec is registered for it");
    }

    /** Saves the model, edits its manifest, loads it, and returns the error message. */
    private String loadEdited(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path target = Files.createTempDirectory(dir, "edited").resolve("model");
        ModelFile.save(model(), target);
        ObjectNode manifest = (ObjectNode) JSON.readTree(target.resolve("manifest.json").toFile());
        edit.accept(manifest);
        JSON.writeValue(target.resolve("manifest.json").toFile(), manifest);
        try {
            ModelFile.load(target);
        } catch (ModelFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("loading the edited manifest succeeded");
    }
}
