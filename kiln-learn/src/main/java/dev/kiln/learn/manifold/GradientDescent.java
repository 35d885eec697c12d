package dev.kiln.learn.manifold;

import dev.kiln.core.progress.Progress;
import java.util.Arrays;
import java.util.Locale;

/**
 * scikit-learn's t-SNE optimiser ({@code _gradient_descent}): gradient descent with momentum and
 * per-coordinate gains (Jacobs, "Increased rates of convergence through learning rate
 * adaptation", Neural Networks 1988) — a gain grows by 0.2 while its update keeps its sign
 * against the gradient and shrinks by a factor 0.8 otherwise, never below 0.01. Every 50th
 * iteration (and the last) it evaluates the divergence, and stops when that has not improved
 * for more than {@code withoutProgress} iterations or the gained gradient's norm is at most
 * {@code minGradNorm}. Each run starts from zero momentum and unit gains, as scikit-learn's
 * two calls do.
 */
final class GradientDescent {
    static final int CHECK_EVERY = 50;
    private static final double MIN_GAIN = 0.01;

    private GradientDescent() {
    }

    /** Where a run stopped: its last iteration (counted from 0 across runs) and the divergence last evaluated. */
    record Outcome(int lastIteration, double divergence) {
    }

    /** Iterations {@code first} … {@code limit − 1} on the row-major embedding {@code y}, in place. */
    static Outcome run(Objective objective, double[] y, int first, int limit, double momentum, double learningRate,
                       int withoutProgress, double minGradNorm, Progress progress) {
        double[] update = new double[y.length];
        double[] gains = new double[y.length];
        double[] grad = new double[y.length];
        Arrays.fill(gains, 1.0);
        double error = Double.MAX_VALUE;
        double best = Double.MAX_VALUE;
        int bestIteration = first;
        int i = first;
        for (; i < limit; i++) {
            boolean check = (i + 1) % CHECK_EVERY == 0;
            error = objective.gradient(y, grad, check || i == limit - 1);
            double norm2 = 0;
            for (int e = 0; e < y.length; e++) {
                double g = grad[e];
                gains[e] = update[e] * g < 0 ? gains[e] + 0.2 : Math.max(gains[e] * 0.8, MIN_GAIN);
                g *= gains[e];
                update[e] = momentum * update[e] - learningRate * g;
                y[e] += update[e];
                norm2 += g * g;
            }
            progress.step();
            if (check) {
                progress.status(String.format(Locale.ROOT, "KL %.4f", error));
                if (error < best) {
                    best = error;
                    bestIteration = i;
                } else if (i - bestIteration > withoutProgress) {
                    break;
                }
                if (Math.sqrt(norm2) <= minGradNorm) {
                    break;
                }
            }
        }
        return new Outcome(Math.min(i, limit - 1), error);
    }
}
