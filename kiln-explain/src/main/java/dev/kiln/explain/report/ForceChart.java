package dev.kiln.explain.report;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.plot.Canvas;
import dev.kiln.core.plot.Chart;
import dev.kiln.explain.Explanation;

import java.util.ArrayList;
import java.util.List;

/**
 * One prediction as a force plot, after shap's {@code plots.force}: on a single axis, the
 * features pushing the output up (red) are stacked left of the prediction and those pushing it
 * down (blue) right of it, each segment as wide as its contribution, so the two stacks meet at
 * f(x); the base value is marked above them.
 */
public final class ForceChart implements Chart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 200;
    private static final double LEFT = 30;
    private static final double RIGHT = 30;
    private static final double BAND_TOP = 70;
    private static final double BAND = 28;

    /** One feature's segment, from {@code from} to {@code to} on the output axis (|to − from| = |value|). */
    public record Segment(String label, double value, double from, double to) {
    }

    private final Explanation explanation;
    private final List<Segment> segments;

    /** The force plot of {@code explanation}; {@code row} (one row, or null) supplies the labels' values. */
    public ForceChart(Explanation explanation, Frame row, int maxFeatures) {
        this.explanation = explanation;
        List<Contributions.Part> parts = Contributions.largest(explanation, row, maxFeatures);
        List<Segment> s = new ArrayList<>();
        double up = explanation.prediction();
        double down = explanation.prediction();
        for (Contributions.Part p : parts) {
            if (p.value() >= 0) {
                s.add(new Segment(p.label(), p.value(), up - p.value(), up));
                up -= p.value();
            } else {
                s.add(new Segment(p.label(), p.value(), down, down - p.value()));
                down -= p.value();
            }
        }
        this.segments = List.copyOf(s);
    }

    public List<Segment> segments() {
        return segments;
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
        double min = Math.min(explanation.baseValue(), explanation.prediction());
        double max = Math.max(explanation.baseValue(), explanation.prediction());
        for (Segment s : segments) {
            min = Math.min(min, s.from());
            max = Math.max(max, s.to());
        }
        ValueAxis axis = new ValueAxis(min, max, LEFT, WIDTH - RIGHT);
        canvas.text(WIDTH / 2.0, 22, "Forces on this prediction (" + explanation.method() + ")", 15, "middle", "#222", 0, true);
        axis.draw(canvas, BAND_TOP - 20, BAND_TOP + BAND + 50, Contributions.outputName(explanation));
        int labelled = 0;
        for (Segment s : segments) {
            double x0 = axis.px(s.from());
            double x1 = axis.px(s.to());
            String colour = s.value() >= 0 ? Contributions.POSITIVE : Contributions.NEGATIVE;
            canvas.rect(x0, BAND_TOP, Math.max(x1 - x0, 0.5), BAND, colour, "#ffffff");
            if (x1 - x0 >= 36 || labelled < 3) {
                double y = BAND_TOP + BAND + 14 + (labelled % 2) * 12;
                canvas.text((x0 + x1) / 2, y, s.label(), 10, "middle", colour, 0, false);
                labelled++;
            }
        }
        double p = axis.px(explanation.prediction());
        canvas.line(p, BAND_TOP - 8, p, BAND_TOP + BAND + 4, "#222222", 2, false);
        canvas.text(p, BAND_TOP - 12, "f(x) = " + ValueAxis.format(explanation.prediction()), 12, "middle", "#222", 0, true);
        double b = axis.px(explanation.baseValue());
        canvas.line(b, BAND_TOP - 24, b, BAND_TOP, "#888888", 1, true);
        canvas.text(b, BAND_TOP - 28, "base value " + ValueAxis.format(explanation.baseValue()), 10, "middle", "#555", 0, false);
        canvas.text(LEFT, 44, "higher ▸", 11, "start", Contributions.POSITIVE, 0, true);
        canvas.text(WIDTH - RIGHT, 44, "◂ lower", 11, "end", Contributions.NEGATIVE, 0, true);
    }
}
