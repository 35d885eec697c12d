package dev.kiln.nn.recurrent;

import dev.kiln.core.linalg.Blas;
import dev.kiln.nn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of one recurrent layer over a whole batch, as a single differentiable operation
 * with back-propagation through time (Werbos, Proc. IEEE 1990). Forward: one GEMM gives x·W_ihᵀ
 * for every step, then each step one GEMM h·W_hhᵀ for the sequences still running and the
 * cell's element-wise update. Backward walks the steps in reverse with one GEMM per step for
 * the gradient reaching the previous state, then three GEMMs over all steps at once give the
 * gradients of W_ih, W_hh and the input.
 *
 * <p>Everything inside runs time-major in the {@link Schedule}'s order: row s·batch + i holds
 * step s of the i-th sequence of that order. The result is one flat tensor: the outputs
 * [batch, time, hidden] (zero past each sequence's length), then each final state [batch, hidden].
 */
abstract class Sweep {
    final int batch;
    final int steps;
    final int hidden;
    /** gates · hidden: the width of a row of pre-activations. */
    final int width;
    /** b_ih + b_hh, for the gates that only need the sum. */
    final float[] bias;
    final float[] biasIh;
    final float[] biasHh;
    /** [steps·batch, width]: x·W_ihᵀ, without bias. */
    final float[] gx;
    /** [batch, width]: this step's h·W_hhᵀ, without bias. */
    final float[] gh;
    /** Per state (h, and c for the LSTM), [(steps + 1)·batch, hidden]: the state before each step and after the last. */
    final float[][] states;

    private final Schedule schedule;
    private final int in;
    private final Tensor x;
    private final Tensor weightIh;
    private final Tensor weightHh;
    private final Tensor biasIhTensor;
    private final Tensor biasHhTensor;
    private final Tensor[] initial;
    private final int initialOffset;
    /** [steps·batch, in]: the input in schedule order. */
    private final float[] xs;

    /**
     * @param weights       W_ih [width, in], W_hh [width, hidden], b_ih, b_hh [width]
     * @param initial       per state, [layers·directions, batch, hidden] or null for zeros
     * @param initialOffset where this layer-direction's [batch, hidden] block starts in each initial state
     */
    Sweep(Schedule schedule, int gates, int stateCount, Tensor x, List<Tensor> weights, Tensor[] initial, int initialOffset) {
        this.schedule = schedule;
        this.batch = schedule.batch;
        this.steps = schedule.steps;
        this.x = x;
        this.in = x.dim(2);
        this.weightIh = weights.get(0);
        this.weightHh = weights.get(1);
        this.biasIhTensor = weights.get(2);
        this.biasHhTensor = weights.get(3);
        this.hidden = weightHh.dim(1);
        this.width = gates * hidden;
        this.biasIh = biasIhTensor.data();
        this.biasHh = biasHhTensor.data();
        this.bias = new float[width];
        for (int j = 0; j < width; j++) {
            bias[j] = biasIh[j] + biasHh[j];
        }
        this.initial = initial;
        this.initialOffset = initialOffset;
        this.xs = new float[steps * batch * in];
        this.gx = new float[steps * batch * width];
        this.gh = new float[batch * width];
        this.states = new float[stateCount][(steps + 1) * batch * hidden];
    }

    /** Step s for the first n sequences: reads gx, gh and the states before the step, writes the states after it. */
    abstract void forwardStep(int s, int n);

    /** Allocates the buffers the backward pass writes. */
    abstract void beginBackward();

    /**
     * Back through step s for the first n sequences. On entry {@code dStates} hold dL/d(state after
     * the step); on exit, dL/d(state before the step) except, for h, the part that flows through
     * W_hh, which the caller adds from {@link #recurrentGradients()}. Writes this step's rows of
     * {@link #inputGradients()} and {@link #recurrentGradients()}.
     */
    abstract void backwardStep(int s, int n, float[][] dStates);

    /** [steps·batch, width]: dL/d(x·W_ihᵀ + b_ih), zero for finished sequences. */
    abstract float[] inputGradients();

    /** [steps·batch, width]: dL/d(h·W_hhᵀ + b_hh), zero for finished sequences. */
    abstract float[] recurrentGradients();

    /** Runs the sweep and records it as the operation {@code op}. */
    final Tensor apply(String op) {
        float[] input = x.data();
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < batch; i++) {
                System.arraycopy(input, schedule.inputRow(s, i) * in, xs, (s * batch + i) * in, in);
            }
        }
        float[] wIh = weightIh.data();
        float[] wHh = weightHh.data();
        Blas.sgemm(false, true, steps * batch, width, in, 1f, xs, 0, in, wIh, 0, in, 0f, gx, 0, width);
        int block = batch * hidden;
        for (int k = 0; k < states.length; k++) {
            if (initial[k] != null) {
                float[] init = initial[k].data();
                for (int i = 0; i < batch; i++) {
                    System.arraycopy(init, initialOffset + schedule.order[i] * hidden, states[k], i * hidden, hidden);
                }
            }
        }
        int outputSize = steps * block;
        float[] result = new float[outputSize + states.length * block];
        float[] h = states[0];
        for (int s = 0; s < steps; s++) {
            int n = schedule.active[s];
            if (n > 0) {
                Blas.sgemm(false, true, n, width, hidden, 1f, h, s * block, hidden, wHh, 0, hidden, 0f, gh, 0, width);
                forwardStep(s, n);
            }
            for (float[] state : states) {
                System.arraycopy(state, s * block + n * hidden, state, (s + 1) * block + n * hidden, (batch - n) * hidden);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(h, (s + 1) * block + i * hidden, result, schedule.inputRow(s, i) * hidden, hidden);
            }
        }
        for (int k = 0; k < states.length; k++) {
            for (int i = 0; i < batch; i++) {
                System.arraycopy(states[k], steps * block + i * hidden, result, outputSize + k * block + schedule.order[i] * hidden, hidden);
            }
        }
        List<Tensor> inputs = new ArrayList<>(List.of(x, weightIh, weightHh, biasIhTensor, biasHhTensor));
        for (Tensor state : initial) {
            if (state != null) {
                inputs.add(state);
            }
        }
        return Tensor.derived(op, result, new int[] {result.length}, this::backward, inputs.toArray(Tensor[]::new));
    }

    private void backward(float[] g) {
        beginBackward();
        int block = batch * hidden;
        int outputSize = steps * block;
        float[][] d = new float[states.length][block];
        for (int k = 0; k < states.length; k++) {
            for (int i = 0; i < batch; i++) {
                System.arraycopy(g, outputSize + k * block + schedule.order[i] * hidden, d[k], i * hidden, hidden);
            }
        }
        float[] dh = d[0];
        float[] dGx = inputGradients();
        float[] dGh = recurrentGradients();
        float[] wHh = weightHh.data();
        for (int s = steps - 1; s >= 0; s--) {
            int n = schedule.active[s];
            if (n == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                int from = schedule.inputRow(s, i) * hidden;
                int to = i * hidden;
                for (int j = 0; j < hidden; j++) {
                    dh[to + j] += g[from + j];
                }
            }
            backwardStep(s, n, d);
            Blas.sgemm(false, false, n, hidden, width, 1f, dGh, s * batch * width, width, wHh, 0, hidden, 1f, dh, 0, hidden);
        }
        int rows = steps * batch;
        if (weightHh.requiresGrad()) {
            Blas.sgemm(true, false, width, hidden, rows, 1f, dGh, 0, width, states[0], 0, hidden, 1f, weightHh.gradientBuffer(), 0, hidden);
        }
        if (weightIh.requiresGrad()) {
            Blas.sgemm(true, false, width, in, rows, 1f, dGx, 0, width, xs, 0, in, 1f, weightIh.gradientBuffer(), 0, in);
        }
        if (biasIhTensor.requiresGrad()) {
            addColumnSums(dGx, rows, biasIhTensor.gradientBuffer());
        }
        if (biasHhTensor.requiresGrad()) {
            addColumnSums(dGh, rows, biasHhTensor.gradientBuffer());
        }
        if (x.requiresGrad()) {
            float[] dxs = new float[rows * in];
            Blas.sgemm(false, false, rows, in, width, 1f, dGx, 0, width, weightIh.data(), 0, in, 0f, dxs, 0, in);
            float[] gxIn = x.gradientBuffer();
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < schedule.active[s]; i++) {
                    int from = (s * batch + i) * in;
                    int to = schedule.inputRow(s, i) * in;
                    for (int j = 0; j < in; j++) {
                        gxIn[to + j] += dxs[from + j];
                    }
                }
            }
        }
        for (int k = 0; k < states.length; k++) {
            if (initial[k] != null && initial[k].requiresGrad()) {
                float[] gi = initial[k].gradientBuffer();
                for (int i = 0; i < batch; i++) {
                    int to = initialOffset + schedule.order[i] * hidden;
                    for (int j = 0; j < hidden; j++) {
                        gi[to + j] += d[k][i * hidden + j];
                    }
                }
            }
        }
    }

    private void addColumnSums(float[] m, int rows, float[] out) {
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                out[j] += m[o + j];
            }
        }
    }
}
