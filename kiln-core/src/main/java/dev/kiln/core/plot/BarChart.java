package dev.kiln.core.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars, one per labelled value, largest first when asked: feature importances,
 * mean |SHAP| values, per-class scores. Negative values extend left of zero.
 */
public final class BarChart implements Chart {
    private final String title;
    private final String valueLabel;
    private final List<String> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<double[]> intervals = new ArrayList<>();

    public BarChart(String title, String valueLabel) {
        this.title = title;
        this.valueLabel = valueLabel;
    }

    public BarChart bar(String label, double value) {
        labels.add(label);
        values.add(value);
        intervals.add(null);
        return this;
    }

    /** A bar with an error bar from {@code low} to {@code high} (a confidence interval); NaN bounds draw none. */
    public BarChart bar(String label, double value, double low, double high) {
        labels.add(label);
        values.add(value);
        intervals.add(Double.isNaN(low) || Double.isNaN(high) ? null : new double[] {low, high});
        return this;
    }

    /** Orders the bars by decreasing absolute value and keeps the first {@code limit}. */
    public BarChart largest(int limit) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(Math.abs(values.get(b)), Math.abs(values.get(a))));
        List<String> l = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        List<double[]> e = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, order.size()); i++) {
            l.add(labels.get(order.get(i)));
            v.add(values.get(order.get(i)));
            e.add(intervals.get(order.get(i)));
        }
        labels.clear();
        labels.addAll(l);
        values.clear();
        values.addAll(v);
        intervals.clear();
        intervals.addAll(e);
        return this;
    }

    private static final int WIDTH = 640;
    private static final double TOP = 44;
    private static final double BAR = 18;
    private static final double GAP = 6;

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return (int) (TOP + labels.size() * (BAR + GAP) + 50);
    }

    @Override
    public void draw(Canvas svg) {
        int n = labels.size();
        int longest = labels.stream().mapToInt(String::length).max().orElse(4);
        double left = Math.min(260, 16 + longest * 6.6);
        double right = 70;
        double lo = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double hi = Math.max(0, values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        for (double[] e : intervals) {
            if (e != null) {
                lo = Math.min(lo, e[0]);
                hi = Math.max(hi, e[1]);
            }
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double scale = (WIDTH - left - right) / (hi - lo);
        double zero = left + (0 - lo) * scale;
        svg.text(WIDTH / 2.0, 24, title, 15, "middle", "#222", 0, true);
        for (int i = 0; i < n; i++) {
            double y = TOP + i * (BAR + GAP);
            double v = values.get(i);
            double x = v >= 0 ? zero : zero + v * scale;
            svg.rect(x, y, Math.abs(v) * scale, BAR, v >= 0 ? Palette.categorical(0) : Palette.categorical(2), null);
            svg.text(left - 6, y + BAR - 5, labels.get(i), 11, "end", "#222", 0, false);
            String shown = Ticks.label(v, Math.abs(v) / 1000 + 1e-12);
            double labelX = v >= 0 ? zero + v * scale + 4 : zero + 4;
            double[] e = intervals.get(i);
            if (e != null) {
                double x0 = zero + e[0] * scale;
                double x1 = zero + e[1] * scale;
                double mid = y + BAR / 2;
                svg.line(x0, mid, x1, mid, "#222", 1.2, false);
                svg.line(x0, mid - 5, x0, mid + 5, "#222", 1.2, false);
                svg.line(x1, mid - 5, x1, mid + 5, "#222", 1.2, false);
                labelX = Math.max(labelX, x1 + 4);
            }
            svg.text(labelX, y + BAR - 5, shown, 10, "start", "#555", 0, false);
        }
        svg.line(zero, TOP - 4, zero, TOP + n * (BAR + GAP), "#999", 1, false);
        svg.text((left + WIDTH - right) / 2, height() - 16, valueLabel, 12, "middle", "#333", 0, false);
    }
}
