package dev.kiln.nn.loss;

import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;

/** Mean squared error over elements, (1/n)·Σ(ŷ − y)², PyTorch's {@code MSELoss}; gradient 2(ŷ − y)/n. */
public final class MeanSquaredErrorLoss {
    public Tensor apply(Tensor predictions, Tensor targets) {
        if (!Arrays.equals(predictions.shape(), targets.shape())) {
            throw new IllegalArgumentException("mse: predictions " + Arrays.toString(predictions.shape()) + " and targets "
                    + Arrays.toString(targets.shape()) + " must have the same shape");
        }
        float[] a = predictions.data();
        float[] b = targets.data();
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("mse: no elements");
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i];
            loss += d * d;
        }
        return Tensor.derived("mse", new float[] {(float) (loss / n)}, new int[0], g -> {
            float scale = 2 * g[0] / n;
            if (predictions.requiresGrad()) {
                float[] ga = predictions.gradientBuffer();
                for (int i = 0; i < n; i++) {
                    ga[i] += scale * (a[i] - b[i]);
                }
            }
            if (targets.requiresGrad()) {
                float[] gb = targets.gradientBuffer();
                for (int i = 0; i < n; i++) {
                    gb[i] -= scale * (a[i] - b[i]);
                }
            }
        }, predictions, targets);
    }
}
