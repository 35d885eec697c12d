package dev.kiln.explain.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiasAuditReportTest {

    @Test
    void theReportIsOneFileWithInlineChartsTablesAndTheTradeOff(@TempDir Path dir) throws Exception {
        AuditResult before = FairnessAuditTest.synthetic(200, 100, 1, 2);
        AuditResult after = FairnessAuditTest.synthetic(200, 0, 3, 2);
        MitigationOutcome m = new MitigationOutcome("threshold-dp", "Group thresholds.", before, after, List.of("A caveat."));
        Path file = BiasAuditReport.of("Audit", Map.of("model", "m"), before, m).writeFile(dir.resolve("audit.html"));
        assertThat(Files.list(dir)).containsExactly(file);
        String html = Files.readString(file);
        assertThat(html).contains("<svg", "selection_rate by group", "Reliability by group", "demographic_parity_difference",
                "Mitigation: threshold-dp", "A caveat.", "95 % interval", "g=a");
        // 3 bar charts with error bars: each interval is a horizontal line with two end ticks
        assertThat(html.split("<svg", -1)).hasSize(1 + 3 + 1 + 1);
        assertThat(html).contains(before.failed().isEmpty() ? "checks passed" : "checks failed");
    }
}
