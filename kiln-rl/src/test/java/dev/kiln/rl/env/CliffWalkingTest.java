package dev.kiln.rl.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class CliffWalkingTest {

    @Test
    void steppingOntoTheCliffCostsAHundredAndReturnsToTheStart() {
        TabularEnvironment env = CliffWalking.create();
        assertThat(env.reset(Rng.seeded(1))).isEqualTo(CliffWalking.START);
        Step<Integer> fall = env.step(CliffWalking.RIGHT);
        assertThat(fall.reward()).isEqualTo(-100);
        assertThat(fall.observation()).isEqualTo(CliffWalking.START);
        assertThat(fall.terminated()).isFalse();
        Step<Integer> up = env.step(CliffWalking.UP);
        assertThat(up.observation()).isEqualTo(24);
        assertThat(up.reward()).isEqualTo(-1);
    }

    @Test
    void theShortestPathAlongTheCliffReturnsMinusThirteen() {
        TabularEnvironment env = CliffWalking.create();
        env.reset(Rng.seeded(1));
        double total = env.step(CliffWalking.UP).reward();
        for (int i = 0; i < 11; i++) {
            total += env.step(CliffWalking.RIGHT).reward();
        }
        Step<Integer> last = env.step(CliffWalking.DOWN);
        total += last.reward();
        assertThat(last.terminated()).isTrue();
        assertThat(last.observation()).isEqualTo(CliffWalking.GOAL);
        assertThat(total).isEqualTo(-13);
        assertThat(env.model().stateCount()).isEqualTo(48);
        assertThat(env.model().isTerminal(CliffWalking.GOAL)).isTrue();
    }

    @Test
    void wallsKeepTheAgentInPlaceAndLongWalksAreTruncated() {
        TabularEnvironment env = CliffWalking.create();
        env.reset(Rng.seeded(1));
        assertThat(env.step(CliffWalking.LEFT).observation()).isEqualTo(CliffWalking.START);
        Step<Integer> step;
        int n = 1;
        do {
            step = env.step(CliffWalking.DOWN);
            n++;
        } while (!step.done());
        assertThat(step.truncated()).isTrue();
        assertThat(n).isEqualTo(CliffWalking.MAX_EPISODE_STEPS);
    }
}
