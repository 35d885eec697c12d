package dev.kiln.serve.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specs read from JSON: defaults, the full form, every mistake named by its JSON pointer, and the way back. */
class ExperimentSpecJsonTest {

    private static List<String> errors(String json) {
        try {
            Specs.spec(json);
        } catch (InvalidInputException e) {
            return e.violations().stream().map(v -> v.pointer() + ": " + v.message()).toList();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void theSmallestSpecGetsTheDefaults() {
        ExperimentSpec s = Specs.spec("""
                {"id": "button", "model": "fruit", "variants": [{"name": "A", "version": "champion"}, {"name": "B", "version": 2}]}""");
        assertThat(s.salt()).isEqualTo("button");
        assertThat(s.unit()).isEqualTo("X-User-Id");
        assertThat(s.metric()).isEqualTo(ExperimentSpec.Metric.CONVERSION);
        assertThat(s.minimumDetectableEffect()).isEqualTo(0.05);
        assertThat(s.alpha()).isEqualTo(0.05);
        assertThat(s.power()).isEqualTo(0.8);
        assertThat(s.baselineRate()).isEqualTo(0.1);
        assertThat(s.control().name()).isEqualTo("A");
        assertThat(s.variants()).extracting(ExperimentSpec.Variant::weight).containsExactly(1.0, 1.0);
        assertThat(s.variants().get(0).version()).isEqualTo("champion");
        assertThat(s.canary()).isNull();
    }

    @Test
    void theFullFormRoundTrips() {
        String full = """
                {"id": "ranker-v3", "model": "fruit", "salt": "2024-q3", "unit": "X-Session", "metric": "value",
                 "minimum_detectable_effect": 0.02, "alpha": 0.01, "power": 0.9, "baseline_rate": 0.2, "baseline_mean": 12.5,
                 "variants": [{"name": "shadow", "version": 3, "shadow": true}, {"name": "control", "version": "champion", "weight": 3},
                              {"name": "new", "version": 2, "weight": 1}],
                 "canary": {"variant": "new", "steps": [5, 25, 50, 100], "step_requests": 500, "max_error_rate": 0.02,
                            "max_latency_ms": 250}}""";
        ExperimentSpec s = Specs.spec(full);
        assertThat(s.control().name()).as("the first variant that is not a shadow").isEqualTo("control");
        assertThat(s.shadows()).extracting(ExperimentSpec.Variant::name).containsExactly("shadow");
        assertThat(s.canary().steps()).containsExactly(5.0, 25.0, 50.0, 100.0);
        assertThat(s.canary().maxLatencyMs()).isEqualTo(250.0);
        assertThat(ExperimentSpecJson.read(ExperimentSpecJson.write(s))).isEqualTo(s);
        assertThat(ExperimentSpecJson.write(s).path("variants").get(1).path("version").asText()).isEqualTo("champion");
        assertThat(ExperimentSpecJson.write(s).path("variants").get(0).path("version").isInt()).isTrue();
    }

    @Test
    void everyMistakeIsNamedByItsPointer() {
        assertThat(errors("""
                {"id": "a b", "model": "fruit", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2, "weight": 0}],
                 "alpha": 0.7, "metric": "clicks", "colour": "red"}"""))
                .containsExactlyInAnyOrder(
                        "/colour: unknown field; expected one of [alpha, baseline_mean, baseline_rate, canary, id, metric,"
                                + " minimum_detectable_effect, model, power, salt, unit, variants]",
                        "/id: expected a name of letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit), got 'a b'",
                        "/variants/1/weight: expected a number > 0",
                        "/metric: expected \"conversion\" or \"value\"",
                        "/alpha: expected a significance level in (0, 0.5)");
        assertThat(errors("{\"id\": \"x\", \"model\": \"fruit\", \"variants\": [{\"name\": \"A\", \"version\": 1}]}"))
                .containsExactly("/variants: expected an array of two or more variants: {\"name\": \"A\", \"version\": 1, \"weight\": 1}");
        assertThat(errors("""
                {"id": "x", "variants": [{"name": "A", "version": 0}, {"name": "A", "version": "no alias!", "shadow": "yes"}]}"""))
                .containsExactlyInAnyOrder("/model: missing; expected a string",
                        "/variants/0/version: expected a version number (a whole number from 1) or an alias such as champion",
                        "/variants/1/name: variant 'A' is named twice",
                        "/variants/1/version: expected a version number (a whole number from 1) or an alias such as champion",
                        "/variants/1/shadow: expected true or false");
        assertThat(errors("""
                {"id": "x", "model": "m", "variants": [{"name": "A", "version": 1, "shadow": true}, {"name": "B", "version": 2, "shadow": true}]}"""))
                .containsExactly("/variants: expected at least one variant that is not a shadow: the first one is the control");
        assertThat(errors("[1, 2]")).containsExactly(": expected a JSON object: {\"id\": …, \"model\": …, \"variants\": […]}");
    }

    @Test
    void aCanaryMustBeAnAnsweringCandidateWithIncreasingSteps() {
        String base = """
                {"id": "x", "model": "m", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2},
                 {"name": "S", "version": 2, "shadow": true}], "canary": %s}""";
        assertThat(errors(base.formatted("{\"variant\": \"A\", \"steps\": [10]}")))
                .containsExactly("/canary/variant: 'A' is the control (the first answering variant); name the candidate");
        assertThat(errors(base.formatted("{\"variant\": \"S\", \"steps\": [10]}")))
                .containsExactly("/canary/variant: 'S' is a shadow; a canary must answer requests");
        assertThat(errors(base.formatted("{\"variant\": \"Z\", \"steps\": [50, 20, 120], \"step_requests\": 0, \"max_error_rate\": 2,"
                + " \"max_latency_ms\": -1, \"speed\": 1}"))).containsExactlyInAnyOrder(
                "/canary/variant: no variant named 'Z'",
                "/canary/steps/1: expected a percentage in (0, 100] above the step before",
                "/canary/steps/2: expected a percentage in (0, 100] above the step before",
                "/canary/step_requests: expected a whole number >= 1: requests the candidate serves at a step before ramping",
                "/canary/max_error_rate: expected a rate in [0, 1]",
                "/canary/max_latency_ms: expected a number of milliseconds > 0 (bounds the p95 latency)",
                "/canary/speed: unknown field; expected one of [max_error_rate, max_latency_ms, step_requests, steps, variant]");
        ExperimentSpec ok = Specs.spec(base.formatted("{\"variant\": \"B\", \"steps\": [10, 100]}"));
        assertThat(ok.canary().stepRequests()).isEqualTo(100);
        assertThat(ok.canary().maxErrorRate()).isEqualTo(0.01);
        assertThat(ok.canary().maxLatencyMs()).isNull();
    }

    @Test
    void violationsAreThoseTheServerAnswersWith() {
        assertThatThrownBy(() -> Specs.spec("{}")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::pointer)
                        .containsExactly("/id", "/model", "/variants"));
    }
}
