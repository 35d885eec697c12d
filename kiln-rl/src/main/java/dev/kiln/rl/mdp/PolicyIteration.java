package dev.kiln.rl.mdp;

/**
 * Policy iteration (Howard 1960; Sutton and Barto, Reinforcement Learning, 2nd ed., §4.3):
 * evaluate the current policy exactly ({@link PolicyEvaluation}), make it greedy with respect to
 * those values, and repeat until no state's action improves by more than 1e-12. Starts from the
 * policy that always takes action 0.
 */
public final class PolicyIteration {
    private static final double IMPROVEMENT = 1e-12;

    /**
     * @param gamma         discount γ in [0, 1): the linear system is singular for γ = 1 when a policy loops forever
     * @param maxIterations give up after this many improvement steps (≥ 1)
     */
    public record Params(double gamma, int maxIterations) {
        public Params {
            if (!(gamma >= 0 && gamma < 1)) {
                throw new IllegalArgumentException("policy iteration: gamma must be in [0, 1), got " + gamma);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("policy iteration: maxIterations must be >= 1, got " + maxIterations);
            }
        }

        /** At most 1,000 improvement steps. */
        public static Params of(double gamma) {
            return new Params(gamma, 1000);
        }
    }

    private final Params params;

    public PolicyIteration(Params params) {
        this.params = params;
    }

    public MdpSolution solve(Mdp mdp) {
        int n = mdp.stateCount();
        int actions = mdp.actionCount();
        double gamma = params.gamma();
        int[] policy = new int[n];
        for (int iteration = 1; iteration <= params.maxIterations(); iteration++) {
            double[] v = PolicyEvaluation.of(mdp, policy, gamma);
            double[] q = mdp.actionValues(v, gamma);
            boolean stable = true;
            for (int s = 0; s < n; s++) {
                if (mdp.isTerminal(s)) {
                    continue;
                }
                int best = MdpSolution.greedy(q, s, actions);
                if (q[s * actions + best] > q[s * actions + policy[s]] + IMPROVEMENT) {
                    policy[s] = best;
                    stable = false;
                }
            }
            if (stable) {
                int[] greedy = new int[n];
                for (int s = 0; s < n; s++) {
                    greedy[s] = MdpSolution.greedy(q, s, actions);
                }
                return new MdpSolution(v, greedy, q, iteration, gamma);
            }
        }
        throw new IllegalArgumentException("policy iteration did not settle in " + params.maxIterations() + " improvement steps");
    }
}
