package dev.kiln.rl.agent;

import dev.kiln.core.random.Rng;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.env.EnvironmentSpec;

/** A trained policy together with the environment it was trained on; saved and loaded as a Kiln model file. */
public sealed interface TrainedAgent permits TabularAgent, DqnAgent {

    EnvironmentSpec environment();

    /** The algorithm that produced it: "q-learning", "sarsa", "value-iteration", "policy-iteration" or "dqn". */
    String algorithm();

    /** Runs the greedy policy on a fresh instance of its environment for {@code episodes} episodes. */
    Evaluation evaluate(int episodes, Rng rng);
}
