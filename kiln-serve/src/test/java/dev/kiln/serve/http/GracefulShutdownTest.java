package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.serve.ServedModelsFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing drains: a request in flight finishes with its answer; the server then stops listening. */
class GracefulShutdownTest {
    @TempDir
    Path home;

    @Test
    void aRequestInFlightFinishesBeforeTheServerStops() throws Exception {
        KilnServer server = KilnServer.start(ServedModelsFixture.registry(home),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0).withDrainTimeout(Duration.ofSeconds(30)));
        Http http = new Http(server);
        StringBuilder rows = new StringBuilder("{\"instances\": [");
        for (int i = 0; i < 60_000; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"weight\": ").append(i % 200).append(", \"seeds\": 1, \"colour\": \"green\"}");
        }
        rows.append("]}");
        CompletableFuture<Http.Reply> slow = CompletableFuture.supplyAsync(() -> http.post("/api/models/fruit/predict", rows.toString()));
        long t0 = System.nanoTime();
        while (server.inFlight() == 0 && !slow.isDone() && System.nanoTime() - t0 < 10_000_000_000L) {
            Thread.onSpinWait();
        }
        server.close();
        Http.Reply r = slow.get();
        assertThat(r.status()).as(r.body().length() > 300 ? r.body().substring(0, 300) : r.body()).isEqualTo(200);
        assertThat(r.json().path("predictions")).hasSize(60_000);
        assertThat(server.inFlight()).isZero();
    }
}
