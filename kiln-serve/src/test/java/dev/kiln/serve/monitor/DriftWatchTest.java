package dev.kiln.serve.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.monitor.expect.ExpectationResult;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch over a version registered with its training data: traffic like the training data does
 * not drift, shifted traffic does (inputs and predictions), the window's aggregate expectations
 * follow, the gauges say so, and the schedule compares on its own once enough rows arrived.
 */
class DriftWatchTest {
    @TempDir
    static Path home;
    static ModelRegistry registry;
    static ModelVersion watched;
    static Model<?> model;

    @BeforeAll
    static void register() {
        registry = ServedModelsFixture.registry(home);
        Path training = home.resolve("fruit-train.csv");
        CsvWriter.write(ServedModelsFixture.fruit(1000, 1), training);
        watched = BaselineFiles.register(registry, "watched", home.resolve("saved/fruit"), "", training, null);
        model = (Model<?>) ModelFile.load(watched.path()).model();
    }

    private static DriftWatch watch(MonitorSettings settings, SimpleMeterRegistry meters) {
        return new DriftWatch(settings, meters, v -> model);
    }

    private static Frame inputs(Frame rows) {
        return rows.drop("kind");
    }

    @Test
    void theBaselineHoldsTheInputColumnsAndInferredExpectations() {
        Baseline b = Baseline.of(watched);
        assertThat(b.reference().names()).containsExactly("weight", "seeds", "colour");
        assertThat(b.reference().rowCount()).isEqualTo(1000);
        assertThat(b.expectations().expectations()).extracting(e -> e.column()).doesNotContain("kind");
        assertThat(watched.attachment(Baseline.REFERENCE)).isPresent();
    }

    @Test
    void trafficLikeTheTrainingDataDoesNotDrift() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (DriftWatch watch = watch(MonitorSettings.defaults().withDriftInterval(Duration.ZERO), meters)) {
            Frame traffic = inputs(ServedModelsFixture.fruit(500, 2));
            watch.observe(watched, traffic, model.predict(traffic));
            WindowReport r = watch.refresh(watched);
            assertThat(r.windowRows()).isEqualTo(500);
            assertThat(r.referenceRows()).isEqualTo(1000);
            assertThat(r.drift().columns()).extracting(c -> c.column()).containsExactly("weight", "seeds", "colour", "prediction");
            assertThat(r.drift().datasetDrift()).isFalse();
            assertThat(r.expectations().results()).allMatch(ExpectationResult::success);
            assertThat(meters.get("kiln.dataset.drift").tag("model", "watched").gauge().value()).isZero();
            assertThat(meters.get("kiln.window.expectations.failing").gauge().value()).isZero();
        }
    }

    @Test
    void shiftedTrafficDriftsInItsInputsAndItsPredictions() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (DriftWatch watch = watch(MonitorSettings.defaults().withDriftInterval(Duration.ZERO), meters)) {
            Frame base = inputs(ServedModelsFixture.fruit(500, 3));
            double[] heavier = Arrays.stream(base.column("weight").toDoubles()).map(w -> w + 100).toArray();
            String[] red = new String[500];
            Arrays.fill(red, "red");
            Frame shifted = base.withColumn(DoubleColumn.of("weight", heavier)).withColumn(CategoricalColumn.of("colour", red));
            watch.observe(watched, shifted, model.predict(shifted));
            WindowReport r = watch.refresh(watched);
            assertThat(r.drift().datasetDrift()).isTrue();
            assertThat(r.drift().columns()).filteredOn(c -> c.drift()).extracting(c -> c.column())
                    .containsExactly("weight", "colour", "prediction");
            assertThat(r.expectations().results()).filteredOn(x -> !x.success()).extracting(x -> x.expectation().kind())
                    .contains("range", "mean");
            assertThat(meters.get("kiln.dataset.drift").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("kiln.drift.detected").tag("column", "weight").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("kiln.drift.detected").tag("column", "seeds").gauge().value()).isZero();
            // At 1,000 reference rows Evidently's default for a number is the KS test: the score is its p-value.
            assertThat(meters.get("kiln.drift.score").tag("column", "weight").tag("method", "ks").gauge().value()).isLessThan(1e-6);
            assertThat(r.toMap()).containsEntry("status", "computed").containsKey("drift");
        }
    }

    @Test
    void theScheduleComparesOnceEnoughRowsArrived() throws InterruptedException {
        try (DriftWatch watch = watch(MonitorSettings.defaults().withDriftInterval(Duration.ofMillis(20)).withWindow(1000, 100),
                new SimpleMeterRegistry())) {
            Frame few = inputs(ServedModelsFixture.fruit(60, 4));
            watch.observe(watched, few, model.predict(few));
            Thread.sleep(200);
            assertThat(watch.latest(watched)).as("60 rows are fewer than the 100 a scheduled comparison needs").isEmpty();
            watch.observe(watched, few, model.predict(few));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (watch.latest(watched).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(watch.latest(watched)).isPresent();
            assertThat(watch.latest(watched).get().windowRows()).isEqualTo(120);
        }
    }

    @Test
    void aVersionWithoutABaselineIsNotWatched() {
        ModelVersion plain = registry.resolve("fruit", null);
        try (DriftWatch watch = watch(MonitorSettings.defaults().withDriftInterval(Duration.ZERO), new SimpleMeterRegistry())) {
            Frame traffic = inputs(ServedModelsFixture.fruit(10, 5));
            watch.observe(plain, traffic, model.predict(traffic));
            assertThat(watch.requestCheck(plain)).isNull();
            assertThat(watch.windowRows(plain)).isZero();
            assertThatThrownBy(() -> watch.refresh(plain)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("registered without a reference").hasMessageContaining("--reference");
        }
    }

    @Test
    void aBrokenExpectationsFileIsReportedNotFatal(@TempDir Path other) throws Exception {
        ModelRegistry copy = ServedModelsFixture.registry(other);
        Path training = other.resolve("t.csv");
        CsvWriter.write(ServedModelsFixture.fruit(50, 1), training);
        ModelVersion v = BaselineFiles.register(copy, "broken", other.resolve("saved/fruit"), "", training, null);
        Files.writeString(v.attachment(Baseline.EXPECTATIONS).orElseThrow(), "suite: x\nexpectations:\n  - expect: range\n    column: 7\n");
        try (DriftWatch watch = watch(MonitorSettings.defaults().withDriftInterval(Duration.ZERO), new SimpleMeterRegistry())) {
            assertThat(watch.baselineError(v)).get().asString().contains("expectations.yaml");
            assertThat(watch.requestCheck(v)).isNull();
        }
    }

    @Test
    void trainingDataWithoutTheInputColumnsIsRefusedNamingThem(@TempDir Path other) throws Exception {
        Path training = other.resolve("t.csv");
        Files.writeString(training, "weight,kind\n1,apple\n");
        assertThatThrownBy(() -> BaselineFiles.register(registry, "nope", home.resolve("saved/fruit"), "", training, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks the model's input columns [seeds, colour]");
        assertThat(registry.versionNumbers("nope")).isEmpty();
    }
}
