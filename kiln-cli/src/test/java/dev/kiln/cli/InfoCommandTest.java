package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InfoCommandTest {

    @Test
    void jsonListsKernelsCoresAndRegisteredModelTypes() throws Exception {
        CliRun run = CliRun.of("info", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode info = new ObjectMapper().readTree(run.out());
        assertThat(info.path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(info.path("kernels").asText()).startsWith("SIMD");
        assertThat(info.path("model_types").toString()).contains("linear-regression", "pipeline");
        assertThat(CliRun.of("info").out()).contains("kernels").contains("model_types");
    }
}
