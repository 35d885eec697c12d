package dev.kiln.nn.tensor;

/**
 * The row-wise softmax kernel behind {@link Tensor#softmax()}, {@link Tensor#logSoftmax()} and
 * the cross-entropy loss: each row shifted by its maximum before exponentiating, so nothing
 * overflows, with the log-sum-exp kept for the log forms.
 */
public final class Softmax {
    private Softmax() {
    }

    /**
     * Writes the softmax of each row of {@code c} values of {@code x} into {@code p} and returns
     * each row's log Σ e^x (the shift that turns x into log-softmax).
     */
    public static double[] rows(float[] x, float[] p, int c) {
        double[] logSum = new double[c == 0 ? 0 : x.length / c];
        for (int r = 0, o = 0; r < logSum.length; r++, o += c) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, x[o + j]);
            }
            double s = 0;
            for (int j = 0; j < c; j++) {
                float e = (float) Math.exp(x[o + j] - max);
                p[o + j] = e;
                s += e;
            }
            float inv = (float) (1 / s);
            for (int j = 0; j < c; j++) {
                p[o + j] *= inv;
            }
            logSum[r] = max + Math.log(s);
        }
        return logSum;
    }

    /** The index of each row's largest value (the first, on ties): the class the softmax of the row ranks first. */
    public static int[] argmaxRows(float[] x, int c) {
        int[] best = new int[c == 0 ? 0 : x.length / c];
        for (int r = 0, o = 0; r < best.length; r++, o += c) {
            int b = 0;
            for (int j = 1; j < c; j++) {
                if (x[o + j] > x[o + b]) {
                    b = j;
                }
            }
            best[r] = b;
        }
        return best;
    }
}
