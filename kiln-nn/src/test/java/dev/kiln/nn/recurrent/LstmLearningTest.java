package dev.kiln.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Linear;
import dev.kiln.nn.loss.CrossEntropyLoss;
import dev.kiln.nn.optim.Adam;
import dev.kiln.nn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An LSTM learns the parity of bit strings of length 1 to 10, read from its final hidden state
 * after variable-length batches: a task with a known answer that needs the whole sequence (the
 * count of ones modulo 2; no function of a few bits gives better than chance). Batches draw the
 * length uniformly, so the short strings from which parity is first learnt come up often. A
 * quarter of the strings of length 6 to 10, drawn once, are never trained on and are the test.
 */
class LstmLearningTest {
    private static final int MAX_LENGTH = 10;
    private static final int BATCH = 64;

    /** A bit string: its length and its bits, bit t being the t-th step. */
    private record BitString(int length, int code) {
        int parity() {
            return Integer.bitCount(code) & 1;
        }
    }

    @Test
    void learnsParityOfBitStringsToNinetyNinePercentOnHeldOutStrings() {
        assertThat(heldOutAccuracy(11, 300)).isGreaterThanOrEqualTo(0.99);
    }

    /** Trains for {@code steps} Adam steps from {@code seed}, then returns the accuracy on the held-out strings. */
    static double heldOutAccuracy(long seed, int steps) {
        Rng rng = Rng.seeded(seed);
        boolean[][] heldOut = new boolean[MAX_LENGTH + 1][];
        List<BitString> test = new ArrayList<>();
        for (int len = 1; len <= MAX_LENGTH; len++) {
            heldOut[len] = new boolean[1 << len];
            for (int code = 0; len >= 6 && code < 1 << len; code++) {
                if (rng.nextInt(4) == 0) {
                    heldOut[len][code] = true;
                    test.add(new BitString(len, code));
                }
            }
        }
        Lstm lstm = new Lstm(new Lstm.Config(2, 16), rng);
        Linear head = new Linear(16, 2, rng);
        List<Tensor> parameters = new ArrayList<>(lstm.parameters());
        parameters.addAll(head.parameters());
        Adam adam = new Adam(parameters, Adam.Params.adam(0.03));
        CrossEntropyLoss loss = new CrossEntropyLoss();
        for (int step = 0; step < steps; step++) {
            List<BitString> batch = new ArrayList<>(BATCH);
            while (batch.size() < BATCH) {
                int len = 1 + rng.nextInt(MAX_LENGTH);
                int code = rng.nextInt(1 << len);
                if (!heldOut[len][code]) {
                    batch.add(new BitString(len, code));
                }
            }
            adam.zeroGrad();
            loss.apply(logits(lstm, head, batch), parities(batch)).backward();
            adam.step();
        }
        try (var scope = Tensor.noGrad()) {
            Tensor logits = logits(lstm, head, test);
            int[] parity = parities(test);
            int correct = 0;
            for (int i = 0; i < parity.length; i++) {
                correct += (logits.get(i, 1) > logits.get(i, 0) ? 1 : 0) == parity[i] ? 1 : 0;
            }
            return correct / (double) parity.length;
        }
    }

    /** The head's logits [n, 2] on the LSTM's final hidden states for a padded batch of one-hot bits [n, MAX_LENGTH, 2]. */
    private static Tensor logits(Lstm lstm, Linear head, List<BitString> strings) {
        float[] x = new float[strings.size() * MAX_LENGTH * 2];
        int[] lengths = new int[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            BitString s = strings.get(i);
            lengths[i] = s.length();
            for (int t = 0; t < s.length(); t++) {
                x[(i * MAX_LENGTH + t) * 2 + ((s.code() >> t) & 1)] = 1;
            }
        }
        return head.forward(lstm.forward(Tensor.of(x, strings.size(), MAX_LENGTH, 2), lengths).last());
    }

    private static int[] parities(List<BitString> strings) {
        return strings.stream().mapToInt(BitString::parity).toArray();
    }
}
