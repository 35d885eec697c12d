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

    @Test
    void theSameSeedTrainsTheSameNetwork() {
        Dqn.Params p = Dqn.Params.cartPole(25, 5).withLearningStarts(200).withStopReturn(Double.NaN)
                .withTargetUpdate(new TargetUpdate.Soft(0.01));
        Dqn.Result a = new Dqn(p).train(EnvironmentSpec.cartPole());
        Dqn.Result b = new Dqn(p).train(EnvironmentSpec.cartPole());
        Dqn.Result c = new Dqn(p.withLearningRate(2e-3)).train(EnvironmentSpec.cartPole());
        assertThat(a.agent()).isEqualTo(b.agent());
        assertThat(a.curve().returns()).containsExactly(b.curve().returns());
        assertThat(a.agent()).isNotEqualTo(c.agent());
    }

    @Test
    void parametersAreValidated() {
        Dqn.Params p = Dqn.Params.cartPole(10, 1);
        assertThatThrownBy(() -> p.withEpisodes(0)).hasMessageContaining("DQN: episodes must be >= 1");
        assertThatThrownBy(() -> p.withHidden(new int[] {64, 0})).hasMessageContaining("hidden widths");
        assertThatThrownBy(() -> p.withLearningStarts(10)).hasMessageContaining("after at least one batch");
        assertThatThrownBy(() -> new Dqn(p).train(EnvironmentSpec.frozenLake("4x4", true))).hasMessageContaining("vector observations");
    }
}
