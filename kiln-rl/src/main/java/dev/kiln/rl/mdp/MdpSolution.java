package dev.kiln.rl.mdp;

/**
 * What an MDP solver found: the state values V, the greedy policy, the action values Q [S × A]
 * derived from V, how many sweeps or improvement steps it took, and the discount it used.
 * Immutable; accessors return copies.
 */
public final class MdpSolution {
    private final double[] values;
    private final int[] policy;
    private final double[] actionValues;
    private final int iterations;
    private final double gamma;

    MdpSolution(double[] values, int[] policy, double[] actionValues, int iterations, double gamma) {
        this.values = values.clone();
        this.policy = policy.clone();
        this.actionValues = actionValues.clone();
        this.iterations = iterations;
        this.gamma = gamma;
    }

    public double[] values() {
        return values.clone();
    }

    public double value(int state) {
        return values[state];
    }

    public int[] policy() {
        return policy.clone();
    }

    public int action(int state) {
        return policy[state];
    }

    /** Q(s, a) row-major [S × A]. */
    public double[] actionValues() {
        return actionValues.clone();
    }

    public int iterations() {
        return iterations;
    }

    public double gamma() {
        return gamma;
    }

    /** The action of largest value in row {@code state} of {@code q} [S × A]; the lowest index among ties within 1e-12. */
    static int greedy(double[] q, int state, int actions) {
        int best = 0;
        double bestValue = q[state * actions];
        for (int a = 1; a < actions; a++) {
            double v = q[state * actions + a];
            if (v > bestValue + 1e-12) {
                best = a;
                bestValue = v;
            }
        }
        return best;
    }
}
