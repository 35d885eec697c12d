package dev.kiln.rl.mdp;

import dev.kiln.core.linalg.LinearAlgebraException;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.QR;
import dev.kiln.core.linalg.Vector;

/**
 * Exact policy evaluation (Sutton and Barto, Reinforcement Learning, 2nd ed., eq. 4.4): the
 * values of a fixed policy π solve the linear system (I − γP_π)V = r_π over the non-terminal
 * states, solved here by Householder QR. Terminal states have value 0.
 */
public final class PolicyEvaluation {
    private PolicyEvaluation() {
    }

    /** V of the deterministic policy {@code policy} (one action per state). */
    public static double[] of(Mdp mdp, int[] policy, double gamma) {
        int actions = mdp.actionCount();
        if (policy.length != mdp.stateCount()) {
            throw new IllegalArgumentException("the policy has " + policy.length + " actions for " + mdp.stateCount() + " states");
        }
        double[] probabilities = new double[mdp.stateCount() * actions];
        for (int s = 0; s < policy.length; s++) {
            if (policy[s] < 0 || policy[s] >= actions) {
                throw new IllegalArgumentException("state " + s + ": action " + policy[s] + " is outside 0.." + (actions - 1));
            }
            probabilities[s * actions + policy[s]] = 1;
        }
        return ofStochastic(mdp, probabilities, gamma);
    }

    /** V of the stochastic policy π(a|s) given row-major [S × A]. */
    public static double[] ofStochastic(Mdp mdp, double[] probabilities, double gamma) {
        int n = mdp.stateCount();
        int actions = mdp.actionCount();
        if (probabilities.length != n * actions) {
            throw new IllegalArgumentException("the policy has " + probabilities.length + " probabilities, expected states × actions = "
                    + n * actions);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("policy evaluation: gamma must be in [0, 1], got " + gamma);
        }
        Matrix a = Matrix.identity(n);
        double[] r = new double[n];
        for (int s = 0; s < n; s++) {
            if (mdp.isTerminal(s)) {
                continue;
            }
            for (int act = 0; act < actions; act++) {
                double pi = probabilities[s * actions + act];
                if (pi == 0) {
                    continue;
                }
                for (Transition t : mdp.transitions(s, act)) {
                    r[s] += pi * t.probability() * t.reward();
                    if (!t.terminated()) {
                        a.set(s, t.next(), a.get(s, t.next()) - gamma * pi * t.probability());
                    }
                }
            }
        }
        try {
            return QR.of(a).solve(Vector.wrap(r)).toArray();
        } catch (LinearAlgebraException e) {
            throw new IllegalArgumentException("policy evaluation: (I - gamma P) is singular; with gamma = " + gamma
                    + " the policy never ends the episode from some state; use a gamma below 1", e);
        }
    }
}
