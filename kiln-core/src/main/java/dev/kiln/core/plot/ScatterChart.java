package dev.kiln.core.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points coloured by group: residuals against predictions, 2-D embeddings (PCA, t-SNE)
 * coloured by class.
 */
public final class ScatterChart implements Chart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<double[]>> groups = new LinkedHashMap<>();
    private Double referenceY;

    public ScatterChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds points of one group (use "" for a single unnamed group). */
    public ScatterChart points(String group, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("group '" + group + "': " + x.length + " x values but " + y.length + " y values");
        }
        List<double[]> list = groups.computeIfAbsent(group, g -> new ArrayList<>());
        for (int i = 0; i < x.length; i++) {
            list.add(new double[] {x[i], y[i]});
        }
        return this;
    }

    /** Adds points whose groups are given per point. */
    public ScatterChart points(double[] x, double[] y, String[] group) {
        for (int i = 0; i < x.length; i++) {
            points(group[i], new double[] {x[i]}, new double[] {y[i]});
        }
        return this;
    }

    /** Draws a horizontal dashed line at {@code y} (zero for residual plots). */
    public ScatterChart referenceLine(double y) {
        referenceY = y;
        return this;
    }

    @Override
    public int width() {
        return PlotArea.WIDTH;
    }

    @Override
    public int height() {
        return PlotArea.HEIGHT;
    }

    @Override
    public void draw(Canvas svg) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (List<double[]> pts : groups.values()) {
            xs.add(pts.stream().mapToDouble(p -> p[0]).toArray());
            ys.add(pts.stream().mapToDouble(p -> p[1]).toArray());
        }
        if (referenceY != null) {
            ys.add(new double[] {referenceY});
        }
        double[] bx = LineChart.bounds(xs);
        double[] by = LineChart.bounds(ys);
        PlotArea area = new PlotArea(bx[0], bx[1], by[0], by[1], false, false);
        area.drawFrame(svg, title, xLabel, yLabel);
        if (referenceY != null) {
            svg.line(area.px(area.xMin()), area.py(referenceY), area.px(area.xMax()), area.py(referenceY), "#777", 1, true);
        }
        int total = groups.values().stream().mapToInt(List::size).sum();
        double radius = total > 2000 ? 1.6 : total > 300 ? 2.4 : 3.2;
        List<String> names = new ArrayList<>(groups.keySet());
        List<String> colors = new ArrayList<>();
        int g = 0;
        for (List<double[]> pts : groups.values()) {
            String color = Palette.categorical(g++);
            colors.add(color);
            for (double[] p : pts) {
                if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                    svg.circle(area.px(p[0]), area.py(p[1]), radius, color, 0.75);
                }
            }
        }
        area.drawLegend(svg, names, colors);
    }
}
