package dev.kiln.rl.env;

import dev.kiln.core.random.Rng;
import dev.kiln.rl.mdp.Mdp;
import dev.kiln.rl.mdp.Transition;

/**
 * An environment that is a finite MDP with a known model, stepped by sampling its transitions as
 * Gymnasium's toy-text environments do; the observation is the state index. The model is public
 * so that value and policy iteration can solve it exactly.
 */
public final class TabularEnvironment implements Environment<Integer> {
    private final String name;
    private final Mdp model;
    private final int maxEpisodeSteps;
    private Rng rng;
    private int state = -1;
    private int steps;

    public TabularEnvironment(String name, Mdp model, int maxEpisodeSteps) {
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException(name + ": the step limit must be >= 1, got " + maxEpisodeSteps);
        }
        this.name = name;
        this.model = model;
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    public String name() {
        return name;
    }

    public Mdp model() {
        return model;
    }

    public int stateCount() {
        return model.stateCount();
    }

    @Override
    public int actionCount() {
        return model.actionCount();
    }

    @Override
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    @Override
    public Integer reset(Rng rng) {
        this.rng = rng;
        this.state = model.sampleStart(rng.nextDouble());
        this.steps = 0;
        return state;
    }

    @Override
    public Step<Integer> step(int action) {
        if (state < 0) {
            throw new IllegalStateException(name + ": call reset() before step()");
        }
        if (action < 0 || action >= model.actionCount()) {
            throw new IllegalArgumentException(name + ": action " + action + " is outside 0.." + (model.actionCount() - 1));
        }
        Transition t = model.sample(state, action, rng.nextDouble());
        steps++;
        boolean truncated = !t.terminated() && steps >= maxEpisodeSteps;
        state = t.terminated() || truncated ? -1 : t.next();
        return new Step<>(t.next(), t.reward(), t.terminated(), truncated);
    }
}
