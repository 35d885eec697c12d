package dev.kiln.nn.recurrent;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * The LSTM update, gates in PyTorch's order (input, forget, cell, output):
 * i, f, o = σ(·), g = tanh(·) of x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh; c' = f⊙c + i⊙g; h' = o⊙tanh(c').
 */
final class LstmSweep extends Sweep {
    /** [steps·batch, 5·hidden]: i, f, g, o and tanh(c') of each step. */
    private final float[] saved;
    private float[] dGates;

    LstmSweep(Schedule schedule, Tensor x, List<Tensor> weights, Tensor[] initial, int initialOffset) {
        super(schedule, 4, 2, x, weights, initial, initialOffset);
        this.saved = new float[steps * batch * 5 * hidden];
    }

    @Override
    void forwardStep(int s, int n) {
        float[] h = states[0];
        float[] c = states[1];
        int hd = hidden;
        for (int i = 0; i < n; i++) {
            int row = s * batch + i;
            int x = row * width;
            int r = i * width;
            int a = row * 5 * hd;
            int before = row * hd;
            int after = before + batch * hd;
            for (int j = 0; j < width; j++) {
                saved[a + j] = gx[x + j] + gh[r + j] + bias[j];
            }
            GateMath.sigmoid(saved, a, 2 * hd);
            GateMath.tanh(saved, a + 2 * hd, hd);
            GateMath.sigmoid(saved, a + 3 * hd, hd);
            for (int j = 0; j < hd; j++) {
                float cell = saved[a + hd + j] * c[before + j] + saved[a + j] * saved[a + 2 * hd + j];
                c[after + j] = cell;
                saved[a + 4 * hd + j] = cell;
            }
            GateMath.tanh(saved, a + 4 * hd, hd);
            for (int j = 0; j < hd; j++) {
                h[after + j] = saved[a + 3 * hd + j] * saved[a + 4 * hd + j];
            }
        }
    }

    @Override
    void beginBackward() {
        dGates = new float[steps * batch * width];
    }

    @Override
    void backwardStep(int s, int n, float[][] dStates) {
        float[] dh = dStates[0];
        float[] dc = dStates[1];
        float[] c = states[1];
        int hd = hidden;
        for (int i = 0; i < n; i++) {
            int row = s * batch + i;
            int o = row * width;
            int a = row * 5 * hd;
            int before = row * hd;
            int at = i * hd;
            for (int j = 0; j < hd; j++) {
                float ig = saved[a + j];
                float fg = saved[a + hd + j];
                float gg = saved[a + 2 * hd + j];
                float og = saved[a + 3 * hd + j];
                float tc = saved[a + 4 * hd + j];
                float dhj = dh[at + j];
                float dcj = dc[at + j] + dhj * og * (1 - tc * tc);
                dGates[o + j] = dcj * gg * ig * (1 - ig);
                dGates[o + hd + j] = dcj * c[before + j] * fg * (1 - fg);
                dGates[o + 2 * hd + j] = dcj * ig * (1 - gg * gg);
                dGates[o + 3 * hd + j] = dhj * tc * og * (1 - og);
                dc[at + j] = dcj * fg;
                dh[at + j] = 0;
            }
        }
    }

    @Override
    float[] inputGradients() {
        return dGates;
    }

    @Override
    float[] recurrentGradients() {
        return dGates;
    }
}
