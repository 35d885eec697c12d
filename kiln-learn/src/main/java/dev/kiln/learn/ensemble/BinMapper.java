package dev.kiln.learn.ensemble;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.random.Rng;
import java.util.Arrays;

/**
 * Maps each feature to at most {@code maxBins} bins of about equal counts, as scikit-learn's
 * {@code _BinMapper}: a feature with at most {@code maxBins} distinct values gets one bin per
 * value, split halfway between neighbours; otherwise the bin edges are the
 * {@code 100·i/maxBins}-th percentiles ("midpoint" method), computed on at most 200,000 rows
 * drawn at random. A value goes to the first bin whose upper edge it does not exceed. Features
 * are binned in parallel.
 */
final class BinMapper {
    /** scikit-learn's subsample size for finding bin edges. */
    static final int SUBSAMPLE = 200_000;
    /** Edges are capped here, as in scikit-learn, so that no edge is infinite. */
    static final double ALMOST_INF = 1e300;

    private final double[][] edges;

    private BinMapper(double[][] edges) {
        this.edges = edges;
    }

    /** Bin edges for the features of {@code rows} of {@code x}. */
    static BinMapper fit(Matrix x, int[] rows, int maxBins, Rng rng) {
        int[] used = rows;
        if (rows.length > SUBSAMPLE) {
            int[] pick = rng.sampleWithoutReplacement(rows.length, SUBSAMPLE);
            used = new int[SUBSAMPLE];
            for (int i = 0; i < SUBSAMPLE; i++) {
                used[i] = rows[pick[i]];
            }
        }
        double[][] edges = new double[x.cols()][];
        int[] sample = used;
        Parallelism.forEachPart(x.cols(), f -> {
            double[] values = new double[sample.length];
            for (int i = 0; i < sample.length; i++) {
                values[i] = x.get(sample[i], f);
            }
            edges[f] = edges(values, maxBins);
        });
        return new BinMapper(edges);
    }

    /** The upper edges of the bins of one feature's values (sorted in place). */
    static double[] edges(double[] values, int maxBins) {
        Arrays.sort(values);
        int n = values.length;
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                distinct++;
            }
        }
        double[] out;
        if (distinct <= maxBins) {
            double[] unique = dedupe(values.clone());
            out = new double[Math.max(0, distinct - 1)];
            for (int i = 0; i + 1 < distinct; i++) {
                out[i] = (unique[i] + unique[i + 1]) * 0.5;
            }
        } else {
            out = new double[maxBins - 1];
            double step = 100.0 / maxBins;
            for (int i = 1; i < maxBins; i++) {
                double v = (n - 1) * (i * step / 100.0);
                int below = (int) Math.floor(v);
                double a = values[below];
                out[i - 1] = v == below ? a : values[below + 1] - (values[below + 1] - a) * 0.5;
            }
            out = dedupe(out);  // percentiles repeat where values do; bins between equal edges would stay empty
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(out[i], ALMOST_INF);
        }
        return out;
    }

    /** The distinct values of a sorted array (which it overwrites). */
    private static double[] dedupe(double[] sorted) {
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (k == 0 || sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, k);
    }

    int featureCount() {
        return edges.length;
    }

    /** How many bins feature f has. */
    int binCount(int f) {
        return edges[f].length + 1;
    }

    /** The upper edge of bin b of feature f: values up to it fall in bins 0 … b. */
    double edge(int f, int b) {
        return edges[f][b];
    }

    /** The bin of each of {@code rows} of {@code x}, feature by feature ({@code [f][i]}, unsigned bytes). */
    byte[][] bin(Matrix x, int[] rows) {
        byte[][] out = new byte[edges.length][rows.length];
        Parallelism.forEachPart(edges.length, f -> {
            double[] e = edges[f];
            byte[] col = out[f];
            for (int i = 0; i < rows.length; i++) {
                col[i] = (byte) bin(e, x.get(rows[i], f));
            }
        });
        return out;
    }

    /**
     * The number of edges below v: the first bin whose upper edge is at least v. A binary search
     * in steps of falling powers of two, whose only data-dependent choice is a conditional move.
     */
    private static int bin(double[] e, double v) {
        int below = 0;
        for (int step = Integer.highestOneBit(Math.max(e.length, 1)); step > 0; step >>= 1) {
            int next = below + step;
            below = next <= e.length && e[next - 1] < v ? next : below;
        }
        return below;
    }
}
