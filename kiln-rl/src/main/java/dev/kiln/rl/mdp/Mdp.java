package dev.kiln.rl.mdp;

import java.util.Arrays;
import java.util.List;

/**
 * A finite Markov decision process (Bellman 1957; Puterman 1994): states 0 … S−1, actions
 * 0 … A−1, the transition model P(s', r | s, a) as a list of {@link Transition}s for every
 * state and action, the terminal states (value 0, never left) and the start-state distribution.
 * Immutable.
 */
public final class Mdp {
    private static final double SUM_TOLERANCE = 1e-9;

    private final int states;
    private final int actions;
    private final Transition[][][] transitions;
    private final boolean[] terminal;
    private final double[] start;

    /**
     * @param transitions {@code transitions.get(s).get(a)} lists the outcomes of action a in state s; their
     *                    probabilities sum to 1
     * @param terminal    which states end an episode (their transitions are ignored by the solvers)
     * @param start       the probability of starting in each state; sums to 1
     */
    public Mdp(List<List<List<Transition>>> transitions, boolean[] terminal, double[] start) {
        this.states = transitions.size();
        if (states == 0) {
            throw new IllegalArgumentException("an MDP needs at least one state");
        }
        this.actions = transitions.get(0).size();
        if (actions == 0) {
            throw new IllegalArgumentException("an MDP needs at least one action");
        }
        if (terminal.length != states || start.length != states) {
            throw new IllegalArgumentException("terminal flags (" + terminal.length + ") and start distribution (" + start.length
                    + ") must have one entry per state (" + states + ")");
        }
        this.transitions = new Transition[states][actions][];
        for (int s = 0; s < states; s++) {
            if (transitions.get(s).size() != actions) {
                throw new IllegalArgumentException("state " + s + " has " + transitions.get(s).size() + " actions, state 0 has " + actions);
            }
            for (int a = 0; a < actions; a++) {
                List<Transition> outcomes = transitions.get(s).get(a);
                double sum = 0;
                for (Transition t : outcomes) {
                    if (t.next() < 0 || t.next() >= states) {
                        throw new IllegalArgumentException("state " + s + ", action " + a + ": next state " + t.next()
                                + " is outside 0.." + (states - 1));
                    }
                    sum += t.probability();
                }
                if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                    throw new IllegalArgumentException("state " + s + ", action " + a + ": probabilities sum to " + sum + ", not 1");
                }
                this.transitions[s][a] = outcomes.toArray(new Transition[0]);
            }
        }
        double startSum = Arrays.stream(start).sum();
        if (Arrays.stream(start).anyMatch(p -> !(p >= 0)) || Math.abs(startSum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("the start distribution must be non-negative and sum to 1, sums to " + startSum);
        }
        this.terminal = terminal.clone();
        this.start = start.clone();
    }

    public int stateCount() {
        return states;
    }

    public int actionCount() {
        return actions;
    }

    /** The outcomes of {@code action} in {@code state}. */
    public List<Transition> transitions(int state, int action) {
        return List.of(transitions[state][action]);
    }

    public boolean isTerminal(int state) {
        return terminal[state];
    }

    /** The probability of starting in {@code state}. */
    public double startProbability(int state) {
        return start[state];
    }

    /** Σ p·(r + γ·V(s')) over the outcomes of {@code action} in {@code state}, with V(s') = 0 after a terminating step. */
    public double actionValue(int state, int action, double[] values, double gamma) {
        double q = 0;
        for (Transition t : transitions[state][action]) {
            q += t.probability() * (t.reward() + (t.terminated() ? 0 : gamma * values[t.next()]));
        }
        return q;
    }

    /** Q(s, a) for every state and action from state values V, row-major [S × A]; zero in terminal states. */
    public double[] actionValues(double[] values, double gamma) {
        double[] q = new double[states * actions];
        for (int s = 0; s < states; s++) {
            if (!terminal[s]) {
                for (int a = 0; a < actions; a++) {
                    q[s * actions + a] = actionValue(s, a, values, gamma);
                }
            }
        }
        return q;
    }

    /** Draws the outcome of {@code action} in {@code state} with a uniform number u in [0, 1), as Gymnasium's categorical_sample. */
    public Transition sample(int state, int action, double u) {
        Transition[] outcomes = transitions[state][action];
        double cumulative = 0;
        for (Transition t : outcomes) {
            cumulative += t.probability();
            if (cumulative > u) {
                return t;
            }
        }
        return outcomes[outcomes.length - 1];
    }

    /** Draws a start state with a uniform number u in [0, 1). */
    public int sampleStart(double u) {
        double cumulative = 0;
        int last = 0;
        for (int s = 0; s < states; s++) {
            if (start[s] > 0) {
                cumulative += start[s];
                last = s;
                if (cumulative > u) {
                    return s;
                }
            }
        }
        return last;
    }
}
