package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.cli.logging.LogSetup;
import dev.kiln.serve.http.KilnServer;
import dev.kiln.serve.http.ServerSettings;
import dev.kiln.serve.registry.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's JSON log: one access line per request, carrying the caller's X-Request-Id or the id the server made. */
class ServeAccessLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void accessLinesCarryTheRequestId() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String generated;
        try {
            LogSetup.configure(LogSetup.Format.JSON, Level.INFO);
            try (KilnServer server = KilnServer.start(new ModelRegistry(home.resolve("models")),
                    ServerSettings.defaults().withHost("127.0.0.1").withPort(0))) {
                HttpClient client = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + server.port();
                client.send(HttpRequest.newBuilder(URI.create(base + "/v2/health/live")).header("X-Request-Id", "trace-42").build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(URI.create(base + "/api/models/none")).build(),
                        HttpResponse.BodyHandlers.ofString());
                generated = unknown.headers().firstValue("X-Request-Id").orElseThrow();
            }
        } finally {
            System.setErr(original);
            LogSetup.configure(LogSetup.Format.TEXT, Level.WARN);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("msg").asText()).startsWith("GET /v2/health/live 200");
            assertThat(l.path("request_id").asText()).isEqualTo("trace-42");
            assertThat(l.path("level").asText()).isEqualTo("INFO");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("msg").asText()).startsWith("GET /api/models/none 404");
            assertThat(l.path("request_id").asText()).isEqualTo(generated).hasSize(36);
        });
        assertThat(lines).filteredOn(l -> l.path("msg").asText().startsWith("Kiln server listening"))
                .as("application lines outside a request carry no id").allSatisfy(l -> assertThat(l.has("request_id")).isFalse());
    }
}
