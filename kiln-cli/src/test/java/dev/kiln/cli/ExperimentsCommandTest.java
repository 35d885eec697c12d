package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.core.modelfile.Provenance;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.serve.http.KilnServer;
import dev.kiln.serve.http.ServerSettings;
import dev.kiln.serve.registry.ModelRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln experiments create|list|status|promote|stop} against a real server on a free port. */
class ExperimentsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static KilnServer server;
    static String url;

    @BeforeAll
    static void start() {
        Frame sizes = Frame.of(DoubleColumn.of("size", 0, 1, 2, 3, 4));
        var price = new LinearRegression().fit(sizes.withColumn(DoubleColumn.of("price", 1, 3, 5, 7, 9)), "price");
        ModelFile.save(price, tmp.resolve("saved/price"), new ModelInfo("regression", "price", Map.of(), Provenance.unknown()));
        ModelRegistry registry = new ModelRegistry(tmp.resolve("home/models"));
        registry.register("price", tmp.resolve("saved/price"), "v1");
        registry.register("price", tmp.resolve("saved/price"), "v2");
        server = KilnServer.start(registry, ServerSettings.defaults().withHost("127.0.0.1").withPort(0));
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliRun kiln(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = url;
        return CliRun.of(all);
    }

    private static Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void anExperimentIsCreatedFromYamlWatchedAndPromoted() throws Exception {
        Path spec = file("spec.yaml", """
                # the price model's second version against the first
                id: price-ab
                model: price
                variants:
                  - {name: A, version: 1}
                  - {name: B, version: 2, weight: 1}
                minimum_detectable_effect: 0.1
                """);
        CliRun created = kiln("experiments", "create", "--file", spec.toString(), "--json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(JSON.readTree(created.out()).path("state").asText()).isEqualTo("running");
        CliRun again = kiln("experiments", "create", "--file", spec.toString());
        assertThat(again.exitCode()).as("a conflict is a refused check").isEqualTo(1);
        assertThat(again.err()).contains("409").contains("exists already");

        HttpClient client = HttpClient.newHttpClient();
        for (int u = 0; u < 40; u++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/api/models/price/predict"))
                    .header("X-User-Id", "user-" + u).POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [[2]]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        CliRun status = kiln("experiments", "status", "price-ab");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("experiment price-ab on model price: running").contains("verdict: keep_running")
                .contains("control").contains("treatment").contains("sample ratio: ok");
        CliRun json = kiln("experiments", "status", "price-ab", "--json");
        JsonNode s = JSON.readTree(json.out());
        assertThat(s.path("variants").get(0).path("requests").asInt() + s.path("variants").get(1).path("requests").asInt()).isEqualTo(40);
        assertThat(kiln("experiments", "list").out()).contains("price-ab").contains("keep_running");
        assertThat(JSON.readTree(kiln("experiments", "list", "--json").out()).path("experiments").get(0).path("id").asText())
                .isEqualTo("price-ab");

        CliRun noWinner = kiln("experiments", "promote", "price-ab");
        assertThat(noWinner.exitCode()).isEqualTo(1);
        assertThat(noWinner.err()).contains("409").contains("no winner to promote");
        CliRun promoted = kiln("experiments", "promote", "price-ab", "--variant", "B");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        assertThat(promoted.out()).contains("promoted B; price champion -> version 2");
        assertThat(kiln("experiments", "stop", "price-ab").exitCode()).as("already ended").isEqualTo(1);
    }

    @Test
    void badSpecsAreNamedByFileAndPointerAndExit2() throws Exception {
        CliRun weight = kiln("experiments", "create", "--file", file("bad.json", """
                {"id": "x", "model": "price", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2, "weight": 0}]}
                """).toString());
        assertThat(weight.exitCode()).isEqualTo(2);
        assertThat(weight.err()).contains("bad.json: /variants/1/weight: expected a number > 0");
        CliRun yaml = kiln("experiments", "create", "--file", file("broken.yml", "id: x\nvariants: [A, \n  - b\n").toString());
        assertThat(yaml.exitCode()).isEqualTo(2);
        assertThat(yaml.err()).containsPattern("broken\\.yml:\\d+:\\d+: ");
        CliRun version = kiln("experiments", "create", "--file", file("version.json", """
                {"id": "y", "model": "price", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 7}]}
                """).toString());
        assertThat(version.exitCode()).as("the server's 422").isEqualTo(2);
        assertThat(version.err()).contains("422").contains("/variants/1/version: price has no version 7");
        assertThat(kiln("experiments", "create", "--file", tmp.resolve("absent.json").toString()).err()).contains("absent.json: no such file");
        CliRun unknown = kiln("experiments", "status", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("404 Unknown experiment: no experiment named 'nope'");
    }

    @Test
    void anUnreachableServerIsSaidPlainly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("experiments", "list", "--server", "http://127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the Kiln server at http://127.0.0.1:" + port);
    }
}
