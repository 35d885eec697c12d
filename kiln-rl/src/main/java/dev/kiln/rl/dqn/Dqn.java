package dev.kiln.rl.dqn;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.TrainingCurve;
import dev.kiln.rl.agent.DqnAgent;
import dev.kiln.rl.env.Environment;
import dev.kiln.rl.env.EnvironmentSpec;
import dev.kiln.rl.env.Step;
import dev.kiln.rl.tabular.EpsilonSchedule;
import dev.kiln.nn.layer.Activation;
import dev.kiln.nn.layer.Sequential;
import dev.kiln.nn.loss.HuberLoss;
import dev.kiln.nn.optim.Adam;
import dev.kiln.nn.optim.GradientClipping;
import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Deep Q-network training (Mnih et al., "Human-level control through deep reinforcement
 * learning", Nature 2015): an MLP Q(s, ·) trained by Adam on the Huber loss between Q(s, a) and
 * {@link DqnTargets} over minibatches from a {@link ReplayBuffer}, with a target network kept by a
 * {@link TargetUpdate}, an ε-greedy behaviour policy decayed by environment step, and optionally
 * Double DQN targets. Every {@code evaluationInterval} episodes the greedy policy is scored on
 * {@code evaluationEpisodes} separate episodes and the best network so far is kept (ties go to the
 * later one); training stops early once that score reaches {@code stopReturn}.
 */
public final class Dqn {

    /**
     * @param hidden             hidden layer widths of the ReLU MLP (each ≥ 1)
     * @param episodes           the most training episodes (≥ 1)
     * @param learningRate       Adam's step size (> 0)
     * @param gamma              discount γ in [0, 1]
     * @param batchSize          transitions per gradient step (≥ 1)
     * @param bufferCapacity     replay buffer size (≥ batchSize)
     * @param learningStarts     environment steps taken before the first gradient step (≥ batchSize)
     * @param trainFrequency     environment steps between gradient steps (≥ 1)
     * @param targetUpdate       hard copy or Polyak averaging
     * @param epsilon            exploration rate by environment step
     * @param doubleDqn          Double DQN targets
     * @param huberDelta         δ of the Huber loss (> 0)
     * @param maxGradNorm        gradient clipping norm (> 0)
     * @param evaluationInterval episodes between greedy evaluations (≥ 1)
     * @param evaluationEpisodes episodes per greedy evaluation (≥ 1)
     * @param stopReturn         stop once a greedy evaluation averages this much; NaN never stops early
     * @param seed               seeds the network, the environment, exploration and sampling
     */
    public record Params(int[] hidden, int episodes, double learningRate, double gamma, int batchSize, int bufferCapacity,
                         int learningStarts, int trainFrequency, TargetUpdate targetUpdate, EpsilonSchedule epsilon, boolean doubleDqn,
                         double huberDelta, double maxGradNorm, int evaluationInterval, int evaluationEpisodes, double stopReturn,
                         long seed) {
        public Params {
            hidden = hidden.clone();
            if (hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
                throw new IllegalArgumentException("DQN: hidden widths must be a non-empty list of integers >= 1, got "
                        + Arrays.toString(hidden));
            }
            require(episodes >= 1, "episodes must be >= 1, got " + episodes);
            require(learningRate > 0 && Double.isFinite(learningRate), "the learning rate must be > 0, got " + learningRate);
            require(gamma >= 0 && gamma <= 1, "gamma must be in [0, 1], got " + gamma);
            require(batchSize >= 1, "the batch size must be >= 1, got " + batchSize);
            require(bufferCapacity >= batchSize, "the buffer capacity (" + bufferCapacity + ") must be >= the batch size (" + batchSize + ")");
            require(learningStarts >= batchSize, "learning must start after at least one batch of steps (" + batchSize + "), got "
                    + learningStarts);
            require(trainFrequency >= 1, "the train frequency must be >= 1, got " + trainFrequency);
            require(targetUpdate != null && epsilon != null, "the target update and the epsilon schedule are required");
            require(huberDelta > 0, "the Huber delta must be > 0, got " + huberDelta);
            require(maxGradNorm > 0, "the gradient clipping norm must be > 0, got " + maxGradNorm);
            require(evaluationInterval >= 1 && evaluationEpisodes >= 1, "evaluation interval and episodes must be >= 1");
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("DQN: " + message);
            }
        }

        @Override
        public int[] hidden() {
            return hidden.clone();
        }

        /**
         * The settings documented for CartPole: 4-64-64-2 network, Adam 1e-3, γ 0.99, batch 64,
         * 50,000 transitions, a gradient step on every environment step from step 1,000 on, a hard
         * target copy every 500 gradient steps, ε linear from 1 to 0.05 over 10,000 steps, Double
         * DQN, Huber δ 1, clipping at norm 10, a greedy evaluation of 20 episodes every 10 episodes,
         * stopping at 500.
         */
        public static Params cartPole(int episodes, long seed) {
            return new Params(new int[] {64, 64}, episodes, 1e-3, 0.99, 64, 50_000, 1000, 1, new TargetUpdate.Hard(500),
                    new EpsilonSchedule.Linear(1, 0.05, 10_000), true, 1, 10, 10, 20, 500, seed);
        }
    }

    /** The best greedy agent found and the training curve. */
    public record Result(DqnAgent agent, TrainingCurve curve, double bestEvaluationReturn, int bestEpisode) {
    }

    private final Params params;

    public Dqn(Params params) {
        this.params = params;
    }

    public Params params() {
        return params;
    }

    public Result train(EnvironmentSpec spec) {
        return train(spec, Progress.none());
    }

    /** Trains on a fresh instance of {@code spec}'s environment, advancing {@code progress} once per episode. */
    public Result train(EnvironmentSpec spec, Progress progress) {
        long t0 = System.nanoTime();
        Environment<float[]> env = spec.vector();
        Environment<float[]> evaluationEnv = spec.vector();
        Rng master = Rng.seeded(params.seed());
        Rng envRng = master.stream(0);
        Rng explore = master.stream(1);
        Rng sampling = master.stream(2);
        Rng evaluationRng = master.stream(3);
        float[] first = env.reset(envRng);
        int inputs = first.length;
        int actions = env.actionCount();
        int[] widths = widths(inputs, actions);
        Sequential online = Sequential.mlp(widths, Activation.RELU, master.stream(4));
        Sequential target = Sequential.mlp(widths, Activation.RELU, master.stream(4));
        List<Tensor> onlineParams = online.parameters();
        List<Tensor> targetParams = target.parameters();
        Adam adam = new Adam(onlineParams, Adam.Params.adam(params.learningRate()));
        HuberLoss huber = new HuberLoss((float) params.huberDelta());
        ReplayBuffer buffer = new ReplayBuffer(params.bufferCapacity(), inputs);
        int b = params.batchSize();
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(b, inputs);
        float[] targets = new float[b];
        float[] mask = new float[b * actions];

        float[][] best = snapshot(onlineParams);
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpisode = 0;
        double[] returns = new double[params.episodes()];
        int[] lengths = new int[params.episodes()];
        long steps = 0;
        long updates = 0;
        int episodesRun = 0;
        float[] observation = first;
        for (int episode = 0; episode < params.episodes(); episode++) {
            if (episode > 0) {
                observation = env.reset(envRng);
            }
            double total = 0;
            int length = 0;
            while (true) {
                double eps = params.epsilon().epsilon(steps);
                int action = explore.nextDouble() < eps ? explore.nextInt(actions) : greedy(online, observation);
                Step<float[]> step = env.step(action);
                steps++;
                length++;
                total += step.reward();
                buffer.add(observation, action, step.reward(), step.observation(), step.terminated());
                observation = step.observation();
                if (steps >= params.learningStarts() && steps % params.trainFrequency() == 0) {
                    trainStep(online, target, onlineParams, targetParams, adam, huber, buffer, batch, sampling, targets, mask, actions);
                    updates++;
                    for (int k = 0; k < onlineParams.size(); k++) {
                        params.targetUpdate().apply(onlineParams.get(k).data(), targetParams.get(k).data(), updates);
                    }
                }
                if (step.done()) {
                    break;
                }
            }
            returns[episode] = total;
            lengths[episode] = length;
            episodesRun = episode + 1;
            progress.step();
            if (steps >= params.learningStarts() && (episode + 1) % params.evaluationInterval() == 0) {
                Evaluation score = Evaluation.run(evaluationEnv, o -> greedy(online, o), params.evaluationEpisodes(), evaluationRng);
                double mean = score.meanReturn();
                if (mean >= bestScore) {
                    bestScore = mean;
                    bestEpisode = episode + 1;
                    best = snapshot(onlineParams);
                }
                progress.status(String.format(Locale.ROOT, "return %.0f, greedy %.0f (best %.0f), ε %.2f", total, mean, bestScore,
                        params.epsilon().epsilon(steps)));
                if (mean >= params.stopReturn()) {
                    break;
                }
            }
        }
        if (bestScore == Double.NEGATIVE_INFINITY) {
            best = snapshot(onlineParams);
            bestEpisode = episodesRun;
        }
        TrainingCurve curve = new TrainingCurve(Arrays.copyOf(returns, episodesRun), Arrays.copyOf(lengths, episodesRun),
                (System.nanoTime() - t0) / 1e9);
        return new Result(new DqnAgent(spec, widths, best), curve, bestScore, bestEpisode);
    }

    private int[] widths(int inputs, int actions) {
        int[] hidden = params.hidden();
        int[] widths = new int[hidden.length + 2];
        widths[0] = inputs;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = actions;
        return widths;
    }

    private void trainStep(Sequential online, Sequential target, List<Tensor> onlineParams, List<Tensor> targetParams, Adam adam,
                           HuberLoss huber, ReplayBuffer buffer, ReplayBuffer.Batch batch, Rng sampling, float[] targets, float[] mask,
                           int actions) {
        int b = batch.size();
        int inputs = batch.observations.length / b;
        buffer.sample(batch, sampling);
        try (Tensor.NoGrad ignored = Tensor.noGrad()) {
            Tensor next = Tensor.of(batch.nextObservations, b, inputs);
            float[] nextTarget = target.forward(next).data();
            float[] nextOnline = params.doubleDqn() ? online.forward(next).data() : null;
            DqnTargets.compute(batch.rewards, batch.terminated, nextOnline, nextTarget, actions, params.gamma(), params.doubleDqn(), targets);
        }
        Tensor q = online.forward(Tensor.of(batch.observations, b, inputs));
        Tensor loss = tdLoss(q, batch.actions, targets, mask, huber);
        adam.zeroGrad();
        loss.backward();
        GradientClipping.byNorm(onlineParams, params.maxGradNorm());
        adam.step();
    }

    /**
     * The Huber loss between Q(s_i, a_i) — row i of {@code q} [batch × actions] at column
     * {@code actions[i]}, picked by a one-hot mask written into {@code mask} — and {@code targets}.
     */
    public static Tensor tdLoss(Tensor q, int[] actions, float[] targets, float[] mask, HuberLoss huber) {
        int b = q.dim(0);
        int n = q.dim(1);
        Arrays.fill(mask, 0, b * n, 0f);
        for (int i = 0; i < b; i++) {
            mask[i * n + actions[i]] = 1f;
        }
        Tensor chosen = q.mul(Tensor.of(Arrays.copyOf(mask, b * n), b, n)).sum(1);
        return huber.apply(chosen, Tensor.of(targets, b));
    }

    static int greedy(Sequential network, float[] observation) {
        try (Tensor.NoGrad ignored = Tensor.noGrad()) {
            return network.forward(Tensor.of(observation, 1, observation.length)).argmax(1)[0];
        }
    }

    private static float[][] snapshot(List<Tensor> parameters) {
        float[][] copy = new float[parameters.size()][];
        for (int k = 0; k < copy.length; k++) {
            copy[k] = parameters.get(k).data().clone();
        }
        return copy;
    }
}
