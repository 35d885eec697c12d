package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.serve.ServedModelsFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With API keys configured: 401 without a known key, 403 without the route's scope, open health probes. */
class ApiKeyAccessTest {
    static final String READER = "reader-0123456789abcdef";
    static final String PREDICTOR = "predictor-0123456789abcdef";
    static final String ADMIN = "admin-0123456789abcdef";
    private static final String PREDICT_BODY = "{\"instances\": [[1]]}";
    private static final String INFER_BODY = "{\"inputs\": [{\"name\": \"size\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]}";

    @TempDir
    static Path home;
    static KilnServer server;
    static Http anonymous;

    @BeforeAll
    static void start() {
        ApiKeys keys = ApiKeys.of(List.of(ApiKey.of("test:1", READER, Set.of(Scope.READ)),
                ApiKey.of("test:2", PREDICTOR, Set.of(Scope.PREDICT)), ApiKey.of("test:3", ADMIN, Set.of(Scope.ADMIN))));
        server = KilnServer.start(ServedModelsFixture.registry(home), ServerSettings.defaults().withHost("127.0.0.1").withPort(0), keys);
        anonymous = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutAKeyOrWithAnUnknownOneIs401WithABearerChallenge() {
        for (Http http : List.of(anonymous, anonymous.withKey("not-a-known-key-0123456789"), anonymous.withKey(""))) {
            Http.Reply r = http.get("/api/models");
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(r.json().path("type").asText()).isEqualTo("urn:kiln:problem:unauthorized");
            assertThat(r.json().path("request_id").asText()).isEqualTo(r.requestId());
        }
        assertThat(anonymous.post("/api/models/price/predict", PREDICT_BODY).status()).isEqualTo(401);
        assertThat(anonymous.put("/api/models/price/aliases/champion", "{\"version\": 1}").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/models").json().path("detail").asText()).contains("Authorization: Bearer KEY");
    }

    @Test
    void aKeyWithoutTheScopeIs403NamingIt() {
        Http.Reply read = anonymous.withKey(PREDICTOR).get("/v2/models/price");
        assertThat(read.status()).as(read.body()).isEqualTo(403);
        assertThat(read.json().path("scope").asText()).isEqualTo("read");
        assertThat(read.json().path("detail").asText()).contains("'read' scope");
        assertThat(read.json().path("error").asText()).as("the protocol's error member").contains("'read' scope");
        Http.Reply predict = anonymous.withKey(READER).post("/api/models/price/predict", PREDICT_BODY);
        assertThat(predict.status()).isEqualTo(403);
        assertThat(predict.json().path("detail").asText()).contains("'predict' scope");
        Http.Reply admin = anonymous.withKey(PREDICTOR).put("/api/models/price/aliases/champion", "{\"version\": 1}");
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.json().path("scope").asText()).isEqualTo("admin");
        assertThat(anonymous.withKey(READER).post("/api/models/fruit/versions", "{\"path\": \"/tmp\"}").status()).isEqualTo(403);
    }

    @Test
    void eachScopeOpensItsRoutes() {
        Http reader = anonymous.withKey(READER);
        assertThat(reader.get("/api/models").status()).isEqualTo(200);
        assertThat(reader.get("/api/models/fruit").status()).isEqualTo(200);
        assertThat(reader.get("/v2/models/price").status()).isEqualTo(200);
        assertThat(reader.get("/v2/models/price/ready").status()).isEqualTo(200);
        Http predictor = anonymous.withKey(PREDICTOR);
        assertThat(predictor.post("/api/models/price/predict", PREDICT_BODY).status()).isEqualTo(200);
        assertThat(predictor.post("/api/models/price/versions/1/predict", PREDICT_BODY).status()).isEqualTo(200);
        Http.Reply infer = predictor.post("/v2/models/price/infer", INFER_BODY);
        assertThat(infer.status()).as(infer.body()).isEqualTo(200);
        Http.Reply promote = anonymous.withKey(ADMIN).put("/api/models/price/aliases/stable", "{\"version\": 1}");
        assertThat(promote.status()).as(promote.body()).isEqualTo(200);
        assertThat(anonymous.withKey("Bearer " + ADMIN).get("/api/models").status()).as("one Bearer prefix only").isEqualTo(401);
    }

    @Test
    void healthAndServerMetadataStayOpenForProbes() {
        assertThat(anonymous.get("/v2/health/live").status()).isEqualTo(200);
        assertThat(anonymous.get("/v2/health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("/v2").status()).isEqualTo(200);
        assertThat(anonymous.withKey("wrong-0123456789abcdef").get("/v2/health/ready").status()).isEqualTo(200);
    }

    @Test
    void corsStaysOff() {
        Http.Reply r = anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.base() + "/api/models"))
                .header("Authorization", "Bearer " + READER).header("Origin", "https://elsewhere.example").GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }
}
