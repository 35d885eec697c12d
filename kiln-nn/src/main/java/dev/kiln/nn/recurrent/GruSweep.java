package dev.kiln.nn.recurrent;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * The GRU update, gates in PyTorch's order (reset, update, new): r, z = σ(x·W_ihᵀ + b_ih +
 * h·W_hhᵀ + b_hh), n = tanh(x·W_inᵀ + b_in + r⊙(h·W_hnᵀ + b_hn)), h' = (1 − z)⊙n + z⊙h.
 */
final class GruSweep extends Sweep {
    /** [steps·batch, 4·hidden]: r, z, n and h·W_hnᵀ + b_hn of each step. */
    private final float[] saved;
    private float[] dInput;
    private float[] dRecurrent;

    GruSweep(Schedule schedule, Tensor x, List<Tensor> weights, Tensor[] initial, int initialOffset) {
        super(schedule, 3, 1, x, weights, initial, initialOffset);
        this.saved = new float[steps * batch * 4 * hidden];
    }

    @Override
    void forwardStep(int s, int n) {
        float[] h = states[0];
        int hd = hidden;
        for (int i = 0; i < n; i++) {
            int row = s * batch + i;
            int x = row * width;
            int r = i * width;
            int a = row * 4 * hd;
            int before = row * hd;
            int after = before + batch * hd;
            for (int j = 0; j < 2 * hd; j++) {
                saved[a + j] = gx[x + j] + gh[r + j] + bias[j];
            }
            GateMath.sigmoid(saved, a, 2 * hd);
            for (int j = 0; j < hd; j++) {
                float hn = gh[r + 2 * hd + j] + biasHh[2 * hd + j];
                saved[a + 3 * hd + j] = hn;
                saved[a + 2 * hd + j] = gx[x + 2 * hd + j] + biasIh[2 * hd + j] + saved[a + j] * hn;
            }
            GateMath.tanh(saved, a + 2 * hd, hd);
            for (int j = 0; j < hd; j++) {
                float ng = saved[a + 2 * hd + j];
                h[after + j] = ng + saved[a + hd + j] * (h[before + j] - ng);
            }
        }
    }

    @Override
    void beginBackward() {
        dInput = new float[steps * batch * width];
        dRecurrent = new float[steps * batch * width];
    }

    @Override
    void backwardStep(int s, int n, float[][] dStates) {
        float[] dh = dStates[0];
        float[] h = states[0];
        int hd = hidden;
        for (int i = 0; i < n; i++) {
            int row = s * batch + i;
            int o = row * width;
            int a = row * 4 * hd;
            int before = row * hd;
            int at = i * hd;
            for (int j = 0; j < hd; j++) {
                float rg = saved[a + j];
                float zg = saved[a + hd + j];
                float ng = saved[a + 2 * hd + j];
                float hn = saved[a + 3 * hd + j];
                float dhj = dh[at + j];
                float dn = dhj * (1 - zg) * (1 - ng * ng);
                float dr = dn * hn * rg * (1 - rg);
                float dz = dhj * (h[before + j] - ng) * zg * (1 - zg);
                dInput[o + j] = dr;
                dInput[o + hd + j] = dz;
                dInput[o + 2 * hd + j] = dn;
                dRecurrent[o + j] = dr;
                dRecurrent[o + hd + j] = dz;
                dRecurrent[o + 2 * hd + j] = dn * rg;
                dh[at + j] = dhj * zg;
            }
        }
    }

    @Override
    float[] inputGradients() {
        return dInput;
    }

    @Override
    float[] recurrentGradients() {
        return dRecurrent;
    }
}
