package dev.kiln.serve.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A canary ramps step by step on healthy traffic and is rolled back as soon as (after 20 requests at a step) it crosses a bound. */
class CanaryRampTest {

    private static Experiment canary(String bounds) {
        return Experiment.inMemory(Specs.spec("""
                {"id": "canary", "model": "m", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2}],
                 "canary": {"variant": "B", "steps": [10, 50, 100], "step_requests": 30, %s}}""".formatted(bounds)), 100);
    }

    @Test
    void healthyTrafficRampsTheCandidateToTheLastStep() {
        Experiment e = canary("\"max_error_rate\": 0.1, \"max_latency_ms\": 100");
        assertThat(e.share(1)).isEqualTo(0.1);
        assertThat(e.share(0)).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        for (int i = 0; i < 29; i++) {
            e.exposed(1, "b" + i, RequestStatus.OK, 5, null);
            e.exposed(0, "a" + i, RequestStatus.ERROR, 5000, null);
        }
        assertThat(e.share(1)).as("29 of 30 requests; the control's health does not matter").isEqualTo(0.1);
        e.exposed(1, "b29", RequestStatus.REJECTED, 5, null);
        assertThat(e.share(1)).as("a caller's bad input is not a request served").isEqualTo(0.1);
        e.exposed(1, "b30", RequestStatus.ERROR, 5, null);
        assertThat(e.share(1)).as("1 error in 30 is within 10%").isEqualTo(0.5);
        for (int i = 0; i < 30; i++) {
            e.exposed(1, "c" + i, RequestStatus.OK, 5, null);
        }
        assertThat(e.share(1)).isEqualTo(1.0);
        assertThat(e.share(0)).isZero();
        assertThat(e.state()).isEqualTo(Experiment.State.RUNNING);
        @SuppressWarnings("unchecked")
        var c = (java.util.Map<String, Object>) e.status().get("canary");
        assertThat(c).containsEntry("step", 3).containsEntry("completed", true).containsEntry("rolled_back", false);
    }

    @Test
    void errorsAboveTheBoundRollBackAfterTwentyRequests() {
        Experiment e = canary("\"max_error_rate\": 0.05");
        for (int i = 0; i < 19; i++) {
            e.exposed(1, "b" + i, i % 4 == 0 ? RequestStatus.ERROR : RequestStatus.OK, 5, null);
        }
        assertThat(e.state()).as("19 requests say too little").isEqualTo(Experiment.State.RUNNING);
        e.exposed(1, "b19", RequestStatus.OK, 5, null);
        assertThat(e.state()).isEqualTo(Experiment.State.ROLLED_BACK);
        assertThat(e.rollbackReason()).isEqualTo("error rate 0.2500 (5 of 20 requests) at step 1 (10%) is above max_error_rate 0.05");
        assertThat(e.share(1)).isZero();
        assertThat(e.share(0)).isEqualTo(1.0);
        assertThat(e.assign("anyone").name()).isEqualTo("A");
        assertThat(e.state().routes()).as("the others keep answering").isTrue();
    }

    @Test
    void aSlowCandidateIsRolledBackOnItsP95Latency() {
        Experiment e = canary("\"max_latency_ms\": 50");
        for (int i = 0; i < 20; i++) {
            e.exposed(1, "b" + i, RequestStatus.OK, i < 17 ? 10 : 400, null);
        }
        assertThat(e.state()).isEqualTo(Experiment.State.ROLLED_BACK);
        assertThat(e.rollbackReason()).startsWith("p95 latency 400.0 ms over 20 requests at step 1 (10%) is above max_latency_ms 50.0");
    }
}
