package dev.kiln.rl.agent;

import dev.kiln.core.random.Rng;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.env.EnvironmentSpec;
import dev.kiln.rl.env.TabularEnvironment;
import dev.kiln.rl.tabular.QTable;
import java.util.List;

/** A greedy policy over a Q-table for a tabular environment, as learned by TD control or derived from an MDP solution. */
public record TabularAgent(EnvironmentSpec environment, String algorithm, QTable q) implements TrainedAgent {
    /** The algorithms whose results this agent holds. */
    public static final List<String> ALGORITHMS = List.of("q-learning", "sarsa", "value-iteration", "policy-iteration");

    public TabularAgent {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("unknown tabular algorithm '" + algorithm + "'; expected one of " + ALGORITHMS);
        }
        TabularEnvironment env = environment.tabular();
        if (q.stateCount() != env.stateCount() || q.actionCount() != env.actionCount()) {
            throw new IllegalArgumentException("a " + q.stateCount() + "x" + q.actionCount() + " Q-table does not fit "
                    + environment.description() + " (" + env.stateCount() + " states, " + env.actionCount() + " actions)");
        }
    }

    public int act(int state) {
        return q.greedyAction(state);
    }

    @Override
    public Evaluation evaluate(int episodes, Rng rng) {
        return Evaluation.run(environment.tabular(), this::act, episodes, rng);
    }
}
