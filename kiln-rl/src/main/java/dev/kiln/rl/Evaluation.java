package dev.kiln.rl;

import dev.kiln.core.random.Rng;
import dev.kiln.rl.env.Environment;
import dev.kiln.rl.env.Step;
import java.util.function.ToIntFunction;

/**
 * The returns of a fixed policy over a number of episodes (Monte Carlo policy evaluation), each
 * episode run until it terminates or is truncated by the environment's step limit.
 */
public record Evaluation(double[] returns, int[] lengths) {

    public Evaluation {
        returns = returns.clone();
        lengths = lengths.clone();
    }

    /** Runs {@code policy} for {@code episodes} episodes of {@code env}, the environment drawing from {@code rng}. */
    public static <O> Evaluation run(Environment<O> env, ToIntFunction<O> policy, int episodes, Rng rng) {
        if (episodes < 1) {
            throw new IllegalArgumentException("evaluation needs at least one episode, got " + episodes);
        }
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        for (int e = 0; e < episodes; e++) {
            O observation = env.reset(rng);
            double total = 0;
            int steps = 0;
            while (true) {
                Step<O> step = env.step(policy.applyAsInt(observation));
                total += step.reward();
                steps++;
                if (step.done()) {
                    break;
                }
                observation = step.observation();
            }
            returns[e] = total;
            lengths[e] = steps;
        }
        return new Evaluation(returns, lengths);
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    public int episodes() {
        return returns.length;
    }

    public double meanReturn() {
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return sum / returns.length;
    }

    /** The sample standard deviation of the returns (0 for one episode). */
    public double stdReturn() {
        if (returns.length < 2) {
            return 0;
        }
        double mean = meanReturn();
        double sq = 0;
        for (double r : returns) {
            sq += (r - mean) * (r - mean);
        }
        return Math.sqrt(sq / (returns.length - 1));
    }

    /** The fraction of episodes whose return is at least {@code threshold} (on FrozenLake, return ≥ 1 means the goal was reached). */
    public double fractionAtLeast(double threshold) {
        int count = 0;
        for (double r : returns) {
            if (r >= threshold) {
                count++;
            }
        }
        return (double) count / returns.length;
    }
}
