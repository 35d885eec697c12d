package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.cli.logging.LogSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class JsonLogTest {

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheMdc() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogSetup.configure(LogSetup.Format.JSON, Level.INFO);
            MDC.put("request_id", "r-42");
            LoggerFactory.getLogger("dev.kiln.test").info("fitted {} rows", 150);
            MDC.clear();
            LoggerFactory.getLogger("dev.kiln.test").debug("not shown at INFO");
            LoggerFactory.getLogger("dev.kiln.test").warn("failed", new IllegalStateException("boom"));
        } finally {
            System.setErr(original);
            LogSetup.configure(LogSetup.Format.TEXT, Level.WARN);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("msg").asText()).isEqualTo("fitted 150 rows");
        assertThat(first.path("logger").asText()).isEqualTo("dev.kiln.test");
        assertThat(first.path("request_id").asText()).isEqualTo("r-42");
        assertThat(first.path("ts").asText()).endsWith("Z");
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertThat(second.path("error").asText()).contains("IllegalStateException: boom");
    }
}
