package dev.kiln.serve.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.learn.linear.LinearRegression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path tmp;
    Path saved;
    ModelRegistry registry;

    @BeforeEach
    void save() {
        saved = tmp.resolve("saved");
        var m = new LinearRegression().fit(Frame.of(DoubleColumn.of("x", 0, 1, 2), DoubleColumn.of("y", 1, 3, 5)), "y");
        ModelFile.save(m, saved);
        ModelFile.save(m, tmp.resolve("saved.zip"));
        registry = new ModelRegistry(tmp.resolve("models"));
    }

    @Test
    void versionsCountUpAndKeepACopy() throws Exception {
        assertThat(registry.register("price", saved, "first").version()).isEqualTo(1);
        assertThat(registry.register("price", tmp.resolve("saved.zip"), "zipped").version()).isEqualTo(2);
        assertThat(registry.names()).containsExactly("price");
        assertThat(registry.versions("price")).extracting(ModelVersion::version).containsExactly(1, 2);
        assertThat(registry.version("price", 2).orElseThrow().path().getFileName().toString()).isEqualTo("model.zip");
        assertThat(registry.version("price", 1).orElseThrow().manifest().modelType()).isEqualTo("linear-regression");
        assertThat(registry.version("price", 1).orElseThrow().description()).isEqualTo("first");
        deleteTree(saved);
        assertThat(ModelFile.load(registry.resolve("price", "1").path()).model()).as("the registry holds its own copy").isNotNull();
        try (var left = Files.list(tmp.resolve("models/price"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no staging directory is left").containsExactlyInAnyOrder("1", "2");
        }
    }

    @Test
    void aliasesMoveAndTheChampionIsTheDefault() {
        registry.register("price", saved, "");
        registry.register("price", saved, "");
        assertThat(registry.resolve("price", null).version()).as("no champion: the latest").isEqualTo(2);
        assertThat(registry.promote("price", 1, "champion")).isZero();
        assertThat(registry.resolve("price", null).version()).isEqualTo(1);
        assertThat(registry.resolve("price", "latest").version()).isEqualTo(2);
        assertThat(registry.promote("price", 2, "champion")).as("where it pointed before").isEqualTo(1);
        registry.promote("price", 1, "challenger");
        assertThat(registry.aliases("price")).isEqualTo(Map.of("champion", 2, "challenger", 1));
        assertThat(registry.resolve("price", "challenger").aliases()).containsExactly("challenger");
        assertThat(registry.version("price", 2).orElseThrow().aliases()).containsExactly("champion");
    }

    @Test
    void changesByAnotherProcessAreSeenWithinASecond() throws Exception {
        registry.register("price", saved, "");
        assertThat(registry.resolve("price", null).version()).isEqualTo(1);
        ModelRegistry other = new ModelRegistry(tmp.resolve("models"));   // another process on the same directory
        other.register("price", saved, "");
        other.promote("price", 2, "champion");
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (registry.resolve("price", null).version() != 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(registry.resolve("price", null).version()).isEqualTo(2);
        assertThat(registry.versionNumbers("price")).containsExactly(1, 2);
        other.promote("price", 1, "champion");
        Thread.sleep(1100);
        assertThat(registry.resolve("price", null).version()).as("at the latest once the cached aliases are a second old").isEqualTo(1);
    }

    @Test
    void resolvingReadsNoFileTwice() throws Exception {
        registry.register("price", saved, "");
        ModelVersion first = registry.resolve("price", null);
        assertThat(registry.resolve("price", null).manifest()).as("the manifest is read once per version").isSameAs(first.manifest());
    }

    @Test
    void badNamesAndReferencesSayWhatThereIs() {
        registry.register("price", saved, "");
        assertThatThrownBy(() -> registry.register("../evil", saved, "")).hasMessageContaining("model name '../evil'");
        assertThatThrownBy(() -> registry.promote("price", 1, "7")).hasMessageContaining("is a number");
        assertThatThrownBy(() -> registry.promote("price", 5, "champion")).isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("no version 5").hasMessageContaining("[1]");
        assertThatThrownBy(() -> registry.resolve("nope", null)).isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("no model named 'nope'").hasMessageContaining("[price]");
        assertThatThrownBy(() -> registry.resolve("price", "staging")).hasMessageContaining("no version or alias 'staging'");
        assertThatThrownBy(() -> registry.register("other", tmp.resolve("missing"), "")).hasMessageContaining("missing");
        assertThat(registry.names()).containsExactly("price");
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
