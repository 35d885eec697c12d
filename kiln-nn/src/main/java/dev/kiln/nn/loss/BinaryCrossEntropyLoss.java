package dev.kiln.nn.loss;

import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;

/**
 * Binary cross-entropy from logits, mean over elements: max(z, 0) − z·y + log(1 + e^(−|z|)),
 * which never takes the log of 0 (PyTorch's {@code BCEWithLogitsLoss}); gradient (σ(z) − y)/n.
 */
public final class BinaryCrossEntropyLoss {
    /** The loss of logits against targets in [0, 1] of the same shape. */
    public Tensor apply(Tensor logits, Tensor targets) {
        if (!Arrays.equals(logits.shape(), targets.shape())) {
            throw new IllegalArgumentException("binary_cross_entropy: logits " + Arrays.toString(logits.shape()) + " and targets "
                    + Arrays.toString(targets.shape()) + " must have the same shape");
        }
        float[] z = logits.data();
        float[] y = targets.data();
        int n = z.length;
        if (n == 0) {
            throw new IllegalArgumentException("binary_cross_entropy: no elements");
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            if (!(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException("binary_cross_entropy: target " + y[i] + " at element " + i + " is outside [0, 1]");
            }
            loss += Math.max(z[i], 0) - z[i] * y[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
        }
        return Tensor.derived("binary_cross_entropy", new float[] {(float) (loss / n)}, new int[0], g -> {
            float[] gz = logits.gradientBuffer();
            float scale = g[0] / n;
            for (int i = 0; i < n; i++) {
                gz[i] += scale * (float) (1 / (1 + Math.exp(-z[i])) - y[i]);
            }
        }, logits);
    }
}
