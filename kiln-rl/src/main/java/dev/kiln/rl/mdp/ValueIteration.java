package dev.kiln.rl.mdp;

/**
 * Value iteration (Bellman 1957; Sutton and Barto, Reinforcement Learning, 2nd ed., §4.4):
 * synchronous sweeps V(s) ← max_a Σ p·(r + γV(s')) until no value changes by more than the
 * tolerance, then the greedy policy. Terminal states keep value 0.
 */
public final class ValueIteration {

    /**
     * @param gamma         discount γ in [0, 1]; γ = 1 converges only when every optimal policy ends episodes
     * @param tolerance     stop when the largest change of a sweep is below this (> 0)
     * @param maxIterations give up after this many sweeps (≥ 1)
     */
    public record Params(double gamma, double tolerance, int maxIterations) {
        public Params {
            if (!(gamma >= 0 && gamma <= 1)) {
                throw new IllegalArgumentException("value iteration: gamma must be in [0, 1], got " + gamma);
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("value iteration: tolerance must be > 0, got " + tolerance);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("value iteration: maxIterations must be >= 1, got " + maxIterations);
            }
        }

        /** Tolerance 1e-10 and at most 100,000 sweeps. */
        public static Params of(double gamma) {
            return new Params(gamma, 1e-10, 100_000);
        }
    }

    private final Params params;

    public ValueIteration(Params params) {
        this.params = params;
    }

    /** Solves {@code mdp}; fails when the values have not settled within the allowed sweeps. */
    public MdpSolution solve(Mdp mdp) {
        int n = mdp.stateCount();
        int actions = mdp.actionCount();
        double gamma = params.gamma();
        double[] v = new double[n];
        double[] next = new double[n];
        for (int sweep = 1; sweep <= params.maxIterations(); sweep++) {
            double change = 0;
            for (int s = 0; s < n; s++) {
                if (mdp.isTerminal(s)) {
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < actions; a++) {
                    best = Math.max(best, mdp.actionValue(s, a, v, gamma));
                }
                next[s] = best;
                change = Math.max(change, Math.abs(best - v[s]));
            }
            double[] swap = v;
            v = next;
            next = swap;
            if (change < params.tolerance()) {
                double[] q = mdp.actionValues(v, gamma);
                int[] policy = new int[n];
                for (int s = 0; s < n; s++) {
                    policy[s] = MdpSolution.greedy(q, s, actions);
                }
                return new MdpSolution(v, policy, q, sweep, gamma);
            }
            if (!Double.isFinite(change)) {
                break;
            }
        }
        throw new IllegalArgumentException("value iteration did not converge in " + params.maxIterations() + " sweeps with gamma "
                + gamma + "; with gamma = 1 some state may never reach a terminal state, so use a gamma below 1");
    }
}
