package dev.kiln.rl.tabular;

import java.util.Arrays;

/**
 * Action values Q(s, a) for a finite set of states and actions, row-major [S × A], with the greedy
 * policy they imply (the lowest action index among ties). Immutable and thread-safe.
 */
public final class QTable {
    private final int states;
    private final int actions;
    private final double[] values;

    public QTable(int states, int actions, double[] values) {
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("a Q-table needs at least one state and one action, got " + states + "x" + actions);
        }
        if (values.length != states * actions) {
            throw new IllegalArgumentException("a " + states + "x" + actions + " Q-table needs " + states * actions + " values, got "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("Q(" + i / actions + ", " + i % actions + ") is " + values[i] + "; values must be finite");
            }
        }
        this.states = states;
        this.actions = actions;
        this.values = values.clone();
    }

    public int stateCount() {
        return states;
    }

    public int actionCount() {
        return actions;
    }

    public double value(int state, int action) {
        return values[state * actions + action];
    }

    /** max_a Q(state, a). */
    public double stateValue(int state) {
        return value(state, greedyAction(state));
    }

    public int greedyAction(int state) {
        if (state < 0 || state >= states) {
            throw new IllegalArgumentException("state " + state + " is outside 0.." + (states - 1));
        }
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (values[state * actions + a] > values[state * actions + best]) {
                best = a;
            }
        }
        return best;
    }

    /** The greedy action of every state. */
    public int[] greedyPolicy() {
        int[] policy = new int[states];
        for (int s = 0; s < states; s++) {
            policy[s] = greedyAction(s);
        }
        return policy;
    }

    /** A copy of the values, row-major [S × A]. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QTable q && q.states == states && q.actions == actions && Arrays.equals(q.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * states + actions) + Arrays.hashCode(values);
    }
}
