package dev.kiln.core.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines through (x, y) points, one per named series: ROC and precision–recall curves, learning
 * curves, scores against a parameter.
 */
public final class LineChart implements Chart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();
    private final List<double[][]> faint = new ArrayList<>();
    private double[] xRange;
    private double[] yRange;
    private boolean diagonal;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series; x and y must have the same length. */
    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        names.add(name);
        xs.add(x.clone());
        ys.add(y.clone());
        return this;
    }

    /**
     * Adds a thin grey line without a legend entry, drawn beneath the series: the individual
     * curves under an average (ICE curves under a partial dependence line).
     */
    public LineChart faintLine(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("faint line: " + x.length + " x values but " + y.length + " y values");
        }
        faint.add(new double[][] {x.clone(), y.clone()});
        return this;
    }

    /** Fixes the axes to [xMin, xMax] × [yMin, yMax] instead of fitting the data. */
    public LineChart range(double xMin, double xMax, double yMin, double yMax) {
        xRange = new double[] {xMin, xMax};
        yRange = new double[] {yMin, yMax};
        return this;
    }

    /** Draws the dashed line y = x (the chance line of a ROC curve). */
    public LineChart diagonal() {
        diagonal = true;
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
        List<double[]> allX = new ArrayList<>(xs);
        List<double[]> allY = new ArrayList<>(ys);
        for (double[][] line : faint) {
            allX.add(line[0]);
            allY.add(line[1]);
        }
        double[] bx = xRange != null ? xRange : bounds(allX);
        double[] by = yRange != null ? yRange : bounds(allY);
        PlotArea area = new PlotArea(bx[0], bx[1], by[0], by[1], xRange != null, yRange != null);
        area.drawFrame(svg, title, xLabel, yLabel);
        if (diagonal) {
            double lo = Math.max(area.xMin(), area.yMin());
            double hi = Math.min(area.xMax(), area.yMax());
            svg.line(area.px(lo), area.py(lo), area.px(hi), area.py(hi), "#999", 1, true);
        }
        for (double[][] line : faint) {
            double[] px = new double[line[0].length];
            double[] py = new double[line[0].length];
            for (int i = 0; i < px.length; i++) {
                px[i] = area.px(line[0][i]);
                py[i] = area.py(line[1][i]);
            }
            svg.polyline(px, py, "#c8c8c8", 0.8);
        }
        List<String> colors = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            double[] x = xs.get(s);
            double[] y = ys.get(s);
            double[] px = new double[x.length];
            double[] py = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                px[i] = area.px(x[i]);
                py[i] = area.py(y[i]);
            }
            String color = Palette.categorical(s);
            colors.add(color);
            svg.polyline(px, py, color, 2);
        }
        area.drawLegend(svg, names, colors);
    }

    static double[] bounds(List<double[]> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        return new double[] {lo, hi};
    }
}
