package dev.kiln.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LSTM and GRU outputs against PyTorch 1.13 for a two-layer bidirectional network (input 3,
 * hidden 4) whose weights, inputs and initial states all follow a sine formula, both for a full
 * batch and for a packed batch of lengths 2, 4 and 1 (deliberately unsorted) from given states.
 */
class PyTorchReferenceTest {
    private static final float TOLERANCE = 1e-5f;

    /**
     * wave(n, scale, phase)[e] = scale·sin(0.37·e + phase), rounded to float: the same numbers in
     * Java and in the Python below.
     */
    private static Tensor wave(double scale, double phase, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int e = 0; e < n; e++) {
            v[e] = (float) (scale * Math.sin(0.37 * e + phase));
        }
        return Tensor.of(v, shape);
    }

    /** Parameter k (in PyTorch's order) gets wave(numel, 0.5, 1.1·k). */
    private static <T extends Recurrent> T withWaveWeights(T net) {
        List<Tensor> parameters = net.parameters();
        for (int k = 0; k < parameters.size(); k++) {
            float[] p = parameters.get(k).data();
            System.arraycopy(wave(0.5, 1.1 * k, p.length).data(), 0, p, 0, p.length);
        }
        return net;
    }

    private static void assertClose(String what, Tensor actual, float[] expected, int... shape) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(shape);
        float[] a = actual.data();
        for (int i = 0; i < expected.length; i++) {
            assertThat(a[i]).as("%s element %d", what, i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private static final Tensor FULL_INPUT = wave(1.0, 0.2, 2, 4, 3);
    private static final Tensor PACKED_INPUT = wave(1.0, 0.7, 3, 4, 3);
    private static final int[] LENGTHS = {2, 4, 1};
    private static final Tensor H0 = wave(0.5, 1.9, 4, 3, 4);
    private static final Tensor C0 = wave(0.5, 2.3, 4, 3, 4);

    @Test
    void lstmMatchesPyTorch() {
        Lstm lstm = withWaveWeights(new Lstm(new Lstm.Config(3, 4, 2, true), Rng.seeded(0)));
        RecurrentOutput out = lstm.forward(FULL_INPUT, null);
        assertClose("output", out.output(), LSTM_OUTPUT, 2, 4, 8);
        assertClose("h_n", out.hidden(), LSTM_HIDDEN, 4, 2, 4);
        assertClose("c_n", out.cell(), LSTM_CELL, 4, 2, 4);
    }

    @Test
    void packedLstmMatchesPyTorch() {
        Lstm lstm = withWaveWeights(new Lstm(new Lstm.Config(3, 4, 2, true), Rng.seeded(0)));
        RecurrentOutput out = lstm.forward(PACKED_INPUT, LENGTHS, H0, C0);
        assertClose("output", out.output(), LSTM_PACKED_OUTPUT, 3, 4, 8);
        assertClose("h_n", out.hidden(), LSTM_PACKED_HIDDEN, 4, 3, 4);
        assertClose("c_n", out.cell(), LSTM_PACKED_CELL, 4, 3, 4);
    }

    @Test
    void gruMatchesPyTorch() {
        Gru gru = withWaveWeights(new Gru(new Gru.Config(3, 4, 2, true), Rng.seeded(0)));
        RecurrentOutput out = gru.forward(FULL_INPUT, null);
        assertClose("output", out.output(), GRU_OUTPUT, 2, 4, 8);
        assertClose("h_n", out.hidden(), GRU_HIDDEN, 4, 2, 4);
        assertThat(out.cell()).isNull();
    }

    @Test
    void packedGruMatchesPyTorch() {
        Gru gru = withWaveWeights(new Gru(new Gru.Config(3, 4, 2, true), Rng.seeded(0)));
        RecurrentOutput out = gru.forward(PACKED_INPUT, LENGTHS, H0);
        assertClose("output", out.output(), GRU_PACKED_OUTPUT, 3, 4, 8);
        assertClose("h_n", out.hidden(), GRU_PACKED_HIDDEN, 4, 3, 4);
    }

    /*
     * The numbers below are printed by this script (python3-torch 1.13, CPU), one line per tensor:
     *
     * import math, torch
     * from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
     *
     * def wave(n, scale, phase):
     *     return torch.tensor([scale * math.sin(0.37 * e + phase) for e in range(n)], dtype=torch.float32)
     *
     * def run(cls, packed):
     *     net = cls(3, 4, num_layers=2, bidirectional=True, batch_first=True)
     *     with torch.no_grad():
     *         for k, p in enumerate(net.parameters()):
     *             p.copy_(wave(p.numel(), 0.5, 1.1 * k).view_as(p))
     *     if not packed:
     *         out, state = net(wave(2 * 4 * 3, 1.0, 0.2).view(2, 4, 3))
     *     else:
     *         x = wave(3 * 4 * 3, 1.0, 0.7).view(3, 4, 3)
     *         h0 = wave(4 * 3 * 4, 0.5, 1.9).view(4, 3, 4)
     *         c0 = wave(4 * 3 * 4, 0.5, 2.3).view(4, 3, 4)
     *         seqs = pack_padded_sequence(x, [2, 4, 1], batch_first=True, enforce_sorted=False)
     *         out, state = net(seqs, (h0, c0) if cls is torch.nn.LSTM else h0)
     *         out, _ = pad_packed_sequence(out, batch_first=True, total_length=4)
     *     return [out] + (list(state) if isinstance(state, tuple) else [state])
     *
     * for cls in (torch.nn.LSTM, torch.nn.GRU):
     *     for packed in (False, True):
     *         for t in run(cls, packed):
     *             print(cls.__name__, packed, list(t.shape), ", ".join("%.7gf" % v for v in t.detach().flatten().tolist()))
     */

    /** [2, 4, 8]. */
    private static final float[] LSTM_OUTPUT = {
            0.08279407f, 0.09466422f, 0.01271779f, 0.06983434f, -0.02418747f, 0.250677f, 0.03091734f, 0.2930141f,
            0.0945892f, 0.1556527f, -0.001917661f, 0.186598f, -0.02100964f, 0.2271712f, 0.05143412f, 0.2397649f,
            0.1143333f, 0.1573566f, 0.008920936f, 0.2421328f, -0.01201744f, 0.1788195f, 0.07680431f, 0.1974797f,
            0.1565528f, 0.1130535f, 0.06894509f, 0.2062705f, -0.009232911f, 0.110055f, 0.1011419f, 0.1296594f,
            0.104196f, 0.0739806f, 0.0418987f, 0.03085159f, -0.001176355f, 0.2106652f, 0.02837354f, 0.2980375f,
            0.1715474f, 0.08614557f, 0.07928166f, 0.06505744f, -0.01963867f, 0.2179322f, 0.03314172f, 0.2852645f,
            0.1571542f, 0.1235406f, 0.05745559f, 0.1648415f, -0.03873778f, 0.2099902f, 0.05917893f, 0.2222116f,
            0.1301298f, 0.1520728f, 0.04304412f, 0.2461187f, -0.02961978f, 0.1298813f, 0.09219582f, 0.1263947f,
    };
    /** [4, 2, 4]. */
    private static final float[] LSTM_HIDDEN = {
            -0.1582621f, -0.03924963f, 0.1717533f, 0.3199544f, -0.2043138f, -0.5257952f, -0.3742676f, 0.1695291f,
            0.0393808f, -0.1220249f, -0.3862169f, -0.5778027f, -0.4311588f, -0.2087555f, -0.109848f, -0.09084236f,
            0.1565528f, 0.1130535f, 0.06894509f, 0.2062705f, 0.1301298f, 0.1520728f, 0.04304412f, 0.2461187f,
            -0.02418747f, 0.250677f, 0.03091734f, 0.2930141f, -0.001176355f, 0.2106652f, 0.02837354f, 0.2980375f,
    };
    /** [4, 2, 4]. */
    private static final float[] LSTM_CELL = {
            -0.3788584f, -0.08568604f, 0.2324052f, 0.3808505f, -0.2490846f, -0.7741322f, -0.6326847f, 0.3568974f,
            0.1178507f, -0.3140265f, -0.9855911f, -1.444815f, -0.8213872f, -1.130066f, -1.163047f, -0.2508692f,
            0.3802537f, 0.3562126f, 0.2295586f, 0.6358342f, 0.3921398f, 0.3837035f, 0.1830799f, 0.649344f,
            -0.03311791f, 0.3720066f, 0.04987713f, 0.6069955f, -0.001642436f, 0.2983451f, 0.04875231f, 0.5627433f,
    };
    /** [3, 4, 8]. */
    private static final float[] LSTM_PACKED_OUTPUT = {
            0.02172688f, 0.02766622f, -0.04095289f, -0.04718331f, -0.07317429f, 0.2358435f, 0.04752479f, 0.1582465f,
            0.0688573f, 0.1363459f, -0.02417374f, 0.02029604f, 0.01259983f, 0.09227976f, 0.05422794f, -0.01806743f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0.07903683f, 0.09264071f, 0.1526568f, 0.1867765f, -0.01278634f, 0.193342f, 0.04271622f, 0.2880153f,
            0.1195508f, 0.1058236f, 0.1333132f, 0.2269838f, -0.04758503f, 0.179856f, 0.06574751f, 0.2520972f,
            0.1058535f, 0.1365678f, 0.09865976f, 0.2992005f, -0.08134954f, 0.1028628f, 0.1158789f, 0.167378f,
            0.1010443f, 0.1338003f, 0.1168794f, 0.2777771f, -0.1300832f, -0.05810789f, 0.1524591f, 0.03377095f,
            0.1672339f, 0.03067545f, 0.1386435f, 0.2849408f, -0.07853373f, 0.09719656f, 0.1536316f, 0.2880354f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
    };
    /** [4, 3, 4]. */
    private static final float[] LSTM_PACKED_HIDDEN = {
            -0.1758077f, -0.5043105f, -0.3601561f, 0.0438881f, -0.2019783f, -0.4297936f, -0.3165716f, 0.2445155f,
            -0.1616989f, -0.04213209f, 0.2727422f, 0.3296083f, 0.0583909f, 0.07570754f, -0.4590788f, -0.5740538f,
            -0.2884882f, -0.1916965f, -0.1415202f, -0.2057989f, -0.2948739f, -0.1724621f, -0.1317205f, -0.08492846f,
            0.0688573f, 0.1363459f, -0.02417374f, 0.02029604f, 0.1010443f, 0.1338003f, 0.1168794f, 0.2777771f,
            0.1672339f, 0.03067545f, 0.1386435f, 0.2849408f, -0.07317429f, 0.2358435f, 0.04752479f, 0.1582465f,
            -0.01278634f, 0.193342f, 0.04271622f, 0.2880153f, -0.07853373f, 0.09719656f, 0.1536316f, 0.2880354f,
    };
    /** [4, 3, 4]. */
    private static final float[] LSTM_PACKED_CELL = {
            -0.2181612f, -0.71417f, -0.5782524f, 0.09088187f, -0.2717581f, -0.6664439f, -0.4837417f, 0.4111531f,
            -0.3892778f, -0.09789325f, 0.3667529f, 0.3880327f, 0.3038665f, 0.1677928f, -0.7737569f, -1.152981f,
            -0.5305243f, -0.8641427f, -1.111157f, -0.5312249f, -0.6818929f, -0.7802282f, -0.6698548f, -0.1739722f,
            0.1879786f, 0.3155307f, -0.08909251f, 0.06033878f, 0.2633905f, 0.4188505f, 0.4117565f, 0.9347723f,
            0.3851959f, 0.1432274f, 0.5841476f, 0.6288943f, -0.1088174f, 0.3394751f, 0.07459218f, 0.2833045f,
            -0.01801374f, 0.2729219f, 0.07335421f, 0.5281684f, -0.1198258f, 0.1432191f, 0.2499855f, 0.4635883f,
    };
    /** [2, 4, 8]. */
    private static final float[] GRU_OUTPUT = {
            0.1367477f, 0.256615f, -0.004418963f, 0.163608f, -0.4433512f, 0.3169459f, -0.05946807f, 0.4739713f,
            0.1121341f, 0.4336078f, -0.07105945f, 0.2669539f, -0.2778774f, 0.164512f, 0.1865127f, 0.3561092f,
            0.06063998f, 0.5569896f, -0.1318291f, 0.3506535f, -0.236951f, 0.138727f, 0.1981081f, 0.2981794f,
            0.2772839f, 0.4658958f, 0.02593938f, 0.3412372f, -0.03853545f, 0.0400731f, 0.1867964f, 0.232584f,
            0.1981613f, 0.1093315f, 0.1033009f, 0.06951712f, -0.6133034f, 0.5516755f, -0.4043759f, 0.6260653f,
            0.3443158f, 0.2284944f, 0.1607222f, 0.1744183f, -0.5204463f, 0.4392908f, -0.2950856f, 0.4998551f,
            0.3640712f, 0.3755409f, 0.1534071f, 0.2642575f, -0.2629944f, 0.1971775f, 0.1004156f, 0.318525f,
            0.2047015f, 0.4991942f, 0.06885248f, 0.3341672f, -0.1073424f, 0.03604071f, 0.2642676f, 0.1216949f,
    };
    /** [4, 2, 4]. */
    private static final float[] GRU_HIDDEN = {
            -0.5065865f, 0.06558305f, 0.4467517f, 0.4006416f, -0.3366039f, -0.8561699f, -0.4966022f, 0.1911044f,
            0.1888914f, -0.05642383f, -0.8382887f, -0.7288721f, -0.2769345f, -0.5520247f, -0.704441f, -0.04951298f,
            0.2772839f, 0.4658958f, 0.02593938f, 0.3412372f, 0.2047015f, 0.4991942f, 0.06885248f, 0.3341672f,
            -0.4433512f, 0.3169459f, -0.05946807f, 0.4739713f, -0.6133034f, 0.5516755f, -0.4043759f, 0.6260653f,
    };
    /** [3, 4, 8]. */
    private static final float[] GRU_PACKED_OUTPUT = {
            -0.1962553f, -0.19672f, -0.181105f, -0.08915599f, -0.2458861f, 0.2544855f, 0.02720699f, 0.2436f,
            -0.04422656f, 0.01775777f, -0.1223212f, 0.03947246f, 0.06431614f, 0.01881519f, 0.2821663f, -0.089454f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0.1209251f, 0.1928618f, 0.2610899f, 0.3632351f, -0.4743846f, 0.3689896f, -0.1669374f, 0.4979995f,
            0.2624549f, 0.3284941f, 0.2675475f, 0.4091655f, -0.351687f, 0.1763823f, 0.05573732f, 0.3257774f,
            0.2550859f, 0.4161859f, 0.2494586f, 0.4464395f, -0.1314097f, -0.1312129f, 0.279089f, 0.0810041f,
            0.1581302f, 0.4712423f, 0.2245789f, 0.4742725f, -0.05106875f, -0.3743514f, -0.008951545f, -0.1732705f,
            0.4623231f, 0.4347973f, 0.4380836f, 0.4294906f, -0.3840584f, 0.1269363f, 0.06848903f, 0.3992384f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
    };
    /** [4, 3, 4]. */
    private static final float[] GRU_PACKED_HIDDEN = {
            -0.29105f, -0.7566354f, -0.5326381f, 0.08340704f, -0.3778026f, -0.8205054f, -0.4349073f, 0.2641688f,
            -0.530167f, 0.01194808f, 0.3409791f, 0.2297533f, 0.3603589f, 0.3044293f, -0.606867f, -0.7297904f,
            -0.1337429f, -0.4505663f, -0.6203901f, -0.2771358f, -0.2102693f, -0.379535f, -0.3771966f, -0.1308938f,
            -0.04422656f, 0.01775777f, -0.1223212f, 0.03947246f, 0.1581302f, 0.4712423f, 0.2245789f, 0.4742725f,
            0.4623231f, 0.4347973f, 0.4380836f, 0.4294906f, -0.2458861f, 0.2544855f, 0.02720699f, 0.2436f,
            -0.4743846f, 0.3689896f, -0.1669374f, 0.4979995f, -0.3840584f, 0.1269363f, 0.06848903f, 0.3992384f,
    };
}
