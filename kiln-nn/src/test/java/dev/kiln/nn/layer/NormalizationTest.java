package dev.kiln.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm and LayerNorm against PyTorch 1.13 (CPU, float32). The inputs come from formulas both
 * languages evaluate in double and round to float; the expected numbers were printed by the
 * script below (values to 8 significant digits), and agree to 10⁻⁵.
 *
 * <pre>{@code
 * import math, torch
 * def fmt(t): return ", ".join("%.8gf" % v for v in t.flatten().tolist())
 * def inp(n, f): return torch.tensor([f(i) for i in range(n)], dtype=torch.float64).float()
 * a = lambda i: math.sin(0.7 * i + 0.3) * (1 + 0.25 * (i % 3))
 * b = lambda i: 2 * math.cos(0.9 * i) + 0.5
 * c = lambda i: math.sin(1.3 * i)
 * w = lambda i: math.cos(0.37 * i)
 * for shape in [(4, 3), (2, 3, 2, 2)]:
 *     n = math.prod(shape)
 *     bn = torch.nn.BatchNorm2d(3) if len(shape) == 4 else torch.nn.BatchNorm1d(3)
 *     with torch.no_grad():
 *         bn.weight.copy_(torch.tensor([1.5, -0.75, 1.0])); bn.bias.copy_(torch.tensor([0.25, -0.5, 0.0]))
 *     x = inp(n, a).reshape(shape).requires_grad_()
 *     y = bn(x)
 *     (y * inp(n, w).reshape(shape)).sum().backward()
 *     print(shape, "y1", fmt(y.detach()))
 *     print("dx", fmt(x.grad)); print("dgamma", fmt(bn.weight.grad)); print("dbeta", fmt(bn.bias.grad))
 *     print("rm1", fmt(bn.running_mean), "rv1", fmt(bn.running_var))
 *     bn(inp(n, b).reshape(shape))
 *     print("rm2", fmt(bn.running_mean), "rv2", fmt(bn.running_var))
 *     bn.eval()
 *     print("eval", fmt(bn(inp(n, c).reshape(shape)).detach()))
 * for ns in [(4,), (3, 4)]:
 *     ln = torch.nn.LayerNorm(ns)
 *     with torch.no_grad():
 *         ln.weight.copy_(inp(math.prod(ns), lambda i: 1 + 0.3 * math.sin(i)).reshape(ns))
 *         ln.bias.copy_(inp(math.prod(ns), lambda i: 0.2 * math.cos(2 * i)).reshape(ns))
 *     x = inp(24, a).reshape(2, 3, 4).requires_grad_()
 *     y = ln(x)
 *     (y * inp(24, w).reshape(2, 3, 4)).sum().backward()
 *     print(ns, "y", fmt(y.detach())); print("dx", fmt(x.grad)); print("dgamma", fmt(ln.weight.grad)); print("dbeta", fmt(ln.bias.grad))
 * }</pre>
 */
class NormalizationTest {
    private static final double TOLERANCE = 1e-5;
    private static final IntToDoubleFunction A = i -> Math.sin(0.7 * i + 0.3) * (1 + 0.25 * (i % 3));
    private static final IntToDoubleFunction B = i -> 2 * Math.cos(0.9 * i) + 0.5;
    private static final IntToDoubleFunction C = i -> Math.sin(1.3 * i);
    private static final IntToDoubleFunction W = i -> Math.cos(0.37 * i);

    private static float[] values(int n, IntToDoubleFunction f) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) f.applyAsDouble(i);
        }
        return v;
    }

    private static void assertClose(String what, float[] actual, float... expected) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private record BatchNormRun(float[] y1, float[] dx, float[] dGamma, float[] dBeta, float[] mean1, float[] var1, float[] mean2,
            float[] var2, float[] eval) {
    }

    /** Training steps on inputs A (with backward against weights W) and B, then evaluation on C. */
    private static BatchNormRun run(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        BatchNorm bn = new BatchNorm(3);
        System.arraycopy(new float[] {1.5f, -0.75f, 1f}, 0, bn.weight().data(), 0, 3);
        System.arraycopy(new float[] {0.25f, -0.5f, 0f}, 0, bn.bias().data(), 0, 3);
        Tensor x = Tensor.of(values(n, A), shape).requireGrad();
        Tensor y = bn.forward(x);
        y.mul(Tensor.of(values(n, W), shape)).sum().backward();
        float[] mean1 = bn.runningMean().data().clone();
        float[] var1 = bn.runningVar().data().clone();
        bn.forward(Tensor.of(values(n, B), shape));
        float[] mean2 = bn.runningMean().data().clone();
        float[] var2 = bn.runningVar().data().clone();
        bn.train(false);
        float[] eval = bn.forward(Tensor.of(values(n, C), shape)).data();
        return new BatchNormRun(y.data(), x.grad().data(), bn.weight().grad().data(), bn.bias().grad().data(), mean1, var1, mean2,
                var2, eval);
    }

    @Test
    void batchNormOverFeaturesMatchesPyTorch() {
        BatchNormRun r = run(4, 3);
        assertClose("y", r.y1(), 0.77449399f, -1.1616915f, 0.99516732f, 1.6833113f, -0.32017779f, -1.153031f, -2.2706215f, 0.65299302f,
                -0.83421355f, 0.81281626f, -1.1711237f, 0.99207729f);
        assertClose("dx", r.dx(), 2.1797044f, -0.67624307f, 0.62541491f, 0.3361778f, -0.28688055f, 0.33311471f, 0.067774922f,
                0.13733163f, -0.39021364f, -2.583657f, 0.82579195f, -0.56831592f);
        assertClose("dgamma", r.dGamma(), 1.4218822f, 1.3512295f, 1.2787975f);
        assertClose("dbeta", r.dBeta(), -0.14219457f, -0.67679209f, -1.1197889f);
        assertClose("running mean after 1", r.mean1(), 0.0076248655f, 0.026563553f, 0.037323322f);
        assertClose("running var after 1", r.var1(), 0.95243168f, 1.0058801f, 1.067155f);
        assertClose("running mean after 2", r.mean2(), 0.081216209f, 0.0645862f, 0.0476491f);
        assertClose("running var after 2", r.var2(), 1.153213f, 1.3068603f, 1.1107897f);
        assertClose("eval", r.eval(), 0.1365571f, -1.0897815f, 0.44390586f, -0.82411546f, 0.12197376f, 0.15889911f, 1.5313237f,
                -0.6669758f, -0.83066547f, -0.92778248f, -0.73328316f, 0.89105505f);
    }

    @Test
    void batchNormOverImagesMatchesPyTorch() {
        BatchNormRun r = run(2, 3, 2, 2);
        assertClose("y", r.y1(), 0.26775312f, 1.6370506f, 2.4258003f, 0.95563126f, -0.94897789f, 0.020278683f, 0.079990789f,
                0.20671275f, -1.1737982f, -0.14566f, 0.74004507f, 1.2362157f, 0.93301123f, -0.21121033f, -1.9647938f, -2.0432422f,
                0.19671489f, -0.35996568f, -1.2243327f, -1.970421f, 1.2316436f, 0.25357851f, -0.50110364f, -1.640921f);
        assertClose("dx", r.dx(), 0.87354344f, 0.70964354f, 0.33483076f, -0.15267192f, 0.3631148f, 0.27754915f, 0.57851595f,
                0.76647818f, -0.3195256f, -0.56539589f, -0.62030798f, -0.44622207f, -1.4441161f, -0.74601758f, -0.053384766f,
                0.47817287f, -1.0143919f, -0.82017279f, -0.34731218f, 0.196219f, 0.77783591f, 0.59513801f, 0.34531865f, 0.23315904f);
        assertClose("dgamma", r.dGamma(), 0.20030008f, 2.7972293f, 1.6330093f);
        assertClose("dbeta", r.dBeta(), 4.137682f, 1.9572828f, -3.7827418f);
        assertClose("running mean after 1", r.mean1(), 0.028571445f, -0.039723646f, 0.043513115f);
        assertClose("running var after 1", r.var1(), 0.97844797f, 0.96435171f, 0.98227555f);
        assertClose("running mean after 2", r.mean2(), 0.13916323f, -0.028499592f, 0.10238268f);
        assertClose("running var after 2", r.var2(), 1.0668979f, 1.0738716f, 1.1047829f);
        assertClose("eval", r.eval(), 0.04790654f, 1.44719f, 0.79651994f, -0.95087051f, 0.11876585f, -0.67631739f, -1.2433128f,
                -0.75157076f, -0.88499361f, -0.82235122f, 0.30233753f, 0.84140098f, 0.20438688f, -1.3013715f, -0.83043438f,
                0.92727423f, -1.1928333f, -0.44200158f, 0.19364469f, -0.21711773f, 0.62808603f, 0.68970716f, -0.40179443f,
                -1.0473664f);
    }

    private static LayerNorm layerNorm(int... normalized) {
        LayerNorm ln = new LayerNorm(normalized);
        int d = ln.weight().size();
        System.arraycopy(values(d, i -> 1 + 0.3 * Math.sin(i)), 0, ln.weight().data(), 0, d);
        System.arraycopy(values(d, i -> 0.2 * Math.cos(2 * i)), 0, ln.bias().data(), 0, d);
        return ln;
    }

    @Test
    void layerNormOverTheLastDimensionMatchesPyTorch() {
        LayerNorm ln = layerNorm(4);
        Tensor x = Tensor.of(values(24, A), 2, 3, 4).requireGrad();
        Tensor y = ln.forward(x);
        y.mul(Tensor.of(values(24, W), 2, 3, 4)).sum().backward();
        assertClose("y", y.data(), -1.1163766f, 0.41035935f, 1.6249306f, -0.28442156f, 1.9133773f, -0.57522905f, -0.79587299f,
                -0.63970494f, -1.2583313f, -0.50621372f, 0.6681155f, 1.4099268f, 1.603581f, 0.52827841f, -1.2947441f, -0.82663512f,
                -1.0541062f, -0.81010836f, 0.46207538f, 1.6187042f, 1.5282941f, 0.41469273f, -0.53878373f, -1.2727152f);
        assertClose("dx", x.grad().data(), 0.41253269f, 0.5708369f, -0.071546316f, -0.91182327f, -0.06885466f, 0.58727425f,
                -0.23553398f, -0.28288558f, 0.20204222f, -0.2742039f, -0.21770334f, 0.28986454f, -0.011652663f, 0.024623036f,
                -0.13371271f, 0.12074235f, -0.23405921f, 0.21149719f, 0.22334552f, -0.20078373f, 0.010248452f, 0.062344626f,
                -0.12943015f, 0.056837037f);
        assertClose("dgamma", ln.weight().grad().data(), -0.69406044f, 0.30801925f, 0.91355926f, 0.91177124f);
        assertClose("dbeta", ln.bias().grad().data(), 1.2113986f, 0.85574907f, 0.38427818f, -0.13920307f);
    }

    @Test
    void layerNormOverTheLastTwoDimensionsMatchesPyTorch() {
        LayerNorm ln = layerNorm(3, 4);
        Tensor x = Tensor.of(values(24, A), 2, 3, 4).requireGrad();
        Tensor y = ln.forward(x);
        y.mul(Tensor.of(values(24, W), 2, 3, 4)).sum().backward();
        assertClose("y", y.data(), 0.26277515f, 1.0359136f, 1.6157002f, 0.69249243f, -0.18736443f, -1.0724695f, -1.054904f,
                -1.7382578f, -1.3299788f, 0.22237431f, 0.83965081f, 0.75784063f, 1.0121044f, -0.003708659f, -1.5101737f, -0.99114454f,
                -1.0103105f, -0.60210425f, 0.54871476f, 1.582278f, 2.1168821f, 1.0276942f, 0.11391637f, -0.97486651f);
        assertClose("dx", x.grad().data(), 1.2200873f, 1.0307889f, 0.56544685f, 0.44311422f, 0.31887352f, 0.50514835f, 0.14187491f,
                -0.30704868f, -0.85657924f, -1.0987346f, -1.0369821f, -0.92598921f, -0.74825126f, -0.28631228f, 0.24666965f,
                0.48441535f, 0.42262661f, 0.41166294f, 0.57880795f, 0.61186588f, 0.24576575f, -0.3179597f, -0.71058488f, -0.93870604f);
        assertClose("dgamma", ln.weight().grad().data(), -0.15570781f, 0.83928668f, 0.52474606f, -0.62995243f, -1.2051816f,
                -0.25966558f, 1.1930718f, 2.2093847f, 1.6440964f, -0.012089894f, -0.77916688f, -0.1445705f);
        assertClose("dbeta", ln.bias().grad().data(), 0.73096693f, 1.0297834f, 1.1892236f, 1.187708f, 1.0254416f, 0.72438651f,
                0.32528913f, -0.11783463f, -0.54500997f, -0.89842087f, -1.1302346f, -1.2090764f);
    }

    @Test
    void batchNormKeepsItsRunningStatisticsAsBuffers() {
        BatchNorm bn = new BatchNorm(2);
        assertThat(bn.buffers()).containsExactly(bn.runningMean(), bn.runningVar());
        assertThat(bn.runningMean().data()).containsExactly(0f, 0f);
        assertThat(bn.runningVar().data()).containsExactly(1f, 1f);
        assertThat(bn.parameters()).containsExactly(bn.weight(), bn.bias());
        assertThat(bn.buffers()).noneMatch(Tensor::requiresGrad);
        try (var scope = Tensor.noGrad()) {
            bn.forward(Tensor.of(new float[] {1, 2, 3, 6}, 2, 2));
        }
        // Updated under noGrad too, as PyTorch does in training mode: 0.9·0 + 0.1·mean, 0.9·1 + 0.1·unbiased variance.
        assertThat(bn.runningMean().data()).containsExactly(0.2f, 0.4f);
        assertThat(bn.runningVar().data()[0]).isCloseTo(0.9f + 0.1f * 2f, within(1e-6f));
        assertThat(bn.runningVar().data()[1]).isCloseTo(0.9f + 0.1f * 8f, within(1e-6f));
        bn.train(false);
        bn.forward(Tensor.of(new float[] {100, 100}, 1, 2));
        assertThat(bn.runningMean().data()).containsExactly(0.2f, 0.4f);
        assertThat(new BatchNorm(BatchNorm.Config.of(2).withAffine(false)).parameters()).isEmpty();
    }

    @Test
    void configsAreValidated() {
        assertThat(BatchNorm.Config.of(8)).isEqualTo(new BatchNorm.Config(8, 1e-5, 0.1, true));
        assertThat(LayerNorm.Config.of(3, 4)).isEqualTo(new LayerNorm.Config(List.of(3, 4), 1e-5, true));
        assertThat(new LayerNorm(5).config().normalizedShape()).containsExactly(5);
        assertThatThrownBy(() -> new BatchNorm(0)).hasMessage("BatchNorm: channels must be >= 1, got 0");
        assertThatThrownBy(() -> BatchNorm.Config.of(2).withMomentum(1.5)).hasMessage("BatchNorm: momentum must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> BatchNorm.Config.of(2).withEps(0)).hasMessage("BatchNorm: eps must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new LayerNorm(3, 0)).hasMessage(
                "LayerNorm: the normalised shape needs at least one dimension, each >= 1, got [3, 0]");
        assertThatThrownBy(() -> new LayerNorm()).hasMessageContaining("at least one dimension");
        assertThatThrownBy(() -> LayerNorm.Config.of(2).withEps(Double.NaN)).hasMessageContaining("eps must be");
    }

    @Test
    void wrongShapesNameTheLayerAndBothShapes() {
        assertThatThrownBy(() -> new BatchNorm(3).forward(Tensor.zeros(4, 2, 5, 5)))
                .hasMessage("BatchNorm: expected an input of shape [N, 3] or [N, 3, ...] (such as NCHW images), got [4, 2, 5, 5]");
        assertThatThrownBy(() -> new BatchNorm(3).forward(Tensor.zeros(3)))
                .hasMessage("BatchNorm: expected an input of shape [N, 3] or [N, 3, ...] (such as NCHW images), got [3]");
        assertThatThrownBy(() -> new BatchNorm(3).forward(Tensor.zeros(1, 3)))
                .hasMessage("BatchNorm: training needs more than one value per channel, got input shape [1, 3]");
        assertThatThrownBy(() -> new LayerNorm(3, 4).forward(Tensor.zeros(2, 4, 3)))
                .hasMessage("LayerNorm: expected an input whose last dimensions are [3, 4], got shape [2, 4, 3]");
        assertThatThrownBy(() -> new LayerNorm(2, 3, 4).forward(Tensor.zeros(3, 4)))
                .hasMessage("LayerNorm: expected an input whose last dimensions are [2, 3, 4], got shape [3, 4]");
    }
}
