package dev.kiln.explain.report;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.plot.Canvas;
import dev.kiln.core.plot.Chart;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.importance.FeatureRanking;
import dev.kiln.explain.importance.MeanAbsoluteShap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Many explanations at once, as shap's beeswarm summary plot: one row per feature (the largest
 * mean |value| at the top), one point per explained row at its contribution, coloured by the
 * feature's value in that row (blue low, red high, grey when not numeric or unknown). Points that
 * would overlap are spread vertically: they are binned along the axis and each further point in
 * a bin moves alternately above and below the row's centre line.
 */
public final class BeeswarmChart implements Chart {
    private static final int WIDTH = 760;
    private static final double TOP = 50;
    private static final double ROW = 34;
    private static final double LEFT = 200;
    private static final double RIGHT = 90;
    private static final String LOW = "#008bfb";
    private static final String HIGH = "#ff0051";

    private final List<Explanation> explanations;
    private final Frame rows;
    private final List<String> features;
    private final List<Integer> featureIndex;

    /**
     * The summary of {@code explanations} (sharing their features); {@code rows} (the explained
     * rows, in order, or null) colours the points; at most {@code maxFeatures} rows are drawn.
     */
    public BeeswarmChart(List<Explanation> explanations, Frame rows, int maxFeatures) {
        if (rows != null && rows.rowCount() != explanations.size()) {
            throw new IllegalArgumentException(explanations.size() + " explanations but " + rows.rowCount() + " rows to colour them by");
        }
        FeatureRanking ranking = MeanAbsoluteShap.of(explanations).sorted();
        this.explanations = List.copyOf(explanations);
        this.rows = rows;
        this.features = ranking.features().subList(0, Math.min(maxFeatures, ranking.features().size()));
        List<String> all = explanations.get(0).features();
        this.featureIndex = features.stream().map(all::indexOf).toList();
    }

    /** The features drawn, top to bottom. */
    public List<String> features() {
        return features;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return (int) (TOP + features.size() * ROW + 60);
    }

    @Override
    public void draw(Canvas canvas) {
        double min = 0;
        double max = 0;
        for (Explanation e : explanations) {
            for (int j : featureIndex) {
                double v = e.values()[j];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        ValueAxis axis = new ValueAxis(min, max, LEFT, WIDTH - RIGHT);
        double bottom = TOP + features.size() * ROW;
        Explanation first = explanations.get(0);
        canvas.text(WIDTH / 2.0, 24, "Contributions of each feature (" + first.method() + ")", 15, "middle", "#222", 0, true);
        axis.draw(canvas, TOP - 6, bottom, first.method() + " value (impact on " + Contributions.outputName(first) + ")");
        canvas.line(axis.px(0), TOP - 6, axis.px(0), bottom, "#999999", 1, false);
        double radius = explanations.size() > 1000 ? 1.6 : explanations.size() > 200 ? 2.2 : 3.0;
        for (int r = 0; r < features.size(); r++) {
            int j = featureIndex.get(r);
            double centre = TOP + r * ROW + ROW / 2;
            canvas.text(LEFT - 10, centre + 4, features.get(r), 11, "end", "#222", 0, false);
            double[] colourValue = colourScale(features.get(r));
            double[] x = new double[explanations.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = axis.px(explanations.get(i).values()[j]);
            }
            double[] offset = swarm(x, radius, ROW / 2 - radius);
            for (int i = 0; i < x.length; i++) {
                String colour = Double.isNaN(colourValue[i]) ? "#999999" : blend(colourValue[i]);
                canvas.circle(x[i], centre + offset[i], radius, colour, 0.85);
            }
        }
        drawColourBar(canvas, bottom);
    }

    /** Per explained row, the feature's value scaled to [0, 1] by its 5th and 95th percentiles; NaN when unknown. */
    private double[] colourScale(String feature) {
        double[] out = new double[explanations.size()];
        Arrays.fill(out, Double.NaN);
        if (rows == null || !rows.hasColumn(feature)) {
            return out;
        }
        Column c = rows.column(feature);
        double[] v = new double[out.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.isMissing(i) ? Double.NaN : c.type().isNumeric() ? c.getDouble(i)
                    : c instanceof dev.kiln.core.frame.CategoricalColumn cat ? cat.code(i) : Double.NaN;
        }
        double[] sorted = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (sorted.length == 0) {
            return out;
        }
        double lo = sorted[(int) Math.floor(0.05 * (sorted.length - 1))];
        double hi = sorted[(int) Math.ceil(0.95 * (sorted.length - 1))];
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                out[i] = hi > lo ? Math.max(0, Math.min(1, (v[i] - lo) / (hi - lo))) : 0.5;
            }
        }
        return out;
    }

    /** Vertical offsets that keep points in the same bin apart: 0, +d, −d, +2d, …, wrapping back at {@code limit}. */
    static double[] swarm(double[] x, double radius, double limit) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] offset = new double[x.length];
        List<Integer> bin = new ArrayList<>();
        double binStart = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            if (x[i] - binStart > 2 * radius) {
                bin.clear();
                binStart = x[i];
            }
            int k = bin.size();
            double d = limit > 0 ? Math.ceil(k / 2.0) * radius * 1.2 % limit : 0;
            offset[i] = k % 2 == 1 ? d : -d;
            bin.add(i);
        }
        return offset;
    }

    private void drawColourBar(Canvas canvas, double bottom) {
        double x = WIDTH - RIGHT + 30;
        double top = TOP;
        double h = Math.min(160, bottom - TOP);
        int steps = 20;
        for (int s = 0; s < steps; s++) {
            double t = 1 - (s + 0.5) / steps;
            canvas.rect(x, top + s * h / steps, 10, h / steps + 0.5, blend(t), null);
        }
        canvas.text(x + 14, top + 8, "high", 10, "start", "#444", 0, false);
        canvas.text(x + 14, top + h, "low", 10, "start", "#444", 0, false);
        canvas.text(x - 6, top + h / 2, "feature value", 10, "middle", "#444", -90, false);
    }

    /** The colour between blue (0) and red (1). */
    static String blend(double t) {
        int[] a = rgb(LOW);
        int[] b = rgb(HIGH);
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], t), mix(a[1], b[1], t), mix(a[2], b[2], t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static int[] rgb(String hex) {
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
            Integer.parseInt(hex.substring(5, 7), 16)};
    }
}
