package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.serve.ServedModelsFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once get exactly the answers one client gets, one request after another. */
class ConcurrentPredictionTest {
    @TempDir
    Path home;

    @Test
    void concurrentAnswersEqualSequentialOnes() throws Exception {
        try (KilnServer server = KilnServer.start(ServedModelsFixture.registry(home),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0))) {
            Http http = new Http(server);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                bodies.add("{\"instances\": [{\"weight\": " + (i * 3.1) + ", \"seeds\": " + (i % 10) + ", \"colour\": \""
                        + (i % 3 == 0 ? "red" : "green") + "\"}]}");
            }
            List<String> sequential = new ArrayList<>();
            for (String b : bodies) {
                sequential.add(http.post("/api/models/fruit/predict", b).json().path("predictions").toString());
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                for (int round = 0; round < 4; round++) {
                    List<Future<String>> answers = new ArrayList<>();
                    for (String b : bodies) {
                        answers.add(pool.submit(() -> http.post("/api/models/fruit/predict", b).json().path("predictions").toString()));
                    }
                    for (int i = 0; i < bodies.size(); i++) {
                        assertThat(answers.get(i).get()).isEqualTo(sequential.get(i));
                    }
                }
            }
            assertThat(server.inFlight()).isZero();
        }
    }
}
