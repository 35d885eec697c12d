package dev.kiln.explain.report;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.importance.PartialDependence;
import dev.kiln.explain.importance.PermutationImportance;
import dev.kiln.explain.kernel.RowFunctionModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReportTest {
    private static final List<String> FEATURES = List.of("age", "income", "city", "tenure", "score");

    /** A SHAP-like explanation: base 0.3, contributions adding up to the prediction. */
    private static final Explanation ONE = new Explanation("kernel", Explanation.Output.PROBABILITY, "yes", 0.3, 0.3 + 0.25 - 0.1 + 0.05 - 0.02 + 0.01,
            FEATURES, new double[] {0.25, -0.1, 0.05, -0.02, 0.01});

    private static final Frame ROW = Frame.of(DoubleColumn.of("age", 41), DoubleColumn.of("income", 52000),
            CategoricalColumn.of("city", "Oslo"), DoubleColumn.of("tenure", 3), DoubleColumn.of("score", 0.7));

    @Test
    void waterfallBarsSumToPredictionMinusBase() throws Exception {
        WaterfallChart chart = new WaterfallChart(ONE, ROW, 10);
        List<WaterfallChart.Bar> bars = chart.bars();
        assertThat(bars).hasSize(5);
        assertThat(bars.get(0).label()).isEqualTo("age = 41");
        assertThat(bars.stream().mapToDouble(WaterfallChart.Bar::value).sum()).isCloseTo(ONE.prediction() - ONE.baseValue(), within(1e-12));
        assertThat(bars.get(0).end()).isCloseTo(ONE.prediction(), within(1e-12));
        assertThat(bars.get(bars.size() - 1).start()).isEqualTo(ONE.baseValue());

        Document svg = parse(chart.toSvg());
        double signed = 0;
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            double w = Double.parseDouble(r.getAttribute("width").replace("%", ""));
            if (r.getAttribute("fill").equals(Contributions.POSITIVE)) {
                signed += w;
            } else if (r.getAttribute("fill").equals(Contributions.NEGATIVE)) {
                signed -= w;
            }
        }
        List<Double> dashed = new ArrayList<>();
        NodeList lines = svg.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            if (l.hasAttribute("stroke-dasharray")) {
                dashed.add(Double.parseDouble(l.getAttribute("x1")));
            }
        }
        // The dashed lines mark the base value and the prediction; the bars' signed widths span the gap.
        assertThat(dashed).hasSize(2);
        assertThat(signed).isCloseTo(dashed.get(1) - dashed.get(0), within(0.06));
    }

    @Test
    void waterfallFoldsSmallFeaturesIntoOneBar() {
        List<WaterfallChart.Bar> bars = new WaterfallChart(ONE, null, 3).bars();
        assertThat(bars).extracting(WaterfallChart.Bar::label).containsExactly("age", "income", "3 other features");
        assertThat(bars.get(2).value()).isCloseTo(0.05 - 0.02 + 0.01, within(1e-12));
        assertThat(bars.get(0).end()).isCloseTo(ONE.prediction(), within(1e-12));
    }

    @Test
    void forcePlotStacksMeetAtThePrediction() throws Exception {
        ForceChart chart = new ForceChart(ONE, ROW, 10);
        double up = 0;
        double down = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (ForceChart.Segment s : chart.segments()) {
            assertThat(s.to() - s.from()).isCloseTo(Math.abs(s.value()), within(1e-12));
            lowest = Math.min(lowest, s.from());
            highest = Math.max(highest, s.to());
            if (s.value() > 0) {
                up += s.value();
            } else {
                down -= s.value();
            }
        }
        assertThat(lowest).isCloseTo(ONE.prediction() - up, within(1e-12));
        assertThat(highest).isCloseTo(ONE.prediction() + down, within(1e-12));
        assertThat(up - down).isCloseTo(ONE.prediction() - ONE.baseValue(), within(1e-12));
        assertThat(parse(chart.toSvg()).getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(5);
    }

    private static List<Explanation> many(int n) {
        Rng rng = Rng.seeded(2);
        List<Explanation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = {rng.nextGaussian() * 0.3, rng.nextGaussian() * 0.1, rng.nextGaussian() * 0.05, rng.nextGaussian() * 0.01,
                rng.nextGaussian() * 0.2};
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            out.add(new Explanation("kernel", Explanation.Output.VALUE, null, 1, 1 + sum, FEATURES, v));
        }
        return out;
    }

    private static Frame manyRows(int n) {
        Rng rng = Rng.seeded(3);
        double[][] cols = new double[4][n];
        String[] city = new String[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                cols[j][i] = rng.nextGaussian();
            }
            city[i] = i % 2 == 0 ? "Oslo" : "Bergen";
        }
        return Frame.of(DoubleColumn.of("age", cols[0]), DoubleColumn.of("income", cols[1]), CategoricalColumn.of("city", city),
                DoubleColumn.of("tenure", cols[2]), DoubleColumn.of("score", cols[3]));
    }

    @Test
    void beeswarmDrawsOnePointPerRowAndFeatureOrderedByImportance() throws Exception {
        List<Explanation> explanations = many(40);
        BeeswarmChart chart = new BeeswarmChart(explanations, manyRows(40), 20);
        assertThat(chart.features()).containsExactly("age", "score", "income", "city", "tenure");
        Document svg = parse(chart.toSvg());
        NodeList circles = svg.getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(40 * 5);
        assertThat(new BeeswarmChart(explanations, null, 2).features()).containsExactly("age", "score");
        double[] offsets = BeeswarmChart.swarm(new double[] {10, 10, 10, 50}, 3, 14);
        assertThat(offsets[0]).isZero();
        assertThat(offsets[1]).isEqualTo(-offsets[2]).isNotZero();
        assertThat(offsets[3]).isZero();
        assertThat(BeeswarmChart.blend(0)).isEqualTo("#008bfb");
        assertThat(BeeswarmChart.blend(1)).isEqualTo("#ff0051");
    }

    @Test
    void chartsAreWrittenAsSvgOrPngByExtension(@TempDir Path dir) throws Exception {
        List<dev.kiln.core.plot.Chart> charts = List.of(new WaterfallChart(ONE, ROW, 10), new ForceChart(ONE, ROW, 10),
                new BeeswarmChart(many(30), manyRows(30), 20), new ImportanceChart("Importance",
                        dev.kiln.explain.importance.MeanAbsoluteShap.of(many(30)), 10), new PartialDependenceChart(curve(), 20));
        for (int i = 0; i < charts.size(); i++) {
            Path svg = dir.resolve("chart" + i + ".svg");
            Path png = dir.resolve("chart" + i + ".png");
            charts.get(i).write(svg);
            charts.get(i).write(png);
            assertThat(parse(Files.readString(svg)).getDocumentElement().getTagName()).isEqualTo("svg");
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        }
        assertThatThrownBy(() -> charts.get(0).write(dir.resolve("chart.gif"))).hasMessageContaining(".png or .svg");
    }

    private static PartialDependence.Curve curve() {
        Frame x = manyRows(60);
        return new PartialDependence(PartialDependence.Params.defaults()).compute(
                RowFunctionModel.regressor(x.schema(), (f, i) -> 2 * f.column("age").getDouble(i) + f.column("score").getDouble(i)), x, "age");
    }

    @Test
    void singleExplanationReportStandsAloneWithEveryFeature(@TempDir Path dir) throws Exception {
        Path file = new ExplanationReport("Why <this> prediction", List.of(ONE), ROW).note("A test model").write(dir.resolve("one.html"));
        String html = Files.readString(file);
        for (String feature : FEATURES) {
            assertThat(html).contains("<td>" + feature + "</td>");
        }
        assertThat(html).contains("Why &lt;this&gt; prediction", "A test model", "Oslo").doesNotContain("<img");
        List<String> svgs = svgs(html);
        assertThat(svgs).hasSize(2);
        for (String svg : svgs) {
            parse(svg);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void manyExplanationsGiveSummaryPdpAndPermutationSections(@TempDir Path dir) throws Exception {
        Frame rows = manyRows(50);
        Frame target = Frame.of(DoubleColumn.of("y", rows.column("age").toDoubles()));
        PermutationImportance.Result permutation = new PermutationImportance(PermutationImportance.Params.defaults().withNRepeats(2))
                .compute(RowFunctionModel.regressor(rows.schema(), (f, i) -> f.column("age").getDouble(i)), rows, target.column("y"));
        Path file = new ExplanationReport("Many", many(50), rows).partialDependence(curve()).permutationImportance(permutation)
                .write(dir.resolve("many.html"));
        String html = Files.readString(file);
        for (String feature : FEATURES) {
            assertThat(html).contains("<td>" + feature + "</td>");
        }
        assertThat(html).contains("50 predictions", "Partial dependence on age", "Permutation importance", "drop in r2");
        List<String> svgs = svgs(html);
        assertThat(svgs).hasSize(4);
        for (String svg : svgs) {
            parse(svg);
        }
    }

    private static List<String> svgs(String html) {
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
