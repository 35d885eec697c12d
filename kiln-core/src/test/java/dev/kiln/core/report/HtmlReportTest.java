package dev.kiln.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.plot.BarChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void writesThePageAndItsFiguresEscapingText(@TempDir Path dir) throws Exception {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 0.953333333333);
        metrics.put("rows", 150);
        Path page = new HtmlReport("Model <report>")
                .paragraph("Fitted on a & b")
                .keyValues(metrics)
                .table(List.of("class", "f1"), List.of(List.of("setosa", 1.0), List.of("versicolor", 0.9)))
                .figure("importance.svg", new BarChart("Importances", "score").bar("x", 1), "Feature importance")
                .write(dir);
        String html = Files.readString(page);
        assertThat(page.getFileName().toString()).isEqualTo("index.html");
        assertThat(html).contains("<title>Model &lt;report&gt;</title>", "Fitted on a &amp; b", "<td>0.953333</td>",
                "<td>150</td>", "<img src=\"importance.svg\"", "<td>setosa</td>");
        assertThat(Files.readString(dir.resolve("importance.svg"))).startsWith("<svg");
        assertThatThrownBy(() -> new HtmlReport("x").figure("../up.svg", new BarChart("t", "v"), "c"))
                .hasMessageContaining("plain names ending in .svg");
    }

    @Test
    void inlineFiguresMakeAPageThatStandsAlone(@TempDir Path dir) throws Exception {
        Path file = new HtmlReport("Alone")
                .inlineFigure(new BarChart("Importances", "score").bar("x", 1), "Feature importance")
                .writeFile(dir.resolve("sub/report.html"));
        String html = Files.readString(file);
        assertThat(html).contains("<figure><svg xmlns=\"http://www.w3.org/2000/svg\"", "<figcaption>Feature importance</figcaption>");
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files.toList()).containsExactly(file);
        }
        HtmlReport withFile = new HtmlReport("Files").figure("a.svg", new BarChart("A", "a").bar("x", 1), "A");
        assertThatThrownBy(() -> withFile.writeFile(dir.resolve("x.html"))).hasMessageContaining("charts saved as separate files");
    }
}
