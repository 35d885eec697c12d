package dev.kiln.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm's and LayerNorm's fused backward passes against central finite differences, with
 * GradientCheckTest's loss and tolerance: L = Σ f ⊙ R for a fixed random R, each element of the
 * input, γ and β nudged by ±h = 10⁻², agreement to 10⁻² absolute plus 10⁻² relative. The check
 * perturbs the layer's own γ and β in place, since the layer owns them. Every normalised group
 * has at least three values drawn from N(0, 1), so its variance stays well away from 0, where
 * the second derivative (of order 1/σ²) would make the difference quotient meaningless.
 */
class NormalizationGradientCheckTest {
    private static final float H = 1e-2f;
    private final Rng rng = Rng.seeded(2027);

    private int d() {
        return 1 + rng.nextInt(3);
    }

    private void randomise(Tensor t, float offset) {
        float[] v = t.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = offset + (float) rng.nextGaussian();
        }
    }

    private void check(String name, Supplier<Tensor> f, Tensor... leaves) {
        Tensor out = f.get();
        Tensor weights = Tensor.randn(Rng.seeded(7), out.shape());
        Supplier<Double> loss = () -> {
            try (var scope = Tensor.noGrad()) {
                return (double) f.get().mul(weights).sum().item();
            }
        };
        for (Tensor leaf : leaves) {
            leaf.zeroGrad();
        }
        f.get().mul(weights).sum().backward();
        for (int k = 0; k < leaves.length; k++) {
            float[] x = leaves[k].data();
            float[] analytic = leaves[k].hasGrad() ? leaves[k].gradientBuffer() : new float[x.length];
            for (int i = 0; i < x.length; i++) {
                float keep = x[i];
                x[i] = keep + H;
                double up = loss.get();
                x[i] = keep - H;
                double down = loss.get();
                x[i] = keep;
                double numeric = (up - down) / (2 * H);
                assertThat(Math.abs(analytic[i] - numeric))
                        .as("%s: d/d leaf %d element %d: analytic %s, numeric %s", name, k, i, analytic[i], numeric)
                        .isLessThanOrEqualTo(1e-2 + 1e-2 * Math.abs(numeric));
            }
        }
    }

    @Test
    void batchNormOverFeatures() {
        for (int trial = 0; trial < 4; trial++) {
            int n = 3 + rng.nextInt(3);
            int c = d();
            BatchNorm bn = new BatchNorm(c);
            randomise(bn.weight(), 1f);
            randomise(bn.bias(), 0f);
            Tensor x = Tensor.randn(rng, n, c).requireGrad();
            check("batch norm [" + n + ", " + c + "]", () -> bn.forward(x), x, bn.weight(), bn.bias());
        }
    }

    @Test
    void batchNormOverImagesAndSequences() {
        for (int trial = 0; trial < 4; trial++) {
            int n = d();
            int c = d();
            int h = 1 + d();
            int w = d();
            BatchNorm bn = new BatchNorm(c);
            randomise(bn.weight(), 1f);
            randomise(bn.bias(), 0f);
            Tensor images = Tensor.randn(rng, n, c, h, w).requireGrad();
            check("batch norm NCHW", () -> bn.forward(images), images, bn.weight(), bn.bias());
            Tensor sequences = Tensor.randn(rng, n, c, 3).requireGrad();
            check("batch norm NCL", () -> bn.forward(sequences), sequences, bn.weight(), bn.bias());
        }
    }

    @Test
    void batchNormWithoutAffineAndInEvaluation() {
        BatchNorm plain = new BatchNorm(BatchNorm.Config.of(2).withAffine(false));
        Tensor x = Tensor.randn(rng, 4, 2, 3).requireGrad();
        check("batch norm without affine", () -> plain.forward(x), x);

        BatchNorm bn = new BatchNorm(3);
        randomise(bn.weight(), 1f);
        randomise(bn.bias(), 0f);
        bn.forward(Tensor.randn(rng, 5, 3, 2));
        bn.train(false);
        Tensor y = Tensor.randn(rng, 2, 3, 2).requireGrad();
        check("batch norm in evaluation", () -> bn.forward(y), y, bn.weight(), bn.bias());
    }

    @Test
    void layerNorm() {
        for (int trial = 0; trial < 4; trial++) {
            int a = d();
            int width = 2 + d();
            LayerNorm rows = new LayerNorm(width);
            randomise(rows.weight(), 1f);
            randomise(rows.bias(), 0f);
            Tensor x = Tensor.randn(rng, a, width).requireGrad();
            check("layer norm [" + a + ", " + width + "]", () -> rows.forward(x), x, rows.weight(), rows.bias());

            int b = d();
            LayerNorm blocks = new LayerNorm(b, width);
            randomise(blocks.weight(), 1f);
            randomise(blocks.bias(), 0f);
            Tensor y = Tensor.randn(rng, a, 2, b, width).requireGrad();
            check("layer norm over [" + b + ", " + width + "]", () -> blocks.forward(y), y, blocks.weight(), blocks.bias());
        }
        LayerNorm plain = new LayerNorm(LayerNorm.Config.of(4).withAffine(false));
        Tensor z = Tensor.randn(rng, 3, 4).requireGrad();
        check("layer norm without affine", () -> plain.forward(z), z);
    }
}
