package dev.kiln.explain.report;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.plot.Palette;
import dev.kiln.explain.Explanation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The parts of one explanation a single-row chart shows: the largest contributions, the rest summed, labelled with the row's values. */
final class Contributions {
    static final String POSITIVE = Palette.categorical(2);
    static final String NEGATIVE = Palette.categorical(0);

    private Contributions() {
    }

    /** A labelled contribution. */
    record Part(String label, double value) {
    }

    /**
     * The {@code limit − 1} largest contributions by magnitude (all when there are at most
     * {@code limit}), then one part summing the others; labelled "feature = value" when {@code row} holds the feature.
     */
    static List<Part> largest(Explanation e, Frame row, int limit) {
        double[] v = e.values();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < v.length; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(v[j])));
        int shown = v.length <= limit ? v.length : limit - 1;
        List<Part> parts = new ArrayList<>();
        for (int k = 0; k < shown; k++) {
            int j = order.get(k);
            parts.add(new Part(label(e.features().get(j), row), v[j]));
        }
        if (shown < v.length) {
            double rest = 0;
            for (int k = shown; k < v.length; k++) {
                rest += v[order.get(k)];
            }
            parts.add(new Part((v.length - shown) + " other features", rest));
        }
        return parts;
    }

    private static String label(String feature, Frame row) {
        if (row == null || !row.hasColumn(feature) || row.rowCount() == 0) {
            return feature;
        }
        String value = row.column(feature).text(0);
        if (value == null) {
            return feature + " = (missing)";
        }
        if (value.length() > 24) {
            value = value.substring(0, 21) + "…";
        }
        return feature + " = " + value;
    }

    /** "probability of yes", "value", … for axis titles. */
    static String outputName(Explanation e) {
        String output = e.output().jsonName().replace('_', ' ');
        return e.outputClass() == null ? output : output + " of " + e.outputClass();
    }
}
