package dev.kiln.serve.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Experiments kept on disk: created against the registry, restored with their counts from the event log, corrupt lines skipped. */
class ExperimentFilesTest {
    @TempDir
    static Path home;
    static ModelRegistry registry;

    @BeforeAll
    static void models() {
        registry = ServedModelsFixture.registry(home);
        registry.register("fruit", home.resolve("saved/fruit"), "the same model again");
    }

    @Test
    void specsAreCheckedAgainstTheRegistry() {
        Path dir = home.resolve("checked");
        try (Experiments experiments = new Experiments(dir, registry, null)) {
            assertThatThrownBy(() -> experiments.create(Specs.json("""
                    {"id": "x", "model": "apple", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2}]}""")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("/model: no model named 'apple' is registered");
            assertThatThrownBy(() -> experiments.create(Specs.json("""
                    {"id": "x", "model": "fruit", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 7},
                     {"name": "C", "version": "gold"}]}""")))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(v -> v.pointer())
                            .containsExactly("/variants/1/version", "/variants/2/version"));
            experiments.create(Specs.json("""
                    {"id": "x", "model": "fruit", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2}]}"""));
            assertThatThrownBy(() -> experiments.create(Specs.json("""
                    {"id": "y", "model": "fruit", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2}]}""")))
                    .isInstanceOf(ExperimentConflictException.class).hasMessageContaining("'x' routes model fruit already");
            experiments.stop("x");
            assertThat(experiments.routing("fruit")).isEmpty();
            assertThatThrownBy(() -> experiments.stop("x")).isInstanceOf(ExperimentConflictException.class)
                    .hasMessageContaining("already ended: it is stopped");
        }
    }

    @Test
    void countsSurviveARestartAndACorruptLineIsSkippedWithItsPlace() throws Exception {
        Path dir = home.resolve("restart");
        Map<String, Object> before;
        try (Experiments experiments = new Experiments(dir, registry, null)) {
            Experiment e = experiments.create(Specs.json("""
                    {"id": "kept", "model": "fruit", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2},
                     {"name": "S", "version": 2, "shadow": true}]}"""));
            for (int i = 0; i < 300; i++) {
                e.exposed(i % 2, "r" + i, i == 7 ? RequestStatus.ERROR : RequestStatus.OK, 2.5, i % 3 == 0 ? "apple" : "cherry");
                e.shadowed(2, RequestStatus.OK, 3, 1, i % 5 == 0 ? 0 : 1);
            }
            var report = e.outcomes(Specs.json("""
                    {"outcomes": [{"request_id": "r0", "converted": true, "label": "apple"}, {"request_id": "r1", "value": 4.5},
                                  {"request_id": "r3", "label": "apple"}, {"request_id": "nobody", "converted": true}]}"""));
            assertThat(report.accepted()).isEqualTo(3);
            assertThat(report.rejected()).extracting(v -> v.pointer() + ": " + v.message()).containsExactly(
                    "/outcomes/3/request_id: no request 'nobody' answered through experiment kept (unknown or expired:"
                            + " the latest 1000000 are remembered)");
            before = e.status();
        }
        Files.writeString(dir.resolve("kept/events.jsonl"), "{\"type\": \"exposure\", \"trunc\n", StandardOpenOption.APPEND);
        Logger log = (Logger) LoggerFactory.getLogger(ExperimentFiles.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try (Experiments restored = new Experiments(dir, registry, null)) {
            Experiment e = restored.get("kept");
            Map<String, Object> after = e.status();
            assertThat(after.get("variants")).isEqualTo(before.get("variants"));
            assertThat(after.get("comparisons")).isEqualTo(before.get("comparisons"));
            assertThat(after.get("state")).isEqualTo("running");
            assertThat(restored.routing("fruit")).containsSame(e);
            assertThat(e.outcomes(Specs.json("{\"outcomes\": [{\"request_id\": \"r0\", \"converted\": true}]}")).rejected())
                    .as("the requests and their reported outcomes are remembered too")
                    .extracting(v -> v.message()).containsExactly("request 'r0' already has a conversion outcome");
        } finally {
            log.detachAppender(seen);
        }
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                .as("300 exposures, 300 shadow results and 3 outcomes before it")
                .anySatisfy(m -> assertThat(m).contains(dir.resolve("kept/events.jsonl") + ":604: skipped a corrupt event line"));
    }
}
