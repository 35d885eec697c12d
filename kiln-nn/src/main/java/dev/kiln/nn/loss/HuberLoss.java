package dev.kiln.nn.loss;

import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;

/**
 * Huber's loss (Huber 1964), mean over elements: d²/2 where |d| ≤ δ, δ(|d| − δ/2) beyond, with
 * d = ŷ − y; quadratic near zero and linear in the tails, PyTorch's {@code HuberLoss}.
 */
public final class HuberLoss {
    private final float delta;

    public HuberLoss(float delta) {
        if (!(delta > 0) || Float.isInfinite(delta)) {
            throw new IllegalArgumentException("huber: delta must be a finite number > 0, got " + delta);
        }
        this.delta = delta;
    }

    public Tensor apply(Tensor predictions, Tensor targets) {
        if (!Arrays.equals(predictions.shape(), targets.shape())) {
            throw new IllegalArgumentException("huber: predictions " + Arrays.toString(predictions.shape()) + " and targets "
                    + Arrays.toString(targets.shape()) + " must have the same shape");
        }
        float[] a = predictions.data();
        float[] b = targets.data();
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("huber: no elements");
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i];
            loss += Math.abs(d) <= delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta);
        }
        return Tensor.derived("huber", new float[] {(float) (loss / n)}, new int[0], g -> {
            float scale = g[0] / n;
            float[] ga = predictions.requiresGrad() ? predictions.gradientBuffer() : null;
            float[] gb = targets.requiresGrad() ? targets.gradientBuffer() : null;
            for (int i = 0; i < n; i++) {
                float d = a[i] - b[i];
                float slope = Math.abs(d) <= delta ? d : Math.copySign(delta, d);
                if (ga != null) {
                    ga[i] += scale * slope;
                }
                if (gb != null) {
                    gb[i] -= scale * slope;
                }
            }
        }, predictions, targets);
    }
}
