package dev.kiln.rl.env;

/**
 * The outcome of one action: the next observation, the reward, whether the episode reached a
 * terminal state ({@code terminated}, no value beyond it) or was cut off by the step limit
 * ({@code truncated}, the next state still has value).
 */
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated) {

    /** Whether the episode is over either way. */
    public boolean done() {
        return terminated || truncated;
    }
}
