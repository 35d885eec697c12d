package dev.kiln.explain.report;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.plot.Canvas;
import dev.kiln.core.plot.Chart;
import dev.kiln.explain.Explanation;

import java.util.ArrayList;
import java.util.List;

/**
 * One prediction as a waterfall, as shap's {@code plots.waterfall}: starting from the base value
 * at the bottom, each feature's contribution moves the running total right (red, positive) or
 * left (blue, negative), the largest at the top, where the total reaches the prediction; features
 * beyond the first {@code maxRows − 1} are summed into one bar.
 */
public final class WaterfallChart implements Chart {
    private static final int WIDTH = 720;
    private static final double TOP = 56;
    private static final double ROW = 26;
    private static final double LEFT = 230;
    private static final double RIGHT = 40;

    /** One bar, from the running total before the contribution to the total after it. */
    public record Bar(String label, double start, double end) {
        public double value() {
            return end - start;
        }
    }

    private final Explanation explanation;
    private final List<Bar> bars;

    /** The waterfall of {@code explanation}; {@code row} (one row, or null) supplies the "feature = value" labels. */
    public WaterfallChart(Explanation explanation, Frame row, int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a waterfall needs at least 2 rows, got " + maxRows);
        }
        this.explanation = explanation;
        List<Contributions.Part> parts = Contributions.largest(explanation, row, maxRows);
        double[] starts = new double[parts.size()];
        double total = explanation.baseValue();
        for (int k = parts.size() - 1; k >= 0; k--) {
            starts[k] = total;
            total += parts.get(k).value();
        }
        List<Bar> b = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            b.add(new Bar(parts.get(k).label(), starts[k], starts[k] + parts.get(k).value()));
        }
        this.bars = List.copyOf(b);
    }

    /** The bars from top to bottom. */
    public List<Bar> bars() {
        return bars;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return (int) (TOP + bars.size() * ROW + 70);
    }

    @Override
    public void draw(Canvas canvas) {
        double min = Math.min(explanation.baseValue(), explanation.prediction());
        double max = Math.max(explanation.baseValue(), explanation.prediction());
        for (Bar bar : bars) {
            min = Math.min(min, Math.min(bar.start(), bar.end()));
            max = Math.max(max, Math.max(bar.start(), bar.end()));
        }
        ValueAxis axis = new ValueAxis(min, max, LEFT, WIDTH - RIGHT);
        double bottom = TOP + bars.size() * ROW;
        canvas.text(WIDTH / 2.0, 22, "Why this prediction (" + explanation.method() + ")", 15, "middle", "#222", 0, true);
        axis.draw(canvas, TOP - 10, bottom, Contributions.outputName(explanation));
        double base = axis.px(explanation.baseValue());
        double prediction = axis.px(explanation.prediction());
        canvas.line(base, TOP - 10, base, bottom, "#888888", 1, true);
        canvas.line(prediction, TOP - 10, prediction, bottom, "#888888", 1, true);
        canvas.text(prediction, TOP - 16, "f(x) = " + ValueAxis.format(explanation.prediction()), 11, "middle", "#222", 0, true);
        canvas.text(base, bottom + 52, "E[f(X)] = " + ValueAxis.format(explanation.baseValue()), 11, "middle", "#444", 0, false);
        for (int k = 0; k < bars.size(); k++) {
            Bar bar = bars.get(k);
            double y = TOP + k * ROW + 4;
            double x0 = axis.px(Math.min(bar.start(), bar.end()));
            double x1 = axis.px(Math.max(bar.start(), bar.end()));
            String colour = bar.value() >= 0 ? Contributions.POSITIVE : Contributions.NEGATIVE;
            canvas.rect(x0, y, Math.max(x1 - x0, 0.5), ROW - 8, colour, null);
            canvas.text(LEFT - 8, y + ROW / 2, bar.label(), 11, "end", "#222", 0, false);
            String shown = (bar.value() >= 0 ? "+" : "") + ValueAxis.format(bar.value());
            boolean inside = x1 - x0 > 6.5 * shown.length() + 6;
            if (inside) {
                canvas.text((x0 + x1) / 2, y + ROW / 2 + 1, shown, 10, "middle", "white", 0, false);
            } else {
                canvas.text(x1 + 4, y + ROW / 2 + 1, shown, 10, "start", "#444", 0, false);
            }
            if (k + 1 < bars.size()) {
                double joint = axis.px(bar.start());
                canvas.line(joint, y + ROW - 8, joint, y + ROW + 4, "#bbbbbb", 1, false);
            }
        }
    }
}
