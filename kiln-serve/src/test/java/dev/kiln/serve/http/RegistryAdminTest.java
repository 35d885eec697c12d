package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.serve.ServedModelsFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin routes: register a saved model as a new version, point an alias at a version; both show in GET /api/models. */
class RegistryAdminTest {
    private static final String ADMIN = "admin-0123456789abcdef";

    @TempDir
    static Path home;
    static KilnServer server;
    static Http admin;

    @BeforeAll
    static void start() {
        ApiKeys keys = ApiKeys.of(List.of(ApiKey.of("test:1", ADMIN, Set.of(Scope.READ, Scope.ADMIN))));
        server = KilnServer.start(ServedModelsFixture.registry(home), ServerSettings.defaults().withHost("127.0.0.1").withPort(0), keys);
        admin = new Http(server).withKey(ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSavedModelIsRegisteredAsTheNextVersion() {
        String body = "{\"path\": " + Http.JSON.valueToTree(home.resolve("saved/price").toString()) + ", \"description\": \"retrained\"}";
        Http.Reply r = admin.post("/api/models/price/versions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("name").asText()).isEqualTo("price");
        assertThat(r.json().path("version").asInt()).isEqualTo(2);
        assertThat(r.json().path("description").asText()).isEqualTo("retrained");
        Http.Reply fresh = admin.post("/api/models/price-copy/versions", "{\"path\": " + Http.JSON.valueToTree(home.resolve("saved/price").toString()) + "}");
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
        assertThat(fresh.json().path("version").asInt()).isEqualTo(1);

        Http.Reply list = admin.get("/api/models");
        assertThat(list.json().path("models").findValuesAsText("name")).contains("price", "price-copy");
        assertThat(admin.get("/api/models/price").json().path("versions").findValuesAsText("description")).contains("retrained");
    }

    @Test
    void anAliasIsPointedAtAVersion() {
        Http.Reply first = admin.put("/api/models/fruit/aliases/champion", "{\"version\": 1}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("previous_version").isNull()).isTrue();
        Http.Reply again = admin.put("/api/models/fruit/aliases/champion", "{\"version\": 1}");
        assertThat(again.json().path("previous_version").asInt()).isEqualTo(1);
        Http.Reply list = admin.get("/api/models");
        assertThat(list.json().path("models").findValue("aliases").toString()).contains("\"champion\":1");
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        Http.Reply noPath = admin.post("/api/models/price/versions", "{\"description\": \"x\"}");
        assertThat(noPath.status()).isEqualTo(422);
        assertThat(noPath.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/path");
        Http.Reply notAModel = admin.post("/api/models/price/versions", "{\"path\": " + Http.JSON.valueToTree(home.toString()) + "}");
        assertThat(notAModel.status()).as(notAModel.body()).isEqualTo(422);
        assertThat(notAModel.json().path("type").asText()).isEqualTo("urn:kiln:problem:cannot-register");
        assertThat(notAModel.body()).doesNotContain("\tat ");
        assertThat(admin.put("/api/models/fruit/aliases/champion", "{\"version\": \"one\"}").json().path("errors").get(0)
                .path("pointer").asText()).isEqualTo("/version");
        assertThat(admin.put("/api/models/fruit/aliases/champion", "{\"version\": 9}").status()).isEqualTo(404);
        assertThat(admin.put("/api/models/nothing/aliases/champion", "{\"version\": 1}").status()).isEqualTo(404);
        Http.Reply latest = admin.put("/api/models/fruit/aliases/latest", "{\"version\": 1}");
        assertThat(latest.status()).isEqualTo(422);
        assertThat(latest.json().path("detail").asText()).contains("'latest'");
    }

    @Test
    void aVersionIsRegisteredWithItsMonitoringBaseline() throws Exception {
        java.nio.file.Path training = home.resolve("fruit-train.csv");
        dev.kiln.core.io.CsvWriter.write(dev.kiln.serve.ServedModelsFixture.fruit(100, 1), training);
        String model = Http.JSON.valueToTree(home.resolve("saved/fruit").toString()).toString();
        Http.Reply r = admin.post("/api/models/fruit-watched/versions", "{\"path\": " + model + ", \"reference\": "
                + Http.JSON.valueToTree(training.toString()) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("baseline").toString()).isEqualTo("[\"expectations.yaml\",\"reference.csv\"]");
        Http.Reply missing = admin.post("/api/models/fruit-watched/versions", "{\"path\": " + model + ", \"expectations\": "
                + Http.JSON.valueToTree(home.resolve("nothing.yaml").toString()) + "}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("detail").asText()).contains("nothing.yaml");
        Http.Reply notAString = admin.post("/api/models/fruit-watched/versions", "{\"path\": " + model + ", \"reference\": 3}");
        assertThat(notAString.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/reference");
    }
}
