package dev.kiln.nn.optim;

/**
 * Cosine annealing without restarts (Loshchilov and Hutter, SGDR, ICLR 2017), as PyTorch's
 * {@code CosineAnnealingLR}: η_t = η_min + (η₀ − η_min)(1 + cos(πt/T_max))/2, which reaches η_min
 * at step T_max and, as PyTorch's, rises again along the same cosine after it.
 *
 * @param initialRate η₀, finite and ≥ 0
 * @param maxSteps    T_max, the steps from η₀ down to η_min, ≥ 1
 * @param minRate     η_min, finite and ≥ 0 (PyTorch: 0)
 */
public record CosineAnnealing(double initialRate, int maxSteps, double minRate) implements LearningRateSchedule {
    public CosineAnnealing {
        if (!(initialRate >= 0) || Double.isInfinite(initialRate)) {
            throw new IllegalArgumentException("CosineAnnealing: the initial rate must be a finite number >= 0, got " + initialRate);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("CosineAnnealing: T_max must be >= 1, got " + maxSteps);
        }
        if (!(minRate >= 0) || Double.isInfinite(minRate)) {
            throw new IllegalArgumentException("CosineAnnealing: the minimum rate must be a finite number >= 0, got " + minRate);
        }
    }

    @Override
    public double rate(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("CosineAnnealing: step must be >= 0, got " + step);
        }
        return minRate + (initialRate - minRate) * (1 + Math.cos(Math.PI * step / maxSteps)) / 2;
    }
}
