package dev.kiln.core.plot;

import java.util.List;

/**
 * The frame of an x/y chart: margins, linear scales from data to pixels, grid lines, tick
 * labels, axis titles, the chart title and a legend.
 */
final class PlotArea {
    static final int WIDTH = 560;
    static final int HEIGHT = 420;
    private static final double LEFT = 70;
    private static final double RIGHT = 20;
    private static final double TOP = 40;
    private static final double BOTTOM = 55;

    private final double[] xTicks;
    private final double[] yTicks;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;

    /** A plot area covering the data ranges, widened to round tick values unless the range is fixed. */
    PlotArea(double xMin, double xMax, double yMin, double yMax, boolean fixedX, boolean fixedY) {
        xTicks = fixedX ? fixedTicks(xMin, xMax) : Ticks.of(xMin, xMax, 6);
        yTicks = fixedY ? fixedTicks(yMin, yMax) : Ticks.of(yMin, yMax, 6);
        x0 = fixedX ? xMin : xTicks[0];
        x1 = fixedX ? xMax : xTicks[xTicks.length - 1];
        y0 = fixedY ? yMin : yTicks[0];
        y1 = fixedY ? yMax : yTicks[yTicks.length - 1];
    }

    double px(double x) {
        return LEFT + (x - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
    }

    double py(double y) {
        return HEIGHT - BOTTOM - (y - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
    }

    double yMin() {
        return y0;
    }

    double yMax() {
        return y1;
    }

    double xMin() {
        return x0;
    }

    double xMax() {
        return x1;
    }

    void drawFrame(Canvas svg, String title, String xLabel, String yLabel) {
        double xStep = xTicks.length > 1 ? xTicks[1] - xTicks[0] : 1;
        double yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 1;
        for (double t : yTicks) {
            svg.line(LEFT, py(t), WIDTH - RIGHT, py(t), "#e6e6e6", 1, false);
            svg.text(LEFT - 6, py(t) + 4, Ticks.label(t, yStep), 11, "end", "#555", 0, false);
        }
        for (double t : xTicks) {
            svg.line(px(t), TOP, px(t), HEIGHT - BOTTOM, "#f0f0f0", 1, false);
            svg.text(px(t), HEIGHT - BOTTOM + 16, Ticks.label(t, xStep), 11, "middle", "#555", 0, false);
        }
        svg.rect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM, "none", "#999");
        svg.text(WIDTH / 2.0, 24, title, 15, "middle", "#222", 0, true);
        svg.text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 14, xLabel, 12, "middle", "#333", 0, false);
        svg.text(18, (TOP + HEIGHT - BOTTOM) / 2, yLabel, 12, "middle", "#333", -90, false);
    }

    /** A legend in the bottom-right corner of the plot area. */
    void drawLegend(Canvas svg, List<String> names, List<String> colors) {
        if (names.size() < 2 && (names.isEmpty() || names.get(0).isEmpty())) {
            return;
        }
        double lineHeight = 16;
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        double w = 30 + longest * 6.5;
        double h = names.size() * lineHeight + 8;
        double x = WIDTH - RIGHT - w - 8;
        double y = HEIGHT - BOTTOM - h - 8;
        svg.rect(x, y, w, h, "white", "#ccc");
        for (int i = 0; i < names.size(); i++) {
            double ly = y + 12 + i * lineHeight;
            svg.rect(x + 6, ly - 8, 12, 8, colors.get(i), null);
            svg.text(x + 24, ly, names.get(i), 11, "start", "#222", 0, false);
        }
    }

    private static double[] fixedTicks(double min, double max) {
        double[] nice = Ticks.of(min, max, 6);
        return java.util.Arrays.stream(nice).filter(t -> t >= min - 1e-12 && t <= max + 1e-12).toArray();
    }
}
