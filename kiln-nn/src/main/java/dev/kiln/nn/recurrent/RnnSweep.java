package dev.kiln.nn.recurrent;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/** The Elman update h' = φ(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh), φ = tanh or ReLU. */
final class RnnSweep extends Sweep {
    private final boolean relu;
    private float[] dPre;

    RnnSweep(Schedule schedule, Tensor x, List<Tensor> weights, Tensor[] initial, int initialOffset, boolean relu) {
        super(schedule, 1, 1, x, weights, initial, initialOffset);
        this.relu = relu;
    }

    @Override
    void forwardStep(int s, int n) {
        float[] h = states[0];
        for (int i = 0; i < n; i++) {
            int x = (s * batch + i) * hidden;
            int r = i * hidden;
            int after = x + batch * hidden;
            for (int j = 0; j < hidden; j++) {
                float pre = gx[x + j] + gh[r + j] + bias[j];
                h[after + j] = relu ? Math.max(pre, 0f) : pre;
            }
            if (!relu) {
                GateMath.tanh(h, after, hidden);
            }
        }
    }

    @Override
    void beginBackward() {
        dPre = new float[steps * batch * hidden];
    }

    @Override
    void backwardStep(int s, int n, float[][] dStates) {
        float[] dh = dStates[0];
        float[] h = states[0];
        for (int i = 0; i < n; i++) {
            int o = (s * batch + i) * hidden;
            int after = o + batch * hidden;
            int at = i * hidden;
            for (int j = 0; j < hidden; j++) {
                float y = h[after + j];
                dPre[o + j] = dh[at + j] * (relu ? (y > 0 ? 1 : 0) : 1 - y * y);
                dh[at + j] = 0;
            }
        }
    }

    @Override
    float[] inputGradients() {
        return dPre;
    }

    @Override
    float[] recurrentGradients() {
        return dPre;
    }
}
