package dev.kiln.learn.cluster;

import dev.kiln.core.random.Rng;
import java.util.Arrays;

/**
 * The steps of mini-batch k-means, as scikit-learn's {@code _mini_batch_step} and
 * {@code _mini_batch_convergence} take them: assign a batch to the old centres (its inertia
 * measured then), move each centre that got rows to the running mean of all its rows, reassign
 * starved centres to random batch rows, and watch the smoothed batch inertia.
 */
final class MiniBatchSteps {
    private final Points p;
    private final int k;
    private final int batch;
    private final MiniBatchKMeans.Params params;
    private final Rng rng;
    private final double tolerance;
    private double[] centres;
    private double[] next;
    private final double[] counts;
    private double smoothed = Double.NaN;
    private double smoothedBest = Double.NaN;
    private int noImprovement;
    private long sinceReassign;
    private int steps;

    MiniBatchSteps(Points p, double[] start, int k, int batch, MiniBatchKMeans.Params params, Rng rng) {
        this.p = p;
        this.k = k;
        this.batch = batch;
        this.params = params;
        this.rng = rng;
        this.tolerance = p.tolerance(params.tol());
        this.centres = start.clone();
        this.next = new double[start.length];
        this.counts = new double[k];
    }

    void run() {
        long total = (long) params.maxIter() * p.n / batch;
        for (long i = 0; i < total; i++) {
            Points rows = p.subset(MiniBatchKMeans.draw(rng, p.n, batch));
            int[] labels = CentreQueries.nearest(rows, centres, k);
            double inertia = rows.inertia(centres, labels);
            update(rows, labels);
            if (reassignDue()) {
                reassign(rows);
            }
            double moved = 0;
            if (tolerance > 0) {
                for (int j = 0; j < centres.length; j++) {
                    moved += (next[j] - centres[j]) * (next[j] - centres[j]);
                }
            }
            double[] swap = centres;
            centres = next;
            next = swap;
            steps = (int) i + 1;
            if (converged(steps, inertia, moved)) {
                break;
            }
        }
    }

    /** scikit-learn's running means: c ← (c·count + Σ batch rows) / (count + batch count). */
    private void update(Points rows, int[] labels) {
        int d = p.d;
        int[] got = new int[k];
        for (int label : labels) {
            got[label]++;
        }
        for (int c = 0; c < k; c++) {
            if (got[c] == 0) {
                System.arraycopy(centres, c * d, next, c * d, d);
                continue;
            }
            for (int j = 0; j < d; j++) {
                next[c * d + j] = centres[c * d + j] * counts[c];
            }
        }
        for (int i = 0; i < rows.n; i++) {
            int c = labels[i];
            for (int j = 0; j < d; j++) {
                next[c * d + j] += rows.x[i * d + j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (got[c] > 0) {
                counts[c] += got[c];
                double alpha = 1 / counts[c];
                for (int j = 0; j < d; j++) {
                    next[c * d + j] *= alpha;
                }
            }
        }
    }

    /** Every 10·k rows seen, or whenever a centre has no rows yet. */
    private boolean reassignDue() {
        sinceReassign += batch;
        boolean empty = false;
        for (double c : counts) {
            empty |= c == 0;
        }
        if (empty || sinceReassign >= 10L * k) {
            sinceReassign = 0;
            return params.reassignmentRatio() > 0;
        }
        return false;
    }

    /**
     * Centres whose count is below reassignmentRatio times the largest move to distinct random
     * rows of the batch (at most half the batch of them, the smallest counts first); their counts
     * become the smallest count of the others.
     */
    private void reassign(Points rows) {
        double largest = 0;
        for (double c : counts) {
            largest = Math.max(largest, c);
        }
        boolean[] starved = new boolean[k];
        int many = 0;
        for (int c = 0; c < k; c++) {
            starved[c] = counts[c] < params.reassignmentRatio() * largest;
            many += starved[c] ? 1 : 0;
        }
        int cap = (int) (0.5 * rows.n);
        if (many > 0.5 * rows.n) {
            Integer[] order = new Integer[k];
            Arrays.setAll(order, c -> c);
            Arrays.sort(order, (a, b) -> Double.compare(counts[a], counts[b]));
            for (int t = cap; t < k; t++) {
                starved[order[t]] = false;
            }
            many = cap;
        }
        if (many == 0) {
            return;
        }
        int[] picked = rng.sampleWithoutReplacement(rows.n, many);
        double smallest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (!starved[c]) {
                smallest = Math.min(smallest, counts[c]);
            }
        }
        int t = 0;
        for (int c = 0; c < k; c++) {
            if (starved[c]) {
                System.arraycopy(rows.x, picked[t++] * p.d, next, c * p.d, p.d);
                counts[c] = smallest;
            }
        }
    }

    /** scikit-learn's early stopping on the centres' move and on the smoothed batch inertia. */
    private boolean converged(int step, double batchInertia, double moved) {
        double inertia = batchInertia / batch;
        if (step == 1) {
            return false;
        }
        if (Double.isNaN(smoothed)) {
            smoothed = inertia;
        } else {
            double alpha = Math.min(1, batch * 2.0 / (p.n + 1));
            smoothed = smoothed * (1 - alpha) + inertia * alpha;
        }
        if (tolerance > 0 && moved <= tolerance) {
            return true;
        }
        if (Double.isNaN(smoothedBest) || smoothed < smoothedBest) {
            noImprovement = 0;
            smoothedBest = smoothed;
        } else {
            noImprovement++;
        }
        return params.maxNoImprovement() != null && noImprovement >= params.maxNoImprovement();
    }

    double[] centres() {
        return centres;
    }

    double[] counts() {
        return counts.clone();
    }

    int steps() {
        return steps;
    }

    /** The smoothed batch inertia per row (NaN before the second step). */
    double smoothedInertia() {
        return smoothed;
    }
}
