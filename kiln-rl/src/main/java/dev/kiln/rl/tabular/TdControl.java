package dev.kiln.rl.tabular;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.rl.TrainingCurve;
import dev.kiln.rl.env.Step;
import dev.kiln.rl.env.TabularEnvironment;

/**
 * Tabular temporal-difference control with an ε-greedy behaviour policy (Sutton and Barto,
 * Reinforcement Learning, 2nd ed., §6.4–6.5): Q-learning (Watkins 1989) updates towards
 * r + γ·max_a' Q(s', a'), off-policy; SARSA (Rummery and Niranjan 1994) towards r + γ·Q(s', a')
 * with a' the action the ε-greedy policy takes next, on-policy. Terminated steps bootstrap from 0,
 * truncated ones from the next state. Q starts at 0; greedy choices break ties at random.
 */
public final class TdControl {

    /** Which TD target to learn from. */
    public enum Method {
        Q_LEARNING("q-learning"), SARSA("sarsa");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * @param method       Q-learning or SARSA
     * @param episodes     training episodes (≥ 1)
     * @param learningRate step size α in (0, 1]
     * @param gamma        discount γ in [0, 1]
     * @param epsilon      exploration rate by episode
     * @param seed         seeds the environment's draws and the exploration
     */
    public record Params(Method method, int episodes, double learningRate, double gamma, EpsilonSchedule epsilon, long seed) {
        public Params {
            if (method == null || epsilon == null) {
                throw new IllegalArgumentException("TD control: method and epsilon schedule are required");
            }
            if (episodes < 1) {
                throw new IllegalArgumentException("TD control: episodes must be >= 1, got " + episodes);
            }
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("TD control: the learning rate must be in (0, 1], got " + learningRate);
            }
            if (!(gamma >= 0 && gamma <= 1)) {
                throw new IllegalArgumentException("TD control: gamma must be in [0, 1], got " + gamma);
            }
        }
    }

    /** The learned action values and the training curve. */
    public record Result(QTable q, TrainingCurve curve) {
    }

    private final Params params;

    public TdControl(Params params) {
        this.params = params;
    }

    public Params params() {
        return params;
    }

    public Result train(TabularEnvironment env) {
        return train(env, Progress.none());
    }

    /** Trains on {@code env}, advancing {@code progress} once per episode. */
    public Result train(TabularEnvironment env, Progress progress) {
        long t0 = System.nanoTime();
        int actions = env.actionCount();
        double[] q = new double[env.stateCount() * actions];
        Rng master = Rng.seeded(params.seed());
        Rng envRng = master.stream(0);
        Rng explore = master.stream(1);
        double alpha = params.learningRate();
        double gamma = params.gamma();
        boolean sarsa = params.method() == Method.SARSA;
        double[] returns = new double[params.episodes()];
        int[] lengths = new int[params.episodes()];
        for (int episode = 0; episode < params.episodes(); episode++) {
            double epsilon = params.epsilon().epsilon(episode);
            int s = env.reset(envRng);
            int a = choose(q, s, actions, epsilon, explore);
            double total = 0;
            int steps = 0;
            while (true) {
                Step<Integer> step = env.step(a);
                int next = step.observation();
                total += step.reward();
                steps++;
                int nextAction = -1;
                double bootstrap;
                if (step.terminated()) {
                    bootstrap = 0;
                } else if (sarsa) {
                    nextAction = choose(q, next, actions, epsilon, explore);
                    bootstrap = q[next * actions + nextAction];
                } else {
                    bootstrap = max(q, next, actions);
                }
                int i = s * actions + a;
                q[i] += alpha * (step.reward() + gamma * bootstrap - q[i]);
                if (step.done()) {
                    break;
                }
                s = next;
                a = sarsa ? nextAction : choose(q, next, actions, epsilon, explore);
            }
            returns[episode] = total;
            lengths[episode] = steps;
            progress.step();
            if ((episode & 1023) == 0) {
                progress.status(String.format(java.util.Locale.ROOT, "ε %.3f", epsilon));
            }
        }
        return new Result(new QTable(env.stateCount(), actions, q), new TrainingCurve(returns, lengths, (System.nanoTime() - t0) / 1e9));
    }

    /** ε-greedy: a uniform action with probability ε, else a greedy one, ties broken uniformly. */
    static int choose(double[] q, int s, int actions, double epsilon, Rng rng) {
        if (rng.nextDouble() < epsilon) {
            return rng.nextInt(actions);
        }
        double best = max(q, s, actions);
        int ties = 0;
        for (int a = 0; a < actions; a++) {
            if (q[s * actions + a] == best) {
                ties++;
            }
        }
        int pick = ties == 1 ? 0 : rng.nextInt(ties);
        for (int a = 0; a < actions; a++) {
            if (q[s * actions + a] == best && pick-- == 0) {
                return a;
            }
        }
        throw new IllegalStateException("no greedy action in state " + s);
    }

    private static double max(double[] q, int s, int actions) {
        double best = q[s * actions];
        for (int a = 1; a < actions; a++) {
            best = Math.max(best, q[s * actions + a]);
        }
        return best;
    }
}
