package dev.kiln.explain.report;

import dev.kiln.core.plot.Canvas;
import dev.kiln.core.plot.Ticks;

/** A horizontal axis of model output or contribution values: a linear scale to pixels with round ticks. */
final class ValueAxis {
    private final double[] ticks;
    private final double lo;
    private final double hi;
    private final double left;
    private final double right;

    /** An axis covering [min, max] (widened to round ticks) drawn between pixels {@code left} and {@code right}. */
    ValueAxis(double min, double max, double left, double right) {
        this.ticks = Ticks.of(min, max, 6);
        this.lo = ticks[0];
        this.hi = ticks[ticks.length - 1];
        this.left = left;
        this.right = right;
    }

    double px(double v) {
        return left + (v - lo) / (hi - lo) * (right - left);
    }

    /** Grid lines from {@code top} to {@code bottom}, tick labels below, and {@code label} under them. */
    void draw(Canvas canvas, double top, double bottom, String label) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        for (double t : ticks) {
            canvas.line(px(t), top, px(t), bottom, "#eeeeee", 1, false);
            canvas.text(px(t), bottom + 16, Ticks.label(t, step), 11, "middle", "#555", 0, false);
        }
        canvas.line(left, bottom, right, bottom, "#999999", 1, false);
        canvas.text((left + right) / 2, bottom + 36, label, 12, "middle", "#333", 0, false);
    }

    /** A short label for a value, with about four significant digits. */
    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? "%.3g" : "%.4g", v)
                .replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }
}
