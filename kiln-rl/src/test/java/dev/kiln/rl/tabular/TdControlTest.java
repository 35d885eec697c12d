package dev.kiln.rl.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.random.Rng;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.env.CliffWalking;
import dev.kiln.rl.env.FrozenLake;
import dev.kiln.rl.env.Step;
import dev.kiln.rl.env.TabularEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TdControlTest {
    /** See ValueIterationTest: the optimal policy's success rate within 100 steps, computed exactly. */
    private static final double OPTIMAL_SUCCESS = 0.7401648977587011;

    static TdControl.Result train(TdControl.Method method, int episodes, double alpha, double gamma, EpsilonSchedule eps, long seed,
                                  TabularEnvironment env) {
        return new TdControl(new TdControl.Params(method, episodes, alpha, gamma, eps, seed)).train(env);
    }

    @Test
    void qLearningOnSlipperyFrozenLakeComesWithinFiveHundredthsOfTheOptimum() {
        TabularEnvironment env = FrozenLake.of("4x4", true);
        QTable q = train(TdControl.Method.Q_LEARNING, 20_000, 0.1, 0.99, new EpsilonSchedule.Linear(1, 0.05, 10_000), 1, env).q();
        Evaluation e = Evaluation.run(env, q::greedyAction, 10_000, Rng.seeded(2024));
        assertThat(e.fractionAtLeast(1)).isGreaterThan(OPTIMAL_SUCCESS - 0.05);
    }

    @Test
    void onTheCliffQLearningTakesTheEdgeAndSarsaTheSafeRoad() {
        TabularEnvironment env = CliffWalking.create();
        EpsilonSchedule eps = new EpsilonSchedule.Constant(0.1);
        QTable q = train(TdControl.Method.Q_LEARNING, 1000, 0.2, 1.0, eps, 3, env).q();
        QTable sarsa = train(TdControl.Method.SARSA, 1000, 0.2, 1.0, eps, 3, env).q();
        List<Integer> optimal = greedyPath(env, q);
        List<Integer> safe = greedyPath(env, sarsa);
        assertThat(optimal).hasSize(14);
        assertThat(optimal).contains(24, 35);
        // The safe road keeps at least one row between the agent and the cliff: it never enters row 2 except at the two ends.
        assertThat(safe.size() - 1).isBetween(15, 17);
        assertThat(safe.stream().filter(s -> s > 24 && s < 35)).isEmpty();
        assertThat(Evaluation.run(env, q::greedyAction, 1, Rng.seeded(0)).meanReturn()).isEqualTo(-13);
        assertThat(Evaluation.run(env, sarsa::greedyAction, 1, Rng.seeded(0)).meanReturn()).isBetween(-17.0, -15.0);
    }

    /** The states the greedy policy visits from the start to the goal, both included. */
    private static List<Integer> greedyPath(TabularEnvironment env, QTable q) {
        List<Integer> path = new ArrayList<>();
        int s = env.reset(Rng.seeded(0));
        path.add(s);
        while (true) {
            Step<Integer> step = env.step(q.greedyAction(s));
            s = step.observation();
            path.add(s);
            if (step.done()) {
                return path;
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameTableAndAnotherSeedAnother() {
        TabularEnvironment env = FrozenLake.of("4x4", true);
        EpsilonSchedule eps = new EpsilonSchedule.Exponential(1, 0.05, 0.999);
        TdControl.Result a = train(TdControl.Method.SARSA, 2000, 0.1, 0.99, eps, 7, env);
        TdControl.Result b = train(TdControl.Method.SARSA, 2000, 0.1, 0.99, eps, 7, env);
        TdControl.Result c = train(TdControl.Method.SARSA, 2000, 0.1, 0.99, eps, 8, env);
        assertThat(a.q()).isEqualTo(b.q());
        assertThat(a.curve().returns()).containsExactly(b.curve().returns());
        assertThat(a.q()).isNotEqualTo(c.q());
    }

    @Test
    void parametersAreValidated() {
        EpsilonSchedule eps = new EpsilonSchedule.Constant(0.1);
        assertThatThrownBy(() -> new TdControl.Params(TdControl.Method.SARSA, 0, 0.1, 0.9, eps, 1)).hasMessageContaining("episodes must be >= 1");
        assertThatThrownBy(() -> new TdControl.Params(TdControl.Method.SARSA, 10, 1.5, 0.9, eps, 1)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new TdControl.Params(TdControl.Method.SARSA, 10, 0.1, 1.1, eps, 1)).hasMessageContaining("gamma");
    }
}
