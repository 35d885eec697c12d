package dev.kiln.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The {@code kiln experiments} commands' connection to a running server: {@code --server} (else
 * {@code $KILN_SERVER}, else http://localhost:8080) and {@code --api-key} (else
 * {@code $KILN_API_KEY}), sent as {@code Authorization: Bearer}. A problem the server answers
 * with is printed with every invalid value's pointer and mapped to an exit code: 409 (the
 * experiment's state refuses) 1, other 4xx 2, 5xx 3; an unreachable server is 2.
 */
final class ExperimentsClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_SERVER = "http://localhost:8080";

    @Option(names = "--server", paramLabel = "URL", description = "The Kiln server (default: $KILN_SERVER, else " + DEFAULT_SERVER + ").")
    String server;

    @Option(names = "--api-key", paramLabel = "KEY", description = "An API key with the scope the action needs (default: $KILN_API_KEY).")
    String apiKey;

    /** A server's answer: its status and JSON body. */
    record Reply(int status, JsonNode json) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The server did not answer, or answered with a problem; {@link #exitCode()} says how the command ends. */
    static final class Failure extends Exception {
        private final int exitCode;

        Failure(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }

        /** Prints the failure on {@code err} and returns the exit code. */
        int report(PrintWriter err) {
            err.println("kiln: " + getMessage());
            err.flush();
            return exitCode;
        }
    }

    String base() {
        String s = server != null ? server : System.getenv("KILN_SERVER");
        s = s == null || s.isBlank() ? DEFAULT_SERVER : s.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    Reply get(String path) throws Failure {
        return send(request(path).GET().build());
    }

    Reply post(String path, String body) throws Failure {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) throws Failure {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            throw new Failure("--server " + base() + " is not a URL: " + e.getMessage(), ExitCodes.BAD_INPUT);
        }
        String key = apiKey != null ? apiKey : System.getenv("KILN_API_KEY");
        return key == null || key.isBlank() ? b : b.header("Authorization", "Bearer " + key.strip());
    }

    private Reply send(HttpRequest request) throws Failure {
        HttpResponse<String> r;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            r = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Failure("cannot reach the Kiln server at " + base() + " (start one with 'kiln serve', or pass --server URL)",
                    ExitCodes.BAD_INPUT);
        } catch (IOException e) {
            throw new Failure(request.method() + " " + request.uri() + ": " + e, ExitCodes.BAD_INPUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", ExitCodes.INTERNAL_ERROR);
        }
        JsonNode json;
        try {
            json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new Failure(request.method() + " " + request.uri() + " answered " + r.statusCode() + " with no JSON: "
                    + r.body().lines().findFirst().orElse(""), ExitCodes.INTERNAL_ERROR);
        }
        Reply reply = new Reply(r.statusCode(), json);
        if (!reply.ok()) {
            throw problem(request, reply);
        }
        return reply;
    }

    private static Failure problem(HttpRequest request, Reply reply) {
        JsonNode p = reply.json();
        StringBuilder sb = new StringBuilder(request.method() + " " + request.uri().getPath() + ": " + reply.status() + " "
                + p.path("title").asText("") + ": " + p.path("detail").asText(""));
        for (JsonNode e : p.path("errors")) {
            sb.append(System.lineSeparator()).append("  ").append(e.path("pointer").asText()).append(": ").append(e.path("detail").asText());
        }
        int code = reply.status() == 409 ? ExitCodes.CHECK_FAILED : reply.status() >= 500 ? ExitCodes.INTERNAL_ERROR : ExitCodes.BAD_INPUT;
        return new Failure(sb.toString(), code);
    }
}
