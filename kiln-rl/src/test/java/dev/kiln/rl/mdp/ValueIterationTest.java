package dev.kiln.rl.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.QR;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.random.Rng;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.env.CliffWalking;
import dev.kiln.rl.env.FrozenLake;
import dev.kiln.rl.env.GridWorld;
import dev.kiln.rl.env.TabularEnvironment;
import org.junit.jupiter.api.Test;

class ValueIterationTest {
    /*
     * FrozenLake 4x4 slippery, gamma 0.99, by /usr/bin/python3 (numpy value iteration over Gymnasium's P, to 1e-12):
     * V(0) = 0.5420259319834859, greedy policy [0 3 3 3 0 0 0 0 3 1 0 0 0 2 1 0]. The probability that this policy
     * reaches G within FrozenLake-v1's 100 steps, by forward recursion of the state distribution, is
     * 0.7401648977587011 (0.8235 = 14/17 without the limit). Gammas 0.99, 0.999 and 0.9999 give this policy; 0.9 and
     * 0.95 take action 0 in state 2 and reach 0.7298 within 100 steps.
     */
    static final double OPTIMAL_SUCCESS_100_STEPS = 0.7401648977587011;
    static final int[] OPTIMAL_POLICY = {0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0};

    @Test
    void frozenLakeValuesAndPolicyMatchTheReferenceAndTheLinearSystem() {
        Mdp m = FrozenLake.of("4x4", true).model();
        MdpSolution sol = new ValueIteration(ValueIteration.Params.of(0.99)).solve(m);
        assertThat(sol.value(0)).isCloseTo(0.5420259319834859, within(1e-7));
        assertThat(sol.policy()).containsExactly(OPTIMAL_POLICY);
        // V of the found policy solved directly: (I − γP_π)V = r_π, built here from the transitions.
        int n = m.stateCount();
        Matrix a = Matrix.identity(n);
        double[] r = new double[n];
        for (int s = 0; s < n; s++) {
            if (m.isTerminal(s)) {
                continue;
            }
            for (Transition t : m.transitions(s, sol.action(s))) {
                r[s] += t.probability() * t.reward();
                if (!t.terminated()) {
                    a.set(s, t.next(), a.get(s, t.next()) - 0.99 * t.probability());
                }
            }
        }
        double[] exact = QR.of(a).solve(Vector.wrap(r)).toArray();
        for (int s = 0; s < n; s++) {
            assertThat(sol.value(s)).as("V(%d)", s).isCloseTo(exact[s], within(1e-7));
        }
    }

    @Test
    void theOptimalPolicyReachesTheGoalInSeventyFourPercentOfEpisodes() {
        TabularEnvironment env = FrozenLake.of("4x4", true);
        MdpSolution sol = new ValueIteration(ValueIteration.Params.of(0.99)).solve(env.model());
        Evaluation e = Evaluation.run(env, sol::action, 10_000, Rng.seeded(2024));
        // The standard error of a proportion near 0.74 over 10,000 episodes is 0.0044; allow 3.4σ.
        assertThat(e.fractionAtLeast(1)).isCloseTo(OPTIMAL_SUCCESS_100_STEPS, within(0.015));
    }

    @Test
    void valueAndPolicyIterationAgree() {
        for (TabularEnvironment env : new TabularEnvironment[] {FrozenLake.of("4x4", true), FrozenLake.of("8x8", true),
            FrozenLake.of("8x8", false), CliffWalking.create(), GridWorld.suttonBarto()}) {
            MdpSolution vi = new ValueIteration(ValueIteration.Params.of(0.95)).solve(env.model());
            MdpSolution pi = new PolicyIteration(PolicyIteration.Params.of(0.95)).solve(env.model());
            assertThat(pi.policy()).as(env.name()).containsExactly(vi.policy());
            for (int s = 0; s < env.stateCount(); s++) {
                assertThat(vi.value(s)).as("%s V(%d)", env.name(), s).isCloseTo(pi.value(s), within(1e-8));
            }
        }
    }

    @Test
    void gridWorldOptimalValuesAreTheDiscountedStepsToTheNearestCorner() {
        TabularEnvironment env = GridWorld.suttonBarto();
        double gamma = 0.9;
        MdpSolution sol = new ValueIteration(ValueIteration.Params.of(gamma)).solve(env.model());
        for (int s = 0; s < 16; s++) {
            int r = s / 4;
            int c = s % 4;
            int d = Math.min(r + c, (3 - r) + (3 - c));
            // Closed form: −(1 + γ + … + γ^(d−1)) = −(1 − γ^d)/(1 − γ).
            assertThat(sol.value(s)).as("V*(%d)", s).isCloseTo(-(1 - Math.pow(gamma, d)) / (1 - gamma), within(1e-8));
        }
        MdpSolution undiscounted = new ValueIteration(ValueIteration.Params.of(1.0)).solve(env.model());
        assertThat(undiscounted.value(3)).isCloseTo(-3, within(1e-9));
    }

    @Test
    void randomPolicyValuesMatchSuttonAndBartoFigureFourOne() {
        // Sutton and Barto, 2nd ed., figure 4.1 (k = ∞); /usr/bin/python3 numpy.linalg.solve of the same system gives these integers.
        double[] expected = {0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0};
        double[] uniform = new double[16 * 4];
        java.util.Arrays.fill(uniform, 0.25);
        double[] v = PolicyEvaluation.ofStochastic(GridWorld.suttonBarto().model(), uniform, 1.0);
        for (int s = 0; s < 16; s++) {
            assertThat(v[s]).as("V(%d)", s).isCloseTo(expected[s], within(1e-9));
        }
    }

    @Test
    void loopingPoliciesAndBadParametersGetClearErrors() {
        Mdp cliff = CliffWalking.create().model();
        int[] alwaysLeft = new int[48];
        java.util.Arrays.fill(alwaysLeft, CliffWalking.LEFT);
        assertThatThrownBy(() -> PolicyEvaluation.of(cliff, alwaysLeft, 1.0)).hasMessageContaining("use a gamma below 1");
        assertThatThrownBy(() -> new PolicyIteration.Params(1.0, 10)).hasMessageContaining("gamma must be in [0, 1)");
        assertThatThrownBy(() -> new ValueIteration.Params(0.9, 0, 10)).hasMessageContaining("tolerance must be > 0");
        assertThatThrownBy(() -> new ValueIteration(new ValueIteration.Params(0.99, 1e-12, 3)).solve(cliff))
                .hasMessageContaining("did not converge in 3 sweeps");
    }
}
