package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln audit} on german_credit with a logistic regression trained once. */
class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MEASURES = List.of("demographic_parity_difference", "demographic_parity_ratio",
            "disparate_impact", "equal_opportunity_difference", "equalized_odds_difference", "average_odds_difference", "theil_index");

    @TempDir
    static Path dir;
    static String model;
    static String data;

    @BeforeAll
    static void train() throws Exception {
        data = ClassificationCommandsTest.credit().toString();
        model = dir.resolve("credit-model").toString();
        CliRun run = CliRun.of("train", "--data", data, "--target", "class", "--model", "logistic-regression", "--out", model);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static CliRun audit(String... args) {
        List<String> all = new ArrayList<>(List.of("audit", "--model", model, "--data", data));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void jsonHoldsTheMeasuresTheGroupsAndTheVerdict() throws Exception {
        CliRun run = audit("--sensitive", "foreign_worker", "--n-boot", "200", "--json");
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("positive_label").asText()).isEqualTo("good");
        assertThat(r.path("sensitive").get(0).path("column").asText()).isEqualTo("foreign_worker");
        JsonNode groups = r.path("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).path("group").asText()).isEqualTo("foreign_worker=no");
        assertThat(groups.get(0).path("count").asInt() + groups.get(1).path("count").asInt()).isEqualTo(1000);
        for (String m : MEASURES) {
            assertThat(r.path(m).has("value") && r.path(m).has("threshold") && r.path(m).has("passed")).as(m).isTrue();
        }
        double sr0 = groups.get(0).path("selection_rate").asDouble();
        double sr1 = groups.get(1).path("selection_rate").asDouble();
        assertThat(r.path("demographic_parity_difference").path("value").asDouble()).isCloseTo(Math.abs(sr0 - sr1), within(1e-12));
        assertThat(r.path("disparate_impact").path("value").asDouble()).isCloseTo(Math.min(sr0, sr1) / Math.max(sr0, sr1), within(1e-12));
        assertThat(r.path("privileged_group").asText()).isEqualTo(sr0 > sr1 ? "foreign_worker=no" : "foreign_worker=yes");
        JsonNode ci = groups.get(1).path("selection_rate_ci");
        assertThat(ci.get(0).asDouble()).isLessThanOrEqualTo(sr1);
        assertThat(ci.get(1).asDouble()).isGreaterThanOrEqualTo(sr1);
        assertThat(groups.get(1).path("calibration_curve").size()).isPositive();
        boolean anyFailed = MEASURES.stream().anyMatch(m -> !r.path(m).path("passed").asBoolean());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(anyFailed ? 1 : 0);
        assertThat(r.path("passed").asBoolean()).isEqualTo(!anyFailed);
    }

    @Test
    void exitsZeroWhenEveryMeasureMeetsItsThreshold() {
        CliRun run = audit("--sensitive", "foreign_worker", "--n-boot", "0", "--threshold", "demographic_parity_difference=1",
                "--threshold", "demographic_parity_ratio=0", "--threshold", "disparate_impact=0", "--threshold",
                "equal_opportunity_difference=1", "--threshold", "equalized_odds_difference=1", "--threshold",
                "average_odds_difference=1", "--threshold", "theil_index=5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("all 7 checks passed", "disparate_impact");
        CliRun strict = audit("--sensitive", "foreign_worker", "--n-boot", "0", "--threshold", "theil_index=0");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("FAIL");
    }

    @Test
    void intersectionsBinsThePrivilegedGroupAndTheReport() throws Exception {
        Path report = dir.resolve("audit.html");
        CliRun run = audit("--sensitive", "foreign_worker,age:25", "--privileged", "foreign_worker=no,age=>=25", "--n-boot", "100",
                "--report", report.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("privileged_group").asText()).isEqualTo("foreign_worker=no, age=>=25");
        assertThat(r.path("privileged_rule").asText()).isEqualTo("given");
        assertThat(r.path("sensitive").get(1).path("bins").toString()).isEqualTo("[\"<25\",\">=25\"]");
        List<String> names = new ArrayList<>();
        r.path("groups").forEach(g -> names.add(g.path("group").asText()));
        assertThat(names).containsExactly("foreign_worker=no, age=<25", "foreign_worker=no, age=>=25",
                "foreign_worker=yes, age=<25", "foreign_worker=yes, age=>=25");
        assertThat(r.path("disparate_impact").path("by_group").size()).isEqualTo(3);
        String html = Files.readString(report);
        assertThat(html).contains("<svg", "Reliability by group", "foreign_worker=yes, age=&lt;25");
    }

    @Test
    void thresholdMitigationReportsTheTradeOff() throws Exception {
        CliRun run = audit("--sensitive", "foreign_worker", "--n-boot", "0", "--mitigate", "threshold-dp", "--json");
        JsonNode m = JSON.readTree(run.out()).path("mitigation");
        assertThat(m.path("method").asText()).isEqualTo("threshold-dp");
        assertThat(m.path("after").path("demographic_parity_difference").asDouble()).isLessThan(0.02);
        assertThat(m.path("before").path("accuracy").asDouble()).isBetween(0.6, 0.9);
        assertThat(m.path("after").path("accuracy").asDouble()).isBetween(0.6, 0.9);
        assertThat(m.path("accuracy_change").asDouble())
                .isCloseTo(m.path("after").path("accuracy").asDouble() - m.path("before").path("accuracy").asDouble(), within(1e-12));
        assertThat(m.path("thresholds").has("foreign_worker=yes")).isTrue();
    }

    @Test
    void reweighingRefitsOnTheTrainingRows() throws Exception {
        CliRun missing = audit("--sensitive", "foreign_worker", "--mitigate", "reweighing");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--train FILE");
        CliRun run = audit("--sensitive", "foreign_worker", "--n-boot", "0", "--mitigate", "reweighing", "--train", data, "--json");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        JsonNode m = JSON.readTree(run.out()).path("mitigation");
        assertThat(m.path("refitted_model").asText()).isEqualTo("logistic-regression");
        assertThat(m.path("weights")).hasSize(4);
        // the weighted counts of each cell are n_a n_y / n: weight × rows summed over a group's cells is its size
        double total = 0;
        for (JsonNode cell : m.path("weights")) {
            total += cell.path("weight").asDouble() * cell.path("rows").asInt();
        }
        assertThat(total).isCloseTo(1000, within(1e-9));
    }

    @Test
    void badInputExitsTwoAndSaysWhy() {
        CliRun unknown = audit("--sensitive", "gender");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("gender", "personal_status");
        CliRun multiclass = audit("--sensitive", "foreign_worker", "--target", "personal_status");
        assertThat(multiclass.exitCode()).isEqualTo(2);
        assertThat(multiclass.err()).contains("binary labels", "4 classes");
        CliRun emptyBin = audit("--sensitive", "age:100");
        assertThat(emptyBin.exitCode()).isEqualTo(2);
        assertThat(emptyBin.err()).contains("the bin >=100 has no rows");
        CliRun unbinned = audit("--sensitive", "age");
        assertThat(unbinned.exitCode()).isEqualTo(2);
        assertThat(unbinned.err()).contains("age:q4");
        CliRun noGroup = audit("--sensitive", "foreign_worker", "--privileged", "foreign_worker=maybe");
        assertThat(noGroup.exitCode()).isEqualTo(2);
        assertThat(noGroup.err()).contains("no rows belong to the group foreign_worker=maybe", "foreign_worker=yes");
        CliRun badMeasure = audit("--sensitive", "foreign_worker", "--threshold", "fairness=1");
        assertThat(badMeasure.exitCode()).isEqualTo(2);
        assertThat(badMeasure.err()).contains("theil_index");
        CliRun badMethod = audit("--sensitive", "foreign_worker", "--mitigate", "magic", "--n-boot", "0");
        assertThat(badMethod.exitCode()).isEqualTo(2);
        assertThat(badMethod.err()).contains("threshold-eo");
    }
}
