package dev.kiln.rl.dqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.random.Rng;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.env.EnvironmentSpec;
import org.junit.jupiter.api.Test;

class DqnCartPoleTest {

    @Test
    void doubleDqnSolvesCartPole() {
        // Seed 1 with the documented CartPole settings stops after 380 episodes (32,547 steps); on 2 cores it trains in
        // about 10 s. Over seeds 1–10 with a 1,000-episode budget, 10 of 10 reached a 100-episode mean of at least 475.
        Dqn.Result r = new Dqn(Dqn.Params.cartPole(1000, 1)).train(EnvironmentSpec.cartPole());
        Evaluation e = r.agent().evaluate(100, Rng.seeded(99));
        assertThat(e.meanReturn()).as("greedy return over 100 episodes after %d episodes, %.1f s", r.curve().episodes(),
                r.curve().seconds()).isGreaterThanOrEqualTo(475);
    }

    /** CartPole's settings with the given episodes, hidden widths, learning rate and start of learning, soft target updates, no early stop. */
    static Dqn.Params shortRun(int episodes, int[] hidden, double learningRate, int learningStarts, long seed) {
        Dqn.Params d = Dqn.Params.cartPole(episodes, seed);
        return new Dqn.Params(hidden, episodes, learningRate, d.gamma(), d.batchSize(), d.bufferCapacity(), learningStarts,
                d.trainFrequency(), new TargetUpdate.Soft(0.01), d.epsilon(), d.doubleDqn(), d.huberDelta(), d.maxGradNorm(),
                d.evaluationInterval(), d.evaluationEpisodes(), Double.NaN, seed);
    }

    @Test
    void theSameSeedTrainsTheSameNetwork() {
        Dqn.Params p = shortRun(25, new int[] {64, 64}, 1e-3, 200, 5);
        Dqn.Result a = new Dqn(p).train(EnvironmentSpec.cartPole());
        Dqn.Result b = new Dqn(p).train(EnvironmentSpec.cartPole());
        Dqn.Result c = new Dqn(shortRun(25, new int[] {64, 64}, 2e-3, 200, 5)).train(EnvironmentSpec.cartPole());
        assertThat(a.agent()).isEqualTo(b.agent());
        assertThat(a.curve().returns()).containsExactly(b.curve().returns());
        assertThat(a.agent()).isNotEqualTo(c.agent());
    }

    @Test
    void parametersAreValidated() {
        Dqn.Params p = Dqn.Params.cartPole(10, 1);
        assertThatThrownBy(() -> shortRun(0, new int[] {64}, 1e-3, 200, 1)).hasMessageContaining("DQN: episodes must be >= 1");
        assertThatThrownBy(() -> shortRun(10, new int[] {64, 0}, 1e-3, 200, 1)).hasMessageContaining("hidden widths");
        assertThatThrownBy(() -> shortRun(10, new int[] {64}, 1e-3, 10, 1)).hasMessageContaining("after at least one batch");
        assertThatThrownBy(() -> shortRun(10, new int[] {64}, -1, 200, 1)).hasMessageContaining("learning rate must be > 0");
        assertThatThrownBy(() -> new Dqn(p).train(EnvironmentSpec.frozenLake("4x4", true))).hasMessageContaining("vector observations");
    }
}
