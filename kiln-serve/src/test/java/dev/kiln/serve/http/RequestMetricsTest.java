package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** HTTP request metrics: counts and latency by route template, model version and status, errors, requests in flight. */
class RequestMetricsTest extends ServedFixtureTest {
    private static final String PREDICT = "/api/models/{name}/predict";
    private static final String REQUESTS = "kiln_http_requests_seconds_count";
    private static final String ERRORS = "kiln_http_errors_total";

    @Test
    void requestsCountUnderTheirRouteTemplateAndResolvedVersion() {
        Scrape before = Scrape.of(http);
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/models/price/predict", "{\"instances\": [[" + i + "]]}").status()).isEqualTo(200);
        }
        assertThat(http.post("/api/models/price/versions/1/predict", "{\"instances\": [[1]]}").status()).isEqualTo(200);
        assertThat(http.post("/v2/models/price/infer", """
                {"inputs": [{"name": "size", "shape": [1], "datatype": "FP64", "data": [2]}]}""").status()).isEqualTo(200);
        Scrape after = Scrape.of(http);

        String[] predict = {"method", "POST", "route", PREDICT, "model", "price", "version", "1", "status", "200"};
        assertThat(after.sum(REQUESTS, predict) - before.sum(REQUESTS, predict)).isEqualTo(3);
        assertThat(after.sum("kiln_http_requests_seconds_bucket", with(predict, "le", "+Inf"))
                - before.sum("kiln_http_requests_seconds_bucket", with(predict, "le", "+Inf"))).isEqualTo(3);
        assertThat(after.sum("kiln_http_requests_seconds_sum", predict)).isGreaterThan(before.sum("kiln_http_requests_seconds_sum", predict));
        String[] versioned = {"route", "/api/models/{name}/versions/{version}/predict", "model", "price", "version", "1"};
        assertThat(after.sum(REQUESTS, versioned) - before.sum(REQUESTS, versioned)).isEqualTo(1);
        String[] infer = {"route", "/v2/models/{name}/infer", "model", "price", "version", "1", "status", "200"};
        assertThat(after.sum(REQUESTS, infer) - before.sum(REQUESTS, infer)).isEqualTo(1);
    }

    @Test
    void anErrorCountsUnderItsStatus() {
        Scrape before = Scrape.of(http);
        assertThat(http.post("/api/models/fruit/predict", "{\"instances\": [{\"weight\": \"heavy\"}]}").status()).isEqualTo(422);
        assertThat(http.post("/api/models/nothing/predict", "{\"instances\": [[1]]}").status()).isEqualTo(404);
        Scrape after = Scrape.of(http);

        String[] invalid = {"route", PREDICT, "model", "fruit", "version", "1", "status", "422"};
        assertThat(after.sum(ERRORS, invalid) - before.sum(ERRORS, invalid)).isEqualTo(1);
        assertThat(after.sum(REQUESTS, invalid) - before.sum(REQUESTS, invalid)).isEqualTo(1);
        String[] unknownModel = {"route", PREDICT, "model", "", "version", "", "status", "404"};
        assertThat(after.sum(ERRORS, unknownModel) - before.sum(ERRORS, unknownModel)).isEqualTo(1);
        assertThat(after.samples()).noneMatch(s -> "nothing".equals(s.labels().get("model")));
    }

    @Test
    void pathsNoRouteServesShareOneLabel() {
        Scrape before = Scrape.of(http);
        assertThat(http.get("/no/such/route").status()).isEqualTo(404);
        assertThat(http.get("/api/models/fruit/nonsense").status()).isEqualTo(404);
        Scrape after = Scrape.of(http);

        String[] unmatched = {"route", ServerMetrics.UNMATCHED, "status", "404"};
        assertThat(after.sum(ERRORS, unmatched) - before.sum(ERRORS, unmatched)).isEqualTo(2);
        assertThat(after.samples()).noneMatch(s -> s.labels().getOrDefault("route", "").contains("such"));
    }

    @Test
    void theInFlightGaugeCountsARequestBeingServed() throws Exception {
        assertThat(Scrape.of(http).sum("kiln_http_requests_in_flight")).isZero();
        StringBuilder rows = new StringBuilder("{\"instances\": [");
        for (int i = 0; i < 60_000; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"weight\": ").append(i % 200).append(", \"seeds\": 1, \"colour\": \"green\"}");
        }
        rows.append("]}");
        CompletableFuture<Http.Reply> slow = CompletableFuture.supplyAsync(() -> http.post("/api/models/fruit/predict", rows.toString()));
        double most = 0;
        while (!slow.isDone()) {
            most = Math.max(most, Scrape.of(http).sum("kiln_http_requests_in_flight"));
        }
        assertThat(slow.get().status()).isEqualTo(200);
        assertThat(most).isEqualTo(1);
        assertThat(Scrape.of(http).sum("kiln_http_requests_in_flight")).isZero();
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] out = Arrays.copyOf(labels, labels.length + 2);
        out[labels.length] = name;
        out[labels.length + 1] = value;
        return out;
    }
}
