package dev.kiln.text.vectors;

import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;

/**
 * The state of one GloVe run: word vectors w and context vectors w̃ with their biases, AdaGrad's
 * sums of squared steps (starting at 1, as the reference's), and the co-occurrence entries in
 * training order with log X and f(X) computed once.
 */
final class GloVeTraining {
    private final GloVe.Params params;
    private final int dim;
    private final float[] w;
    private final float[] wc;
    private final float[] b;
    private final float[] bc;
    private final float[] gw;
    private final float[] gwc;
    private final float[] gb;
    private final float[] gbc;
    private final int[] rows;
    private final int[] columns;
    private final float[] logX;
    private final float[] weights;

    GloVeTraining(GloVe.Params params, int vocabularySize, Cooccurrence x) {
        this.params = params;
        this.dim = params.vectorSize();
        int n = vocabularySize;
        Rng rng = Rng.seeded(params.seed());
        w = initial(n * dim, rng);
        wc = initial(n * dim, rng);
        b = initial(n, rng);
        bc = initial(n, rng);
        gw = ones(n * dim);
        gwc = ones(n * dim);
        gb = ones(n);
        gbc = ones(n);
        int[] order = rng.permutation(x.size());
        rows = new int[order.length];
        columns = new int[order.length];
        logX = new float[order.length];
        weights = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            int e = order[i];
            rows[i] = x.rows[e];
            columns[i] = x.columns[e];
            logX[i] = (float) Math.log(x.values[e]);
            weights[i] = (float) GloVe.weight(x.values[e], params.xMax(), params.alpha());
        }
    }

    /** One pass over the entries, split among the workers; returns the mean of ½·f(X)·diff². */
    double epoch(Progress progress) {
        int parts = Math.min(params.workers(), rows.length);
        double[] costs = new double[parts];
        Parallelism.forEachPart(parts, p -> {
            int from = (int) ((long) rows.length * p / parts);
            int to = (int) ((long) rows.length * (p + 1) / parts);
            costs[p] = train(from, to, progress);
        });
        double cost = 0;
        for (double c : costs) {
            cost += c;
        }
        return cost / rows.length;
    }

    /** w + w̃, row by row. */
    float[] wordVectors() {
        float[] sum = w.clone();
        VectorKernels.axpy(1f, wc, 0, sum, 0, sum.length);
        return sum;
    }

    private double train(int from, int to, Progress progress) {
        float eta = (float) params.learningRate();
        float clip = (float) params.gradientClip();
        double cost = 0;
        int unreported = 0;
        for (int e = from; e < to; e++) {
            if (++unreported == 65_536) {
                progress.advance(unreported);
                unreported = 0;
            }
            int r = rows[e];
            int c = columns[e];
            float diff = VectorKernels.dot(w, r * dim, wc, c * dim, dim) + b[r] + bc[c] - logX[e];
            float fdiff = weights[e] * diff;
            if (!Float.isFinite(fdiff)) {
                continue;
            }
            cost += 0.5 * fdiff * diff;
            fdiff *= eta;
            VectorKernels.adaGrad(fdiff, clip, w, r * dim, gw, wc, c * dim, gwc, dim);
            b[r] -= fdiff / (float) Math.sqrt(gb[r]);
            bc[c] -= fdiff / (float) Math.sqrt(gbc[c]);
            float sq = fdiff * fdiff;
            gb[r] += sq;
            gbc[c] += sq;
        }
        progress.advance(unreported);
        return cost;
    }

    /** Uniform on [−0.5, 0.5) / dimension, as the reference initialises vectors and biases. */
    private float[] initial(int n, Rng rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (rng.nextFloat() - 0.5f) / dim;
        }
        return v;
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }
}
