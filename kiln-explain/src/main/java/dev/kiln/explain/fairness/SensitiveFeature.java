package dev.kiln.explain.fairness;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A column whose values define the groups of a bias audit. Categorical columns (and numeric
 * columns with at most {@value #MAX_LEVELS} distinct values) are used as they are; other numeric
 * columns must be binned, by thresholds ({@code age:25,60} gives {@code <25}, {@code [25,60)},
 * {@code >=60}) or by quantiles of the audited data ({@code age:q4} gives quartile bins).
 * Several features intersect: their groups are the combinations of their values that occur.
 *
 * @param column    the column name
 * @param edges     bin edges, ascending, or empty when the column is used as it is or binned by quantiles
 * @param quantiles how many quantile bins, or 0
 */
public record SensitiveFeature(String column, List<Double> edges, int quantiles) {

    /** The most distinct values a numeric column may have to be used without binning. */
    public static final int MAX_LEVELS = 10;

    /** The label of rows where the column is missing. */
    public static final String MISSING = "(missing)";

    public SensitiveFeature {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a sensitive feature needs a column name");
        }
        edges = List.copyOf(edges);
        for (int i = 0; i < edges.size(); i++) {
            if (!Double.isFinite(edges.get(i)) || (i > 0 && edges.get(i) <= edges.get(i - 1))) {
                throw new IllegalArgumentException("sensitive feature '" + column + "': bin edges must be finite and strictly ascending, got " + edges);
            }
        }
        if (quantiles < 0 || quantiles == 1 || (quantiles > 0 && !edges.isEmpty())) {
            throw new IllegalArgumentException("sensitive feature '" + column + "': give either edges or at least 2 quantile bins");
        }
    }

    /** The column used as it is. */
    public static SensitiveFeature of(String column) {
        return new SensitiveFeature(column, List.of(), 0);
    }

    /**
     * Parses a comma-separated list of features: {@code COL}, {@code COL:EDGE[,EDGE…]} (numeric
     * thresholds) or {@code COL:qK} ({@code K} quantile bins). A number after a thresholded
     * feature is one more of its edges: {@code sex,age:25,60} is sex and age with edges 25 and 60.
     */
    public static List<SensitiveFeature> parseList(String specs) {
        List<String> parts = new ArrayList<>();
        for (String token : specs.split(",")) {
            String t = token.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("--sensitive '" + specs + "': an empty column name");
            }
            boolean extraEdge = !parts.isEmpty() && isNumber(t) && parts.getLast().contains(":")
                    && !parts.getLast().substring(parts.getLast().lastIndexOf(':') + 1).toLowerCase(Locale.ROOT).startsWith("q");
            if (extraEdge) {
                parts.set(parts.size() - 1, parts.getLast() + "," + t);
            } else {
                parts.add(t);
            }
        }
        return parts.stream().map(SensitiveFeature::parse).toList();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Parses one feature: {@code COL}, {@code COL:EDGE[,EDGE…]} or {@code COL:qK}. */
    public static SensitiveFeature parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon < 0) {
            return of(spec.strip());
        }
        String column = spec.substring(0, colon).strip();
        String bins = spec.substring(colon + 1).strip();
        if (bins.toLowerCase(Locale.ROOT).startsWith("q")) {
            try {
                return new SensitiveFeature(column, List.of(), Integer.parseInt(bins.substring(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sensitive feature '" + spec + "': expected qK with K an integer >= 2, e.g. " + column + ":q4");
            }
        }
        List<Double> edges = new ArrayList<>();
        for (String part : bins.split(",")) {
            try {
                edges.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sensitive feature '" + spec + "': '" + part
                        + "' is not a number; expected COL:EDGE[,EDGE…] (e.g. age:25,60) or COL:qK (e.g. age:q4)");
            }
        }
        return new SensitiveFeature(column, edges, 0);
    }

    /**
     * This feature with its bins fixed on {@code frame}: quantile edges are computed there, and
     * a numeric column with many distinct values and no bins is refused.
     */
    public Binned bin(Frame frame) {
        Column c = frame.column(column);
        if (!c.type().isNumeric()) {
            if (!edges.isEmpty() || quantiles > 0) {
                throw new IllegalArgumentException("sensitive feature '" + column + "' is " + c.type().label()
                        + ", so it cannot be binned; name it without ':…'");
            }
            return new Binned(column, null);
        }
        if (!edges.isEmpty()) {
            return new Binned(column, edges.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double[] values = present(c);
        if (quantiles > 0) {
            return new Binned(column, quantileEdges(values, quantiles));
        }
        long distinct = Arrays.stream(values).distinct().count();
        if (distinct > MAX_LEVELS) {
            throw new IllegalArgumentException("sensitive feature '" + column + "' is numeric with " + distinct
                    + " distinct values; bin it with thresholds (e.g. " + column + ":25) or quantiles (e.g. " + column + ":q4)");
        }
        return new Binned(column, null);
    }

    private static double[] present(Column c) {
        double[] all = c.toDoubles();
        return Arrays.stream(all).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** Distinct interior quantile edges at k/K (linear interpolation, as numpy's default). */
    static double[] quantileEdges(double[] values, int bins) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot take quantiles of a column with no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        TreeSet<Double> edges = new TreeSet<>();
        for (int k = 1; k < bins; k++) {
            double edge = percentile(sorted, (double) k / bins);
            if (edge > sorted[0]) {
                edges.add(edge);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The q-quantile of ascending {@code sorted}, interpolating linearly between order statistics (numpy's default). */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * A sensitive feature with its bins fixed, so that it labels any frame the same way.
     *
     * @param column the column name
     * @param edges  ascending bin edges, or null when values are used as they are
     */
    public record Binned(String column, double[] edges) {

        public Binned {
            edges = edges == null ? null : edges.clone();
        }

        @Override
        public double[] edges() {
            return edges == null ? null : edges.clone();
        }

        /** The bin labels in order ({@code <e1}, {@code [e1,e2)}, …, {@code >=ek}), or empty for unbinned columns. */
        public List<String> binLabels() {
            if (edges == null) {
                return List.of();
            }
            List<String> labels = new ArrayList<>();
            for (int b = 0; b <= edges.length; b++) {
                labels.add(binLabel(b));
            }
            return labels;
        }

        /** The group label of every row of {@code frame}. */
        public String[] labels(Frame frame) {
            Column c = frame.column(column);
            String[] out = new String[c.size()];
            for (int i = 0; i < out.length; i++) {
                if (c.isMissing(i)) {
                    out[i] = MISSING;
                } else if (edges == null) {
                    out[i] = c.text(i);
                } else {
                    double v = c.getDouble(i);
                    int b = 0;
                    while (b < edges.length && v >= edges[b]) {
                        b++;
                    }
                    out[i] = binLabel(b);
                }
            }
            return out;
        }

        private String binLabel(int b) {
            if (b == 0) {
                return "<" + number(edges[0]);
            }
            if (b == edges.length) {
                return ">=" + number(edges[edges.length - 1]);
            }
            return "[" + number(edges[b - 1]) + "," + number(edges[b]) + ")";
        }

        private static String number(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
