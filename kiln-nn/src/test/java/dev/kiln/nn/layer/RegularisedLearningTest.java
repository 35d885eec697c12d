package dev.kiln.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.loss.BinaryCrossEntropyLoss;
import dev.kiln.nn.optim.OneCycle;
import dev.kiln.nn.optim.RmsProp;
import dev.kiln.nn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The new pieces together: a He-initialised perceptron with batch norm and dropout, trained by
 * RMSProp under a one-cycle schedule, learns XOR, and in evaluation (switched through
 * Sequential) predicts from the running statistics with dropout off.
 */
class RegularisedLearningTest {

    @Test
    void aBatchNormalisedPerceptronWithDropoutLearnsXor() {
        Rng rng = Rng.seeded(21);
        Tensor w1 = Init.kaimingNormal(Tensor.zeros(16, 2), Init.FanMode.FAN_IN, Init.gain(Init.Nonlinearity.RELU), rng);
        Tensor w2 = Init.xavierUniform(Tensor.zeros(1, 16), 1, rng);
        BatchNorm norm = new BatchNorm(16);
        Dropout dropout = new Dropout(0.1, rng.stream(1));
        Sequential net = new Sequential(new Linear(w1, Tensor.zeros(16)), norm, Activation.RELU, dropout, new Linear(w2, Tensor.zeros(1)));
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        int steps = 300;
        RmsProp rms = new RmsProp(net.parameters(), RmsProp.Params.of(0.01));
        OneCycle schedule = OneCycle.of(0.05, steps);
        BinaryCrossEntropyLoss loss = new BinaryCrossEntropyLoss();
        for (int step = 0; step < steps; step++) {
            schedule.apply(rms, step);
            rms.zeroGrad();
            loss.apply(net.forward(x), y).backward();
            rms.step();
        }
        net.train(false);
        assertThat(norm.isTraining()).isFalse();
        assertThat(dropout.isTraining()).isFalse();
        Tensor logits = net.forward(x);
        assertThat(loss.apply(logits, y).item()).isLessThan(0.01f);
        for (int i = 0; i < 4; i++) {
            assertThat(logits.get(i, 0) > 0).as("row %d", i).isEqualTo(y.get(i, 0) == 1);
        }
    }
}
