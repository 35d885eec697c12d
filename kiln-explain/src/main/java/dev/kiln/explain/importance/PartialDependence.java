package dev.kiln.explain.importance;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;
import dev.kiln.explain.kernel.ModelInput;
import dev.kiln.explain.kernel.ModelOutput;

import java.util.Arrays;
import java.util.Objects;

/**
 * Partial dependence (Friedman, "Greedy Function Approximation: A Gradient Boosting Machine",
 * Annals of Statistics 2001) and individual conditional expectation curves (Goldstein et al.,
 * "Peeking Inside the Black Box", JCGS 2015), as scikit-learn's {@code partial_dependence} with
 * {@code method='brute'}: one numeric column is set to each grid value in every row, and the
 * model's output is kept per row (ICE) and averaged (PDP). The grid is the column's distinct
 * values when there are fewer than {@code gridResolution}, else evenly spaced between its
 * empirical percentiles ({@code scipy.stats.mstats.mquantiles}, as scikit-learn takes them).
 */
public final class PartialDependence {

    /**
     * The settings; {@link #defaults()} are scikit-learn's.
     *
     * @param lowPercentile  the grid's lower end, in [0, 1) (0.05)
     * @param highPercentile the grid's upper end, in (lowPercentile, 1] (0.95)
     * @param gridResolution grid points at most, ≥ 2 (100)
     * @param outputClass    the class whose probability is shown, or null: a binary classifier's
     *                       second class; a multi-class classifier needs one named
     */
    public record Params(double lowPercentile, double highPercentile, int gridResolution, String outputClass) {
        public Params {
            if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 1)) {
                throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 1, got (" + lowPercentile + ", "
                        + highPercentile + ")");
            }
            if (gridResolution < 2) {
                throw new IllegalArgumentException("gridResolution must be at least 2, got " + gridResolution);
            }
        }

        public static Params defaults() {
            return new Params(0.05, 0.95, 100, null);
        }

        public Params withGridResolution(int n) {
            return new Params(lowPercentile, highPercentile, n, outputClass);
        }

        public Params withOutputClass(String c) {
            return new Params(lowPercentile, highPercentile, gridResolution, c);
        }
    }

    /**
     * One feature's curves.
     *
     * @param feature     the column varied
     * @param outputClass the class whose probability is shown, or null for a regressor
     * @param grid        the values the column was set to, increasing
     * @param average     the partial dependence: the mean output at each grid value
     * @param individual  per row, the output at each grid value (ICE curves)
     */
    public record Curve(String feature, String outputClass, double[] grid, double[] average, double[][] individual) {
    }

    private final Params params;

    public PartialDependence(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** The curves of {@code feature} over the rows of {@code data}. */
    public Curve compute(Model<?> model, Frame data, String feature) {
        Frame x = ModelInput.columns(model, data, "the data");
        if (!x.hasColumn(feature)) {
            throw new IllegalArgumentException("'" + feature + "' is not an input column of the model; its columns are " + x.names());
        }
        Column column = x.column(feature);
        if (!column.type().isNumeric()) {
            throw new IllegalArgumentException("partial dependence needs a numeric column; '" + feature + "' is "
                    + column.type().label());
        }
        double[] grid = grid(column.toDoubles(), params);
        int n = x.rowCount();
        double[] repeated = new double[n * grid.length];
        int[] rows = new int[n * grid.length];
        for (int g = 0; g < grid.length; g++) {
            for (int i = 0; i < n; i++) {
                repeated[g * n + i] = grid[g];
                rows[g * n + i] = i;
            }
        }
        ModelOutput out = ModelOutput.of(model, x.take(rows).withColumn(DoubleColumn.of(feature, repeated)));
        int k = outputIndex(out);
        double[][] ice = new double[n][grid.length];
        double[] average = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            for (int i = 0; i < n; i++) {
                ice[i][g] = out.get(g * n + i, k);
                average[g] += ice[i][g];
            }
            average[g] /= n;
        }
        return new Curve(feature, out.outputName(k), grid, average, ice);
    }

    private int outputIndex(ModelOutput out) {
        if (out.isClassifier() && out.classes().size() > 2 && params.outputClass() == null) {
            throw new IllegalArgumentException("the model has " + out.classes().size() + " classes " + out.classes()
                    + "; name the class whose partial dependence to compute");
        }
        return out.explainedIndex(0, params.outputClass());
    }

    /** scikit-learn's grid: the distinct values, or gridResolution points between the two percentiles. */
    static double[] grid(double[] values, Params params) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("the column has no values");
        }
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        if (distinct.length < params.gridResolution()) {
            return distinct;
        }
        double lo = mquantile(sorted, params.lowPercentile());
        double hi = mquantile(sorted, params.highPercentile());
        if (Math.abs(hi - lo) <= 1e-8 + 1e-5 * Math.abs(hi)) {
            throw new IllegalArgumentException("the percentiles " + params.lowPercentile() + " and " + params.highPercentile()
                    + " of the column are too close to each other; widen them");
        }
        int r = params.gridResolution();
        double[] grid = new double[r];
        double step = (hi - lo) / (r - 1);
        for (int g = 0; g < r; g++) {
            grid[g] = g == r - 1 ? hi : lo + g * step;
        }
        return grid;
    }

    /** scipy's {@code mquantiles} with its defaults αp = βp = 0.4, of sorted values. */
    static double mquantile(double[] sorted, double p) {
        int n = sorted.length;
        double m = 0.4 + p * (1 - 0.4 - 0.4);
        double aleph = n * p + m;
        int k = (int) Math.floor(Math.max(1, Math.min(n - 1, aleph)));
        double gamma = Math.max(0, Math.min(1, aleph - k));
        return (1 - gamma) * sorted[k - 1] + gamma * sorted[Math.min(k, n - 1)];
    }
}
