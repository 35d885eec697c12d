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
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train, register, promote, list and serve, as a user runs them from the README. */
class ServeCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aTrainedModelIsRegisteredPromotedListedAndServed() throws Exception {
        String home = tmp.resolve("home").toString();
        String data = ClassificationCommandsTest.credit().toString();
        assertThat(CliRun.of("train", "--data", data, "--target", "class", "--model", "logistic-regression",
                "--out", tmp.resolve("m").toString()).exitCode()).isZero();
        JsonNode ranges = JSON.readTree(tmp.resolve("m/manifest.json").toFile()).path("feature_ranges");
        assertThat(ranges.path("duration").path("min").asDouble()).as(ranges.toString())
                .isLessThan(ranges.path("duration").path("max").asDouble());
        CliRun reg = CliRun.of("models", "register", "credit", tmp.resolve("m").toString(), "--home", home, "--json");
        assertThat(reg.exitCode()).as(reg.err()).isZero();
        assertThat(JSON.readTree(reg.out()).path("version").asInt()).isEqualTo(1);
        assertThat(CliRun.of("models", "register", "credit", tmp.resolve("m").toString(), "--home", home, "--alias", "challenger").out())
                .contains("registered credit version 2").contains("as challenger");
        CliRun promote = CliRun.of("models", "promote", "credit", "1", "--alias", "champion", "--home", home);
        assertThat(promote.out()).contains("champion -> version 1");
        CliRun list = CliRun.of("models", "list", "--home", home);
        assertThat(list.out()).contains("credit").contains("pipeline").contains("champion").contains("challenger");
        CliRun bad = CliRun.of("models", "promote", "credit", "9", "--alias", "champion", "--home", home);
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("no version 9");
        assertThat(CliRun.of("models").out()).as("the trainable-model catalog is still there").contains("random-forest");

        StringWriter out = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serving = new Thread(() -> code.set(Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "serve", "--home", home, "--port", "0", "--host", "127.0.0.1")));
        serving.start();
        Pattern url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");
        Matcher m = url.matcher("");
        for (int i = 0; i < 300 && !(m = url.matcher(out.toString())).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(m.find(0)).as(out.toString()).isTrue();
        String base = m.group(1);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(base + "/v2/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        HttpResponse<String> meta = client.send(HttpRequest.newBuilder(URI.create(base + "/v2/models/credit")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode inputs = JSON.readTree(meta.body()).path("inputs");
        assertThat(inputs.toString()).contains("checking_status");
        assertThat(JSON.readTree(meta.body()).path("parameters").path("version").asInt()).as("the champion").isEqualTo(1);
        serving.interrupt();
        serving.join(30_000);
        assertThat(code.get()).isZero();
    }

    @Test
    void anUnknownOutOfRangePolicyIsBadUsage() {
        CliRun run = CliRun.of("serve", "--home", tmp.toString(), "--port", "0", "--out-of-range", "maybe");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown input policy 'maybe'").contains("[reject, warn, off]");
    }
}
