package dev.kiln.rl.mdp;

/**
 * One possible outcome of taking an action in a state: with {@code probability} the environment
 * moves to state {@code next}, pays {@code reward}, and ends the episode when {@code terminated}.
 */
public record Transition(double probability, int next, double reward, boolean terminated) {

    public Transition {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("transition probability must be in [0, 1], got " + probability);
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("transition reward must be finite, got " + reward);
        }
    }
}
