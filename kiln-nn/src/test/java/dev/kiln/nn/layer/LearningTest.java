package dev.kiln.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.loss.BinaryCrossEntropyLoss;
import dev.kiln.nn.loss.CrossEntropyLoss;
import dev.kiln.nn.optim.Adam;
import dev.kiln.nn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Small networks learn problems no linear model can: XOR and three interleaved spirals. */
class LearningTest {

    @Test
    void aTwoLayerPerceptronLearnsXor() {
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        Sequential net = Sequential.mlp(new int[] {2, 8, 1}, Activation.TANH, Rng.seeded(1));
        Adam adam = new Adam(net.parameters(), Adam.Params.adam(0.05));
        BinaryCrossEntropyLoss loss = new BinaryCrossEntropyLoss();
        float last = Float.NaN;
        for (int step = 0; step < 500; step++) {
            adam.zeroGrad();
            Tensor l = loss.apply(net.forward(x), y);
            l.backward();
            adam.step();
            last = l.item();
        }
        assertThat(last).isLessThan(0.05f);
        Tensor logits = net.forward(x);
        for (int i = 0; i < 4; i++) {
            assertThat(logits.get(i, 0) > 0).as("row %d", i).isEqualTo(y.get(i, 0) == 1);
        }
    }

    @Test
    void anMlpSeparatesThreeSpirals() {
        // The spiral set of CS231n: 100 points per class along r = t, θ = 4(k + t) + noise.
        int perClass = 100;
        int n = 3 * perClass;
        float[] points = new float[n * 2];
        int[] labels = new int[n];
        Rng rng = Rng.seeded(5);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < perClass; i++) {
                double r = (double) i / (perClass - 1);
                double theta = 4 * k + 4 * r + 0.2 * rng.nextGaussian();
                int row = k * perClass + i;
                points[2 * row] = (float) (r * Math.sin(theta));
                points[2 * row + 1] = (float) (r * Math.cos(theta));
                labels[row] = k;
            }
        }
        Tensor x = Tensor.of(points, n, 2);
        Sequential net = Sequential.mlp(new int[] {2, 64, 64, 3}, Activation.RELU, Rng.seeded(3));
        Adam adam = new Adam(net.parameters(), Adam.Params.adam(0.01));
        CrossEntropyLoss loss = new CrossEntropyLoss();
        for (int step = 0; step < 600; step++) {
            adam.zeroGrad();
            loss.apply(net.forward(x), labels).backward();
            adam.step();
        }
        Tensor logits;
        try (var scope = Tensor.noGrad()) {
            logits = net.forward(x);
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                if (logits.get(i, k) > logits.get(i, best)) {
                    best = k;
                }
            }
            correct += best == labels[i] ? 1 : 0;
        }
        // A linear classifier manages about 50% here.
        assertThat(correct / (double) n).isGreaterThanOrEqualTo(0.95);
    }
}
