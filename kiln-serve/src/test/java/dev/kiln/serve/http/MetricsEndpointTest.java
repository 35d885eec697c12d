package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} answers the Prometheus text format with every series docs/serving.md lists. */
class MetricsEndpointTest extends ServedFixtureTest {
    private static final Path DOC = Path.of("..", "docs", "serving.md");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`[^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([a-z_0-9]+)`");

    /** The series names in the first column of the doc's metrics table. */
    private static List<String> documented() throws IOException {
        String doc = Files.readString(DOC);
        int at = doc.indexOf("## Metrics");
        assertThat(at).as("a Metrics section in " + DOC).isNotNegative();
        return TABLE_ROW.matcher(doc.substring(at)).results()
                .flatMap(row -> NAME.matcher(row.group(1)).results().map(name -> name.group(1))).toList();
    }

    /** Whether {@code scrape} has series {@code name}, a histogram's by its {@code _count}. */
    private static boolean serves(Scrape scrape, String name) {
        return scrape.has(name) || scrape.has(name + "_count");
    }

    @Test
    void answersTheTextFormat() {
        Http.Reply r = http.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(r.body()).contains("# TYPE kiln_http_requests_in_flight gauge");
    }

    @Test
    void everyDocumentedSeriesIsServed() throws IOException, InterruptedException {
        http.post("/api/models/fruit/predict", "{\"instances\": [{\"weight\": 150.0, \"seeds\": 3, \"colour\": \"green\"}]}");
        http.post("/api/models/price/predict", "{\"instances\": [[10]]}");
        http.get("/no/such/route");
        List<String> names = documented();
        assertThat(names).contains("kiln_http_requests_seconds", "kiln_predictions_total", "jvm_gc_pause_seconds", "process_uptime_seconds");
        Scrape scrape = Scrape.afterACollection(http);
        assertThat(names).allSatisfy(name -> assertThat(serves(scrape, name)).as(name).isTrue());
        assertThat(scrape.samples().stream().map(s -> s.name().replaceAll("_(bucket|count|sum)$", ""))
                .filter(name -> name.startsWith("kiln_")).distinct())
                .as("every kiln_ series served is documented").allSatisfy(name -> assertThat(names).contains(name));
    }
}
