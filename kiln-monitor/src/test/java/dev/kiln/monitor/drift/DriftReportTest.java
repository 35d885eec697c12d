package dev.kiln.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftReportTest {

    @Test
    void singleFileReportInlinesOneChartPerColumn(@TempDir Path dir) throws Exception {
        Rng rng = Rng.seeded(2);
        double[] a = new double[300];
        double[] b = new double[300];
        String[] k = new String[300];
        String[] l = new String[300];
        for (int i = 0; i < 300; i++) {
            a[i] = rng.nextGaussian();
            b[i] = rng.nextGaussian() + 1;
            k[i] = i % 3 == 0 ? "x" : "y";
            l[i] = i % 2 == 0 ? "x" : "z";
        }
        DatasetDrift drift = new DataDrift(DriftSettings.defaults()).compare(
                Frame.of(DoubleColumn.of("num", a), CategoricalColumn.of("cat", k)),
                Frame.of(DoubleColumn.of("num", b), CategoricalColumn.of("cat", l)));
        Path page = new DriftReport(drift, null, "ref.csv", "cur.csv").write(dir.resolve("out/drift.html"));
        String html = Files.readString(page);
        assertThat(html).contains("Data drift: cur.csv against ref.csv").contains("DRIFT").contains("Kolmogorov");
        Matcher m = Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int charts = 0;
        while (m.find()) {
            String svg = new String(Base64.getDecoder().decode(m.group(1)), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(svg).startsWith("<svg").contains("reference").contains("current");
            charts++;
        }
        assertThat(charts).isEqualTo(2);
        assertThat(html).doesNotContain("src=\"column-");

        Path folder = new DriftReport(drift, null, "ref.csv", "cur.csv").write(dir.resolve("report"));
        assertThat(folder.getFileName().toString()).isEqualTo("index.html");
        assertThat(dir.resolve("report/column-0.svg")).exists();
        assertThat(dir.resolve("report/column-1.svg")).exists();
    }

    @Test
    void stepsAreRound() {
        assertThat(DistributionChart.niceStep(0.07)).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(DistributionChart.niceStep(0.012)).isEqualTo(0.02, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(DistributionChart.niceStep(0.25)).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    }
}
