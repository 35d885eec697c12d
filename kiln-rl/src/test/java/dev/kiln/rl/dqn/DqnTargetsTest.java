package dev.kiln.rl.dqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.loss.HuberLoss;
import dev.kiln.nn.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DqnTargetsTest {
    // Three transitions, two actions. Q_online(s', ·) and Q_target(s', ·) disagree on the best action in rows 0 and 1.
    private static final float[] REWARDS = {1f, 0.5f, 2f};
    private static final boolean[] TERMINATED = {false, false, true};
    private static final float[] NEXT_ONLINE = {3f, 1f, 0f, 2f, 5f, 6f};
    private static final float[] NEXT_TARGET = {2f, 4f, 7f, 1f, 9f, 9f};

    @Test
    void dqnBootstrapsFromTheTargetNetworksMaximum() {
        float[] y = new float[3];
        DqnTargets.compute(REWARDS, TERMINATED, NEXT_ONLINE, NEXT_TARGET, 2, 0.9, false, y);
        // 1 + 0.9·max(2, 4) = 4.6; 0.5 + 0.9·max(7, 1) = 6.8; terminated: 2.
        assertThat(y[0]).isCloseTo(4.6f, within(1e-6f));
        assertThat(y[1]).isCloseTo(6.8f, within(1e-6f));
        assertThat(y[2]).isEqualTo(2f);
    }

    @Test
    void doubleDqnSelectsWithTheOnlineNetworkAndEvaluatesWithTheTarget() {
        float[] y = new float[3];
        DqnTargets.compute(REWARDS, TERMINATED, NEXT_ONLINE, NEXT_TARGET, 2, 0.9, true, y);
        // Online picks action 0 in row 0 (3 > 1) and action 1 in row 1 (2 > 0): 1 + 0.9·2 = 2.8; 0.5 + 0.9·1 = 1.4.
        assertThat(y[0]).isCloseTo(2.8f, within(1e-6f));
        assertThat(y[1]).isCloseTo(1.4f, within(1e-6f));
        assertThat(y[2]).isEqualTo(2f);
    }

    @Test
    void theHuberTdLossTouchesOnlyTheTakenActionsWithClippedErrors() {
        // Q(s, ·) for three states; actions taken 1, 0, 1; targets chosen so the errors are 0.5, −3 and 1.5.
        Tensor q = Tensor.of(new float[] {0f, 2.5f, 1f, 7f, 4f, 3.5f}, 3, 2).requireGrad();
        int[] actions = {1, 0, 1};
        float[] targets = {2f, 4f, 2f};
        Tensor loss = Dqn.tdLoss(q, actions, targets, new float[6], new HuberLoss(1f));
        // Huber δ 1: 0.5·0.5², 1·(3 − 0.5), 1·(1.5 − 0.5); mean over 3 = (0.125 + 2.5 + 1)/3.
        assertThat(loss.item()).isCloseTo((0.125f + 2.5f + 1f) / 3, within(1e-6f));
        loss.backward();
        // d/dQ: clip(error, −1, 1)/3 at the taken actions, 0 elsewhere.
        assertThat(q.grad().data()).containsExactly(new float[] {0f, 0.5f / 3, -1f / 3, 0f, 0f, 1f / 3}, within(1e-6f));
    }
}
