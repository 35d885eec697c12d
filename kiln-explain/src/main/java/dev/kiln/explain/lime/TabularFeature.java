package dev.kiln.explain.lime;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * What LIME's tabular sampler knows of one training column, as {@code LimeTabularExplainer}
 * learns it: for a numeric column its mean and standard deviation (and quartile bins when
 * continuous features are discretised), for a categorical or boolean one its values and their
 * frequencies; and the mean and scale (a {@code StandardScaler} on the column as the sampler
 * sees it: raw numbers, bin indices, or category codes) by which distances are measured.
 */
final class TabularFeature {
    final String name;
    final ColumnType type;
    /** Category codes (levels, or 0/1 for booleans) or bins the sampler draws from, and their probabilities. */
    final double[] values;
    final double[] frequencies;
    final List<String> levels;
    final double mean;
    final double std;
    final QuartileDiscretizer discretizer;
    final double scalerMean;
    final double scalerScale;

    private TabularFeature(String name, ColumnType type, double[] values, double[] frequencies, List<String> levels,
                           double mean, double std, QuartileDiscretizer discretizer, double[] scaled) {
        this.name = name;
        this.type = type;
        this.values = values;
        this.frequencies = frequencies;
        this.levels = levels;
        this.mean = mean;
        this.std = std;
        this.discretizer = discretizer;
        double[] ms = meanAndStd(scaled);
        this.scalerMean = ms[0];
        this.scalerScale = ms[1] == 0 ? 1 : ms[1];
    }

    static TabularFeature of(Column column, boolean discretize) {
        String name = column.name();
        if (column.type() == ColumnType.TEXT) {
            throw new IllegalArgumentException("tabular LIME cannot sample text column '" + name + "'; explain text with LimeText");
        }
        if (column.type() == ColumnType.CATEGORICAL || column.type() == ColumnType.BOOLEAN) {
            List<String> levels = column instanceof CategoricalColumn c ? c.levels() : List.of("false", "true");
            double[] codes = new double[column.size()];
            int present = 0;
            for (int i = 0; i < codes.length; i++) {
                codes[i] = column.isMissing(i) ? -1 : column instanceof BooleanColumn b ? (b.get(i) ? 1 : 0)
                        : ((CategoricalColumn) column).code(i);
                if (codes[i] >= 0) {
                    codes[present++] = codes[i];
                }
            }
            double[] observed = java.util.Arrays.copyOf(codes, present);
            double[][] vf = frequencies(observed, levels.size());
            return new TabularFeature(name, column.type(), vf[0], vf[1], levels, Double.NaN, Double.NaN, null, observed);
        }
        double[] raw = java.util.Arrays.stream(column.toDoubles()).filter(v -> !Double.isNaN(v)).toArray();
        if (raw.length == 0) {
            throw new IllegalArgumentException("training column '" + name + "' has no values");
        }
        double[] ms = meanAndStd(raw);
        if (!discretize) {
            return new TabularFeature(name, column.type(), null, null, List.of(), ms[0], ms[1] == 0 ? 1 : ms[1], null, raw);
        }
        QuartileDiscretizer d = new QuartileDiscretizer(name, raw);
        double[] bins = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            bins[i] = d.bin(raw[i]);
        }
        double[][] vf = frequencies(bins, d.bins());
        return new TabularFeature(name, column.type(), vf[0], vf[1], List.of(), ms[0], ms[1], d, bins);
    }

    boolean isCategorical() {
        return values != null && discretizer == null;
    }

    boolean isDiscretized() {
        return discretizer != null;
    }

    /** The category code of row {@code i} (−1 where missing or unknown to training). */
    int code(Column column, int i) {
        if (column.isMissing(i)) {
            return -1;
        }
        if (column instanceof BooleanColumn b) {
            return b.get(i) ? 1 : 0;
        }
        return levels.indexOf(column.text(i));
    }

    /** A column of sampled values (codes for categorical features) named as this feature. */
    Column column(double[] sampled) {
        return switch (type) {
            case CATEGORICAL -> {
                int[] codes = new int[sampled.length];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = (int) sampled[i];
                }
                yield CategoricalColumn.ofCodes(name, codes, levels);
            }
            case BOOLEAN -> {
                boolean[] b = new boolean[sampled.length];
                for (int i = 0; i < b.length; i++) {
                    b[i] = sampled[i] == 1;
                }
                yield BooleanColumn.of(name, b);
            }
            default -> DoubleColumn.of(name, sampled);
        };
    }

    /** The distinct values of {@code observed} (in increasing order, as numpy's unique) and their relative frequencies. */
    private static double[][] frequencies(double[] observed, int distinct) {
        if (observed.length == 0) {
            throw new IllegalArgumentException("a training column has no values");
        }
        int[] counts = new int[distinct];
        for (double v : observed) {
            counts[(int) v]++;
        }
        List<Double> values = new ArrayList<>();
        List<Double> freqs = new ArrayList<>();
        for (int k = 0; k < distinct; k++) {
            if (counts[k] > 0) {
                values.add((double) k);
                freqs.add(counts[k] / (double) observed.length);
            }
        }
        return new double[][] {values.stream().mapToDouble(Double::doubleValue).toArray(),
            freqs.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** Mean and population standard deviation. */
    private static double[] meanAndStd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(ss / v.length)};
    }
}
