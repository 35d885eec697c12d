package dev.kiln.nn.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.loss.BinaryCrossEntropyLoss;
import dev.kiln.nn.loss.CrossEntropyLoss;
import dev.kiln.nn.loss.HuberLoss;
import dev.kiln.nn.loss.MeanSquaredErrorLoss;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every operation's gradient against central finite differences: L = Σ f(inputs) ⊙ R for a fixed
 * random R, each input element nudged by ±h. In float32 with h = 10⁻², the difference quotient
 * is good to about 10⁻⁴ (rounding in L over 2h, plus the O(h²) truncation), so analytic and
 * numeric gradients must agree to 10⁻² absolute plus 10⁻² relative. Shapes are drawn at random.
 */
class GradientCheckTest {
    private static final float H = 1e-2f;
    private final Rng rng = Rng.seeded(2026);

    private int d() {
        return 1 + rng.nextInt(4);
    }

    /** A random tensor whose entries stay at least 0.1 from 0 (so that kinks and poles are not crossed by ±h). */
    private Tensor away(int... shape) {
        Tensor t = Tensor.randn(rng, shape);
        float[] v = t.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.copySign(Math.abs(v[i]) + 0.1f, v[i]);
        }
        return t;
    }

    private Tensor positive(int... shape) {
        Tensor t = Tensor.uniform(rng, 0.5f, 2f, shape);
        return t;
    }

    private void check(String name, Function<Tensor[], Tensor> f, Tensor... constants) {
        Tensor[] inputs = new Tensor[constants.length];
        for (int i = 0; i < constants.length; i++) {
            inputs[i] = constants[i].requireGrad();
        }
        Tensor out = f.apply(inputs);
        Tensor weights = Tensor.randn(Rng.seeded(7), out.shape());
        Function<Tensor[], Double> loss = in -> {
            try (var scope = Tensor.noGrad()) {
                return (double) f.apply(in).mul(weights).sum().item();
            }
        };
        f.apply(inputs).mul(weights).sum().backward();
        for (int k = 0; k < inputs.length; k++) {
            float[] x = inputs[k].data();
            float[] analytic = inputs[k].hasGrad() ? inputs[k].gradientBuffer() : new float[x.length];
            for (int i = 0; i < x.length; i++) {
                float keep = x[i];
                x[i] = keep + H;
                double up = loss.apply(inputs);
                x[i] = keep - H;
                double down = loss.apply(inputs);
                x[i] = keep;
                double numeric = (up - down) / (2 * H);
                assertThat(Math.abs(analytic[i] - numeric))
                        .as("%s: d/d input %d element %d: analytic %s, numeric %s", name, k, i, analytic[i], numeric)
                        .isLessThanOrEqualTo(1e-2 + 1e-2 * Math.abs(numeric));
            }
        }
    }

    @Test
    void arithmeticWithBroadcasting() {
        for (int trial = 0; trial < 5; trial++) {
            int a = d();
            int b = d();
            int c = d();
            check("add", t -> t[0].add(t[1]), away(a, b), away(b));
            check("sub", t -> t[0].sub(t[1]), away(a, 1, c), away(b, 1));
            check("mul", t -> t[0].mul(t[1]), away(a, b), away(a, 1));
            check("div", t -> t[0].div(t[1]), away(a, b, c), positive(b, c));
            check("same-shape mul", t -> t[0].mul(t[1]), away(a, b), away(a, b));
            check("scalar ops", t -> t[0].mul(-1.5f).add(0.25f), away(a, b));
        }
    }

    @Test
    void elementwiseFunctions() {
        for (int trial = 0; trial < 3; trial++) {
            int[] s = {d(), d()};
            check("relu", t -> t[0].relu(), away(s));
            check("leaky_relu", t -> t[0].leakyRelu(0.1f), away(s));
            check("sigmoid", t -> t[0].sigmoid(), away(s));
            check("tanh", t -> t[0].tanh(), away(s));
            check("gelu", t -> t[0].gelu(), away(s));
            check("exp", t -> t[0].exp(), away(s));
            check("log", t -> t[0].log(), positive(s));
            check("square", t -> t[0].square(), away(s));
        }
    }

    @Test
    void reductionsAndShapes() {
        for (int trial = 0; trial < 3; trial++) {
            int a = d();
            int b = d();
            check("sum", t -> t[0].sum(), away(a, b));
            check("sum along 0", t -> t[0].sum(0), away(a, b, 2));
            check("mean along -1", t -> t[0].mean(-1), away(a, b, 3));
            check("mean along 1", t -> t[0].mean(1), away(a, b));
            check("mean", t -> t[0].mean(), away(a, b, 2));
            check("reshape", t -> t[0].reshape(-1).mul(t[0].reshape(-1)), away(a, b));
            check("transpose", t -> t[0].transpose().mul(t[1]), away(a, b), away(b, a));
        }
    }

    @Test
    void matrixProducts() {
        for (int trial = 0; trial < 4; trial++) {
            int m = d();
            int k = d();
            int n = d();
            check("matmul", t -> t[0].matmul(t[1]), away(m, k), away(k, n));
            check("linear", t -> t[0].linear(t[1], t[2]), away(m, k), away(n, k), away(n));
            check("linear without bias", t -> t[0].linear(t[1], null), away(m, k), away(n, k));
        }
    }

    @Test
    void slicesAndConcatenation() {
        for (int trial = 0; trial < 3; trial++) {
            int a = 1 + d();
            int b = d();
            int c = d();
            int from = rng.nextInt(a);
            int to = from + 1 + rng.nextInt(a - from);
            check("slice", t -> t[0].slice(0, from, to), away(a, b, c));
            check("slice inner", t -> t[0].slice(-1, 0, 1), away(b, a, c));
            check("concat", t -> Tensor.concat(1, t[0], t[1], t[0]), away(b, a, c), away(b, 1 + d(), c));
        }
    }

    @Test
    void stridedViews() {
        for (int trial = 0; trial < 3; trial++) {
            int a = 1 + d();
            int b = d();
            int c = d();
            int at = rng.nextInt(a);
            check("permute", t -> t[0].permute(2, 0, 1).mul(t[1]), away(a, b, c), away(c, a, b));
            check("transpose of dims", t -> t[0].transpose(0, 2).square(), away(a, b, c));
            check("select", t -> t[0].select(0, at).mul(t[0].select(0, a - 1)), away(a, b, c));
            check("expand", t -> t[0].expand(a, b, c).mul(t[1]), away(b, 1), away(a, b, c));
            check("unsqueeze", t -> t[0].unsqueeze(1).expand(b, a, c).sum(1), away(b, c));
            check("squeeze", t -> t[0].squeeze(1).mul(t[0].squeeze(-1)), away(b, 1));
            check("view of a view", t -> t[0].transpose(0, 1).slice(0, 0, 1).select(1, at).exp(), away(a, b, c));
            check("reshape of a transpose", t -> t[0].transpose().reshape(-1).mul(t[1]), away(a, b), away(a * b));
            check("matmul of transposes", t -> t[0].transpose().matmul(t[1].transpose()), away(c, a), away(b, c));
            check("matmul of a row slice", t -> t[0].slice(0, at, a).matmul(t[1]), away(a, c), away(c, b));
        }
    }

    @Test
    void extremaAlongADimension() {
        for (int trial = 0; trial < 3; trial++) {
            int[] s = {d(), d(), d()};
            int dim = rng.nextInt(3);
            check("max along " + dim, t -> t[0].max(dim), distinct(s));
            check("min along " + dim, t -> t[0].min(dim), distinct(s));
        }
    }

    @Test
    void convolutions() {
        for (int trial = 0; trial < 4; trial++) {
            int k = 1 + rng.nextInt(3);
            int stride = 1 + rng.nextInt(2);
            int padding = rng.nextInt(k);
            int h = k + rng.nextInt(4);
            int w = k + rng.nextInt(4);
            int c = d();
            int oc = d();
            check("conv2d k" + k + " s" + stride + " p" + padding,
                    t -> Convolution.conv2d(t[0], t[1], t[2], stride, padding), away(d(), c, h, w), away(oc, c, k, k), away(oc));
            check("conv2d without bias", t -> Convolution.conv2d(t[0], t[1], null, stride, padding), away(2, c, h, w), away(3, c, k, k));
        }
    }

    @Test
    void pooling() {
        for (int trial = 0; trial < 4; trial++) {
            int k = 1 + rng.nextInt(3);
            int stride = 1 + rng.nextInt(2);
            int padding = rng.nextInt(k / 2 + 1);
            int[] s = {d(), d(), k + rng.nextInt(4), k + rng.nextInt(4)};
            var win = new Convolution.Window(k, k, stride, stride, padding, padding);
            check("max_pool2d", t -> Pooling.maxPool2d(t[0], win), distinct(s));
            check("avg_pool2d", t -> Pooling.avgPool2d(t[0], win), away(s));
        }
    }

    /** Entries at least 0.05 apart, so that nudging one by ±h never changes which is a window's maximum. */
    private Tensor distinct(int... shape) {
        int n = Shape.size(shape);
        int[] order = rng.permutation(n);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.05f * order[i] - 1f;
        }
        return Tensor.of(v, shape);
    }

    @Test
    void softmaxes() {
        for (int trial = 0; trial < 3; trial++) {
            int[] s = {d(), 1 + d()};
            check("softmax", t -> t[0].softmax(), away(s));
            check("log_softmax", t -> t[0].logSoftmax(), away(s));
        }
    }

    @Test
    void losses() {
        for (int trial = 0; trial < 3; trial++) {
            int n = d();
            int c = 1 + d();
            int[] targets = new int[n];
            for (int i = 0; i < n; i++) {
                targets[i] = rng.nextInt(c);
            }
            float[] weights = new float[c];
            for (int j = 0; j < c; j++) {
                weights[j] = 0.5f + rng.nextFloat();
            }
            check("cross_entropy", t -> new CrossEntropyLoss().apply(t[0], targets), away(n, c));
            check("weighted cross_entropy", t -> new CrossEntropyLoss(weights).apply(t[0], targets), away(n, c));
            Tensor labels = Tensor.uniform(rng, 0, 1, n, c);
            check("binary_cross_entropy", t -> new BinaryCrossEntropyLoss().apply(t[0], labels), away(n, c));
            check("mse", t -> new MeanSquaredErrorLoss().apply(t[0], t[1]), away(n, c), away(n, c));
            // Differences drawn away from ±delta, where the Huber loss's second derivative jumps.
            Tensor target = Tensor.zeros(n, c);
            check("huber, linear part", t -> new HuberLoss(0.05f).apply(t[0], target), away(n, c));
            check("huber, quadratic part", t -> new HuberLoss(10f).apply(t[0], target), away(n, c));
        }
    }
}
