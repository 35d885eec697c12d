package dev.kiln.monitor.drift;

import dev.kiln.core.plot.Canvas;
import dev.kiln.core.plot.Chart;
import dev.kiln.core.plot.Palette;
import java.util.Locale;

/**
 * A column's reference and current distributions on the same bins: for binned numbers the
 * reference as filled bars with the current data's histogram drawn over it as a step line, for
 * distinct values the two shares side by side.
 */
public final class DistributionChart implements Chart {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 320;
    private static final double LEFT = 60;
    private static final double RIGHT = 20;
    private static final double TOP = 40;
    private static final double BOTTOM = 70;

    private final String title;
    private final Histogram histogram;

    public DistributionChart(String title, Histogram histogram) {
        this.title = title;
        this.histogram = histogram;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    @Override
    public void draw(Canvas canvas) {
        double[] ref = histogram.reference();
        double[] cur = histogram.current();
        int bins = ref.length;
        double top = 0;
        for (int i = 0; i < bins; i++) {
            top = Math.max(top, Math.max(ref[i], cur[i]));
        }
        double step = niceStep(top > 0 ? top / 4 : 0.25);
        double yMax = Math.ceil(top / step) * step;
        if (yMax <= 0) {
            yMax = step;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double base = HEIGHT - BOTTOM;
        double scale = plotH / yMax;
        canvas.text(WIDTH / 2.0, 24, title, 15, "middle", "#222", 0, true);
        for (double t = 0; t <= yMax + step / 2; t += step) {
            double y = base - t * scale;
            canvas.line(LEFT, y, WIDTH - RIGHT, y, "#e6e6e6", 1, false);
            canvas.text(LEFT - 6, y + 4, String.format(Locale.ROOT, "%.0f%%", t * 100), 11, "end", "#555", 0, false);
        }
        double slot = plotW / bins;
        String refColour = Palette.categorical(0);
        String curColour = Palette.categorical(1);
        if (histogram.isBinned()) {
            double[] xs = new double[2 * bins];
            double[] ys = new double[2 * bins];
            for (int i = 0; i < bins; i++) {
                double x = LEFT + i * slot;
                canvas.rect(x + 0.5, base - ref[i] * scale, slot - 1, ref[i] * scale, "#a6c4e0", null);
                xs[2 * i] = x;
                xs[2 * i + 1] = x + slot;
                ys[2 * i] = base - cur[i] * scale;
                ys[2 * i + 1] = base - cur[i] * scale;
            }
            canvas.polyline(xs, ys, curColour, 2.5);
            double[] edges = histogram.edges();
            int every = Math.max(1, (int) Math.ceil(bins / 6.0));
            for (int i = 0; i <= bins; i += every) {
                canvas.text(LEFT + i * slot, base + 16, shortNumber(edges[i]), 11, "middle", "#555", 0, false);
            }
            refColour = "#a6c4e0";
        } else {
            double bar = slot * 0.4;
            for (int i = 0; i < bins; i++) {
                double x = LEFT + i * slot + slot * 0.1;
                canvas.rect(x, base - ref[i] * scale, bar, ref[i] * scale, refColour, null);
                canvas.rect(x + bar, base - cur[i] * scale, bar, cur[i] * scale, curColour, null);
                String label = histogram.labels().get(i);
                String shown = label.length() > 14 ? label.substring(0, 13) + "…" : label;
                double angle = bins > 6 ? -35 : 0;
                canvas.text(LEFT + (i + 0.5) * slot, base + 16, shown, 11, angle == 0 ? "middle" : "end", "#555", angle, false);
            }
        }
        canvas.rect(LEFT, TOP, plotW, plotH, "none", "#999");
        canvas.text(18, TOP + plotH / 2, "share of rows", 12, "middle", "#333", -90, false);
        double lx = WIDTH - RIGHT - 150;
        canvas.rect(lx, TOP + 8, 12, 10, refColour, null);
        canvas.text(lx + 18, TOP + 17, "reference", 11, "start", "#222", 0, false);
        canvas.rect(lx + 80, TOP + 8, 12, 10, curColour, null);
        canvas.text(lx + 98, TOP + 17, "current", 11, "start", "#222", 0, false);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * magnitude >= raw) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String shortNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
