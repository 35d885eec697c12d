package dev.kiln.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import dev.kiln.rl.mdp.Mdp;
import dev.kiln.rl.mdp.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenLakeTest {

    @Test
    void slipperyIceMovesInTheIntendedOrAPerpendicularDirectionWithOneThirdEach() {
        Mdp m = FrozenLake.of("4x4", true).model();
        // State 9 (row 2, column 1), action down: Gymnasium lists left (8), down (13), right (10).
        List<Transition> down = m.transitions(9, FrozenLake.DOWN);
        assertThat(down).containsExactly(new Transition(1.0 / 3, 8, 0, false), new Transition(1.0 / 3, 13, 0, false),
                new Transition(1.0 / 3, 10, 0, false));
        // State 14, action right: down (14, against the wall), right (15, the goal: reward 1), up (10).
        assertThat(m.transitions(14, FrozenLake.RIGHT)).containsExactly(new Transition(1.0 / 3, 14, 0, false),
                new Transition(1.0 / 3, 15, 1, true), new Transition(1.0 / 3, 10, 0, false));
        // State 1, action down: right into 2, down into the hole 5, left into 0.
        assertThat(m.transitions(1, FrozenLake.DOWN)).containsExactlyInAnyOrder(new Transition(1.0 / 3, 2, 0, false),
                new Transition(1.0 / 3, 5, 0, true), new Transition(1.0 / 3, 0, 0, false));
    }

    @Test
    void withoutSlipTheMoveIsDeterministicAndHolesAndGoalAreTerminal() {
        TabularEnvironment env = FrozenLake.of("4x4", false);
        Mdp m = env.model();
        assertThat(m.transitions(14, FrozenLake.RIGHT)).containsExactly(new Transition(1, 15, 1, true));
        assertThat(m.transitions(0, FrozenLake.LEFT)).containsExactly(new Transition(1, 0, 0, false));
        for (int s : new int[] {5, 7, 11, 12, 15}) {
            assertThat(m.isTerminal(s)).as("state %d", s).isTrue();
        }
        assertThat(m.startProbability(0)).isEqualTo(1.0);
        env.reset(Rng.seeded(1));
        int[] path = {FrozenLake.DOWN, FrozenLake.DOWN, FrozenLake.RIGHT, FrozenLake.RIGHT, FrozenLake.DOWN, FrozenLake.RIGHT};
        double total = 0;
        Step<Integer> step = null;
        for (int a : path) {
            step = env.step(a);
            total += step.reward();
        }
        assertThat(step.terminated()).isTrue();
        assertThat(step.observation()).isEqualTo(15);
        assertThat(total).isEqualTo(1.0);
    }

    @Test
    void gymnasiumsMapsAndStepLimits() {
        assertThat(FrozenLake.of("4x4", true).maxEpisodeSteps()).isEqualTo(100);
        TabularEnvironment big = FrozenLake.of("8x8", true);
        assertThat(big.maxEpisodeSteps()).isEqualTo(200);
        assertThat(big.stateCount()).isEqualTo(64);
        long holes = FrozenLake.MAP_8X8.stream().mapToLong(r -> r.chars().filter(c -> c == 'H').count()).sum();
        assertThat(holes).isEqualTo(10);
        assertThat(big.model().isTerminal(63)).isTrue();
        TabularEnvironment env = FrozenLake.of("4x4", false);
        env.reset(Rng.seeded(0));
        Step<Integer> step;
        int n = 0;
        do {
            step = env.step(FrozenLake.LEFT);
            n++;
        } while (!step.done());
        assertThat(step.truncated()).isTrue();
        assertThat(n).isEqualTo(100);
    }

    @Test
    void sampledStepsFollowTheModel() {
        TabularEnvironment env = FrozenLake.of("4x4", true);
        Rng rng = Rng.seeded(4);
        int[] counts = new int[16];
        int n = 30_000;
        for (int k = 0; k < n; k++) {
            env.reset(rng);
            counts[env.step(FrozenLake.DOWN).observation()]++;
        }
        // From 0, down: left (stays at 0), down (4), right (1), each 1/3; 3σ of a proportion over 30,000 is 0.008.
        assertThat(counts[0] / (double) n).isCloseTo(1.0 / 3, within(0.008));
        assertThat(counts[4] / (double) n).isCloseTo(1.0 / 3, within(0.008));
        assertThat(counts[1] / (double) n).isCloseTo(1.0 / 3, within(0.008));
    }

    @Test
    void badMapsAreRejected() {
        assertThatThrownBy(() -> FrozenLake.of("5x5", true)).hasMessageContaining("unknown FrozenLake map '5x5'; use 4x4 or 8x8");
        assertThatThrownBy(() -> FrozenLake.of(List.of("SFX", "FFG"), true, 10)).hasMessageContaining("row 0, column 2: 'X'");
        assertThatThrownBy(() -> FrozenLake.of(List.of("FF", "FG"), true, 10)).hasMessageContaining("no start cell");
    }
}
