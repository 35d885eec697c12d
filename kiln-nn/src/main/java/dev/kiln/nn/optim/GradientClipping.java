package dev.kiln.nn.optim;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/** Rescales gradients whose joint L2 norm exceeds a limit, as PyTorch's {@code clip_grad_norm_} (Pascanu et al. 2013). */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Scales every gradient by min(1, maxNorm / ‖g‖) with ‖g‖ over all of them; returns ‖g‖ before clipping. */
    public static double byNorm(List<Tensor> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
        }
        double sq = 0;
        for (Tensor p : parameters) {
            if (p.hasGrad()) {
                for (float g : p.gradientBuffer()) {
                    sq += (double) g * g;
                }
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Tensor p : parameters) {
                if (p.hasGrad()) {
                    float[] g = p.gradientBuffer();
                    for (int i = 0; i < g.length; i++) {
                        g[i] *= scale;
                    }
                }
            }
        }
        return norm;
    }
}
