package dev.kiln.nn.recurrent;

import dev.kiln.nn.tensor.Tensor;

/**
 * Joins equal blocks of several tensors, row by row: result[r, s, j] = sources[s][offset +
 * r·width + j]. With rows = batch·time it puts two directions' outputs side by side; with
 * rows = 1 it stacks final states.
 */
final class Interleave {
    private Interleave() {
    }

    static Tensor of(String op, int[] shape, Tensor[] sources, int offset, int rows, int width) {
        int stride = sources.length * width;
        float[] out = new float[rows * stride];
        for (int s = 0; s < sources.length; s++) {
            float[] src = sources[s].data();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(src, offset + r * width, out, r * stride + s * width, width);
            }
        }
        return Tensor.derived(op, out, shape, g -> {
            for (int s = 0; s < sources.length; s++) {
                if (!sources[s].requiresGrad()) {
                    continue;
                }
                float[] gs = sources[s].gradientBuffer();
                for (int r = 0; r < rows; r++) {
                    int from = r * stride + s * width;
                    int to = offset + r * width;
                    for (int j = 0; j < width; j++) {
                        gs[to + j] += g[from + j];
                    }
                }
            }
        }, sources);
    }
}
