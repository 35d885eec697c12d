package dev.kiln.rl.dqn;

/**
 * The regression targets of deep Q-learning: y = r + γ·(1 − terminated)·Q_target(s', a*), with
 * a* = argmax_a Q_target(s', a) for DQN (Mnih et al. 2015) or argmax_a Q_online(s', a) for Double
 * DQN (van Hasselt, Guez and Silver, AAAI 2016), which selects with the online network and
 * evaluates with the target network to curb overestimation.
 */
public final class DqnTargets {
    private DqnTargets() {
    }

    /**
     * Writes one target per transition into {@code out}.
     *
     * @param nextOnline Q_online(s', ·) row-major [batch × actions]; only read when {@code doubleDqn}
     * @param nextTarget Q_target(s', ·) row-major [batch × actions]
     */
    public static void compute(float[] rewards, boolean[] terminated, float[] nextOnline, float[] nextTarget, int actions, double gamma,
                               boolean doubleDqn, float[] out) {
        int n = rewards.length;
        for (int i = 0; i < n; i++) {
            if (terminated[i]) {
                out[i] = rewards[i];
                continue;
            }
            int row = i * actions;
            float[] selector = doubleDqn ? nextOnline : nextTarget;
            int best = 0;
            for (int a = 1; a < actions; a++) {
                if (selector[row + a] > selector[row + best]) {
                    best = a;
                }
            }
            out[i] = (float) (rewards[i] + gamma * nextTarget[row + best]);
        }
    }
}
