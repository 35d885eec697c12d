package dev.kiln.explain.kernel;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.cluster.KMeans;
import dev.kiln.learn.cluster.KMeansModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows that stand for "feature unknown" in Shapley values: a feature left out of a coalition
 * takes its value from each background row in turn, and outputs are averaged with these weights.
 * Summaries follow the shap package: {@link #kmeans} ({@code shap.kmeans}) and {@link #sample}
 * ({@code shap.sample}).
 *
 * @param rows    the background rows
 * @param weights one non-negative weight per row, not all zero
 */
public record Background(Frame rows, double[] weights) {

    public Background {
        Objects.requireNonNull(rows, "rows");
        if (rows.rowCount() == 0) {
            throw new IllegalArgumentException("the background has no rows");
        }
        if (weights.length != rows.rowCount()) {
            throw new IllegalArgumentException(rows.rowCount() + " background rows but " + weights.length + " weights");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("background weight " + i + " is " + weights[i] + "; expected a finite value >= 0");
            }
            sum += weights[i];
        }
        if (sum == 0) {
            throw new IllegalArgumentException("the background weights are all zero");
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Every row of {@code rows}, weighted equally. */
    public static Background of(Frame rows) {
        double[] w = new double[rows.rowCount()];
        Arrays.fill(w, 1.0);
        return new Background(rows, w);
    }

    /**
     * {@code n} distinct rows of {@code data} drawn with {@code seed}, weighted equally (all rows
     * when there are at most {@code n}), as {@code shap.sample}.
     */
    public static Background sample(Frame data, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a background sample needs at least 1 row, got " + n);
        }
        if (data.rowCount() <= n) {
            return of(data);
        }
        int[] chosen = Rng.seeded(seed).sampleWithoutReplacement(data.rowCount(), n);
        Arrays.sort(chosen);
        return of(data.take(chosen));
    }

    /**
     * {@code k} rows summarising {@code data}, as {@code shap.kmeans}: k-means (seeded) on the
     * numeric columns without missing values, each centre's coordinates moved to the nearest value
     * the column takes in {@code data} (so they are real feature values), each other column set to
     * its most frequent value in the cluster, and each row weighted by its cluster's size.
     */
    public static Background kmeans(Frame data, int k, long seed) {
        if (k < 1 || k > data.rowCount()) {
            throw new IllegalArgumentException("k-means background: k must be in [1, " + data.rowCount()
                    + "] (the number of rows), got " + k);
        }
        List<String> numeric = new ArrayList<>();
        for (Column c : data.columns()) {
            if (c.type().isNumeric() && c.missingCount() == 0) {
                numeric.add(c.name());
            }
        }
        if (numeric.isEmpty()) {
            throw new IllegalArgumentException("k-means background: the data has no numeric column without missing values "
                    + "to cluster on; use a sampled background instead");
        }
        KMeansModel model = new KMeans(KMeans.Params.defaults().withClusters(k).withSeed(seed)).fit(data.select(numeric));
        int[] labels = model.labels();
        double[][] centres = model.centres().toArray();
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        int clusters = (int) Arrays.stream(sizes).filter(s -> s > 0).count();
        int[][] source = new int[data.columnCount()][clusters];
        double[] weights = new double[clusters];
        int out = 0;
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                continue;
            }
            weights[out] = sizes[c];
            for (int j = 0; j < data.columnCount(); j++) {
                Column column = data.column(j);
                int n = numeric.indexOf(column.name());
                source[j][out] = n >= 0 ? nearest(column, centres[c][n]) : mostFrequent(column, labels, c);
            }
            out++;
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < data.columnCount(); j++) {
            columns.add(data.column(j).take(source[j]));
        }
        return new Background(Frame.of(columns), weights);
    }

    /** The first row whose value is nearest {@code target}. */
    private static int nearest(Column column, double target) {
        int best = 0;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < column.size(); i++) {
            double gap = Math.abs(column.getDouble(i) - target);
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    /** A row of cluster {@code cluster} holding the cluster's most frequent value (the first seen on ties). */
    private static int mostFrequent(Column column, int[] labels, int cluster) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        int best = -1;
        String bestValue = null;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != cluster) {
                continue;
            }
            String v = String.valueOf(column.text(i));
            int count = counts.merge(v, 1, Integer::sum);
            firstRow.putIfAbsent(v, i);
            if (best < 0 || count > counts.get(bestValue)
                    || (count == counts.get(bestValue) && firstRow.get(v) < firstRow.get(bestValue))) {
                best = firstRow.get(v);
                bestValue = v;
            }
        }
        return best;
    }
}
