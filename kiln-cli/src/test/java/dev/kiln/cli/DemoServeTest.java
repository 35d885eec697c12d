package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln demo}: trains, registers, ingests and serves; every curl call it prints works; a second run adds no version. */
class DemoServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURL = Pattern.compile("curl -s (http://\\S+)(?: -H '[^']*' -d '(.*)')?");

    @TempDir
    Path tmp;

    @Test
    void theDemoServesWhatItPrints() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("registry.md"), "# The registry\n\nMove the champion alias to another version with "
                + "kiln models promote NAME VERSION --alias champion. The move is one atomic file replacement.\n");
        Files.writeString(docs.resolve("metrics.md"), "# Metrics\n\nThe server exports Prometheus metrics at /metrics.\n");
        String home = tmp.resolve("demo").toString();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread demo = new Thread(() -> code.set(Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "demo", "--home", home, "--docs", docs.toString(), "--port", "0")));
        demo.start();
        Pattern serving = Pattern.compile("serving at (http://127\\.0\\.0\\.1:\\d+)");   // printed first, the calls after it
        for (int i = 0; i < 1200 && !out.toString().contains("Ctrl-C stops the server") && demo.isAlive(); i++) {
            Thread.sleep(50);
        }
        String printed = out.toString();
        assertThat(printed).as(err.toString()).contains("[1/4]", "[2/4]", "[3/4]", "[4/4]", "sentiment: registered as version 1",
                "penguins: registered as version 1");
        Matcher m = serving.matcher(printed);
        assertThat(m.find()).as(printed + err).isTrue();

        HttpClient client = HttpClient.newHttpClient();
        List<JsonNode> answers = new ArrayList<>();
        Matcher curl = CURL.matcher(printed);
        while (curl.find()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(curl.group(1).replace("'", "")));
            if (curl.group(2) != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(curl.group(2)));
            }
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(curl.group()).isEqualTo(200);
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                answers.add(JSON.readTree(r.body()));
            }
        }
        assertThat(answers).hasSizeGreaterThanOrEqualTo(5);
        JsonNode sentiment = answers.get(0).path("predictions");
        assertThat(sentiment.get(0).path("label").asText()).isEqualTo("1");
        assertThat(sentiment.get(1).path("label").asText()).isEqualTo("0");
        assertThat(answers.get(1).path("predictions").get(0).path("label").asText()).as("a heavy Biscoe penguin").isEqualTo("Gentoo");
        assertThat(answers.get(2).path("answer").asText()).contains("kiln models promote");
        demo.interrupt();
        demo.join(30_000);
        assertThat(code.get()).isZero();

        CliRun again = CliRun.of("demo", "--home", home, "--docs", docs.toString(), "--no-serve");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("sentiment: version 1 already holds this model", "penguins: version 1 already holds this model",
                "0 documents added, 0 replaced, 2 unchanged", "./kiln serve --home " + home);
    }

    @Test
    void missingDocumentsAreNamed() {
        CliRun run = CliRun.of("demo", "--home", tmp.resolve("d").toString(), "--docs", tmp.resolve("nowhere").toString(), "--no-serve");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no documents for the knowledge base at").contains("nowhere");
    }
}
