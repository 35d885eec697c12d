package dev.kiln.text.vectors;

import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one GloVe run: word vectors w and context vectors w̃ with their biases, AdaGrad's
 * sums of squared steps (starting at 1, as the reference's), and the co-occurrence entries in
 * training order with log X and f(X) computed once.
 */
final class GloVeTraining {
    /** Entries per unit of work. */
    private static final int CHUNK = 1 << 16;

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

    /**
     * One pass over the entries, in chunks of {@link #CHUNK} that the workers take in turn;
     * returns the mean of ½·f(X)·diff², summed chunk by chunk in order.
     */
    double epoch(Progress progress) {
        int chunks = (rows.length + CHUNK - 1) / CHUNK;
        double[] costs = new double[chunks];
        AtomicInteger next = new AtomicInteger();
        Parallelism.forEachPart(Math.min(params.workers(), chunks), worker -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                int to = (int) Math.min(rows.length, (long) (c + 1) * CHUNK);
                costs[c] = train(c * CHUNK, to);
                progress.advance(to - c * CHUNK);
            }
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

    private double train(int from, int to) {
        float eta = (float) params.learningRate();
        float clip = (float) params.gradientClip();
        double cost = 0;
        for (int e = from; e < to; e++) {
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
        Arrays.fill(v, 1f);
        return v;
    }
}
