package dev.kiln.core.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {

    @Test
    void ticksFallOnRoundValuesCoveringTheRange() {
        assertThat(Ticks.of(0, 1, 6)).containsExactly(0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(Ticks.of(3, 97, 6)).containsExactly(0, 20, 40, 60, 80, 100);
        assertThat(Ticks.of(-0.013, 0.042, 6)).startsWith(-0.02).endsWith(0.05);
        double[] flat = Ticks.of(5, 5, 6);
        assertThat(flat[0]).isLessThan(5);
        assertThat(flat[flat.length - 1]).isGreaterThan(5);
        assertThat(Ticks.label(0.6000000000000001, 0.2)).isEqualTo("0.6");
        assertThat(Ticks.label(40, 20)).isEqualTo("40");
    }

    @Test
    void lineChartDrawsOnePolylinePerSeriesInsideThePlot() throws Exception {
        String svg = new LineChart("ROC <curve>", "false positive rate", "true positive rate")
                .series("model A", new double[] {0, 0.1, 1}, new double[] {0, 0.8, 1})
                .series("model B", new double[] {0, 0.5, 1}, new double[] {0, 0.5, 1})
                .range(0, 1, 0, 1).diagonal().toSvg();
        Document doc = parse(svg);
        NodeList lines = doc.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(2);
        for (int i = 0; i < lines.getLength(); i++) {
            for (String point : ((Element) lines.item(i)).getAttribute("points").split(" ")) {
                double x = Double.parseDouble(point.split(",")[0]);
                double y = Double.parseDouble(point.split(",")[1]);
                assertThat(x).isBetween(70.0, 540.0);
                assertThat(y).isBetween(40.0, 365.0);
            }
        }
        assertThat(svg).contains("ROC &lt;curve&gt;").contains("model A").contains("stroke-dasharray");
    }

    @Test
    void faintLinesAreDrawnBeneathTheSeriesWithoutALegendEntry() throws Exception {
        String svg = new LineChart("PDP", "x", "y")
                .faintLine(new double[] {0, 1}, new double[] {5, 6})
                .series("", new double[] {0, 1}, new double[] {1, 2}).toSvg();
        NodeList lines = parse(svg).getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(2);
        assertThat(((Element) lines.item(0)).getAttribute("stroke")).isEqualTo("#c8c8c8");
        String firstPoint = ((Element) lines.item(0)).getAttribute("points").split(" ")[0];
        assertThat(Double.parseDouble(firstPoint.split(",")[1])).as("y = 5 lies inside the plot").isBetween(40.0, 365.0);
        assertThat(svg).as("no legend box").doesNotContain("stroke=\"#ccc\"");
    }

    @Test
    void scatterChartDrawsEveryFinitePointInItsGroupColour() throws Exception {
        String svg = new ScatterChart("Residuals", "predicted", "residual")
                .points("", new double[] {1, 2, 3, Double.NaN}, new double[] {0.5, -0.5, 0.1, 1})
                .referenceLine(0).toSvg();
        assertThat(parse(svg).getElementsByTagName("circle").getLength()).isEqualTo(3);
        String grouped = new ScatterChart("Embedding", "x", "y")
                .points(new double[] {0, 1, 2}, new double[] {0, 1, 2}, new String[] {"a", "b", "a"}).toSvg();
        Document doc = parse(grouped);
        NodeList circles = doc.getElementsByTagName("circle");
        assertThat(((Element) circles.item(0)).getAttribute("fill")).isEqualTo(Palette.categorical(0));
        assertThat(((Element) circles.item(2)).getAttribute("fill")).isEqualTo(Palette.categorical(1));
    }

    @Test
    void heatmapHasACellPerValueWithTheValueWritten() throws Exception {
        Heatmap h = new Heatmap("Confusion matrix", "true", "predicted", new String[] {"cat", "dog"},
                new String[] {"cat", "dog"}, new double[][] {{50, 2}, {7, 41}});
        Document doc = parse(h.toSvg());
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1 + 4);
        String svg = h.toSvg();
        assertThat(svg).contains(">50<").contains(">2<").contains(">7<").contains(">41<");
        assertThatThrownBy(() -> new Heatmap("x", "r", "c", new String[] {"a"}, new String[] {"a", "b"}, new double[][] {{1}}))
                .hasMessageContaining("2 column labels for a row of 1");
    }

    @Test
    void barChartOrdersByMagnitudeAndKeepsTheLargest() throws Exception {
        BarChart b = new BarChart("Importances", "importance").bar("a", 0.1).bar("b", -0.7).bar("c", 0.4).largest(2);
        String svg = b.toSvg();
        assertThat(svg.indexOf(">b<")).isLessThan(svg.indexOf(">c<"));
        assertThat(svg).doesNotContain(">a<");
        assertThat(parse(svg).getElementsByTagName("rect").getLength()).isEqualTo(1 + 2);
    }

    @Test
    void writesSvgFilesThatParse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roc.svg");
        new LineChart("t", "x", "y").series("s", new double[] {0, 1}, new double[] {0, 1}).writeSvg(file);
        assertThat(parse(Files.readString(file)).getDocumentElement().getTagName()).isEqualTo("svg");
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
