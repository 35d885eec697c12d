package dev.kiln.rl.env;

import dev.kiln.core.random.Rng;

/**
 * An episodic environment in the shape of Gymnasium's {@code Env} (Towers et al. 2024): {@link #reset}
 * starts an episode and returns the first observation, {@link #step} applies an action. An
 * environment holds the state of one episode, so it is not thread-safe; give each thread its own.
 *
 * @param <O> what the agent observes: a state index for tabular environments, a float vector otherwise
 */
public interface Environment<O> {

    /** The number of discrete actions, numbered 0 … actionCount − 1. */
    int actionCount();

    /**
     * Starts a new episode. Every random draw of the episode — the start state and any stochastic
     * transition — comes from {@code rng}, so a seeded generator replays the same episodes.
     */
    O reset(Rng rng);

    /** Applies {@code action} to the current state; after a terminated or truncated step, call {@link #reset} first. */
    Step<O> step(int action);

    /** The step at which an episode is cut off (reported as {@code truncated}), as Gymnasium's TimeLimit wrapper does. */
    int maxEpisodeSteps();
}
