package dev.kiln.nn.loss;

import dev.kiln.nn.tensor.Softmax;
import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;

/**
 * Categorical cross-entropy from logits, −Σᵢ w_{yᵢ} log softmax(zᵢ)_{yᵢ} / Σᵢ w_{yᵢ}: PyTorch's
 * {@code CrossEntropyLoss} with optional class weights and mean reduction. The log-softmax is
 * fused in (shifted by the row maximum, so it never overflows), and the gradient is
 * (softmax − one-hot)·w_y / Σw.
 */
public final class CrossEntropyLoss {
    private final float[] classWeights;

    /** Unweighted: the mean over rows. */
    public CrossEntropyLoss() {
        this.classWeights = null;
    }

    /** Each row weighted by its class's weight (all finite and ≥ 0, at least one > 0). */
    public CrossEntropyLoss(float[] classWeights) {
        boolean positive = false;
        for (int c = 0; c < classWeights.length; c++) {
            if (!(classWeights[c] >= 0) || Float.isInfinite(classWeights[c])) {
                throw new IllegalArgumentException("cross_entropy: class weight " + c + " must be a finite number >= 0, got " + classWeights[c]);
            }
            positive |= classWeights[c] > 0;
        }
        if (!positive) {
            throw new IllegalArgumentException("cross_entropy: at least one class weight must be > 0, got " + Arrays.toString(classWeights));
        }
        this.classWeights = classWeights.clone();
    }

    /** The loss of logits [n, classes] against class indices {@code targets} (n of them, each in [0, classes)). */
    public Tensor apply(Tensor logits, int[] targets) {
        if (logits.rank() != 2) {
            throw new IllegalArgumentException("cross_entropy: logits must be [n, classes], got shape " + Arrays.toString(logits.shape()));
        }
        int n = logits.dim(0);
        int c = logits.dim(1);
        if (targets.length != n) {
            throw new IllegalArgumentException("cross_entropy: " + targets.length + " targets for logits of shape "
                    + Arrays.toString(logits.shape()));
        }
        if (classWeights != null && classWeights.length != c) {
            throw new IllegalArgumentException("cross_entropy: " + classWeights.length + " class weights for " + c + " classes");
        }
        float[] z = logits.data();
        float[] p = new float[n * c];
        double[] logSum = Softmax.rows(z, p, c);
        double loss = 0;
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            int y = targets[i];
            if (y < 0 || y >= c) {
                throw new IllegalArgumentException("cross_entropy: target " + y + " at row " + i + " is outside [0, " + c + ")");
            }
            double w = classWeights == null ? 1 : classWeights[y];
            loss += w * (logSum[i] - z[i * c + y]);
            totalWeight += w;
        }
        double scale = totalWeight > 0 ? 1 / totalWeight : 0;
        return Tensor.derived("cross_entropy", new float[] {(float) (loss * scale)}, new int[0], g -> {
            float[] gz = logits.gradientBuffer();
            for (int i = 0; i < n; i++) {
                int o = i * c;
                float w = (float) (g[0] * (classWeights == null ? 1 : classWeights[targets[i]]) * scale);
                for (int j = 0; j < c; j++) {
                    gz[o + j] += w * (p[o + j] - (j == targets[i] ? 1 : 0));
                }
            }
        }, logits);
    }
}
