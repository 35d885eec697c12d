package dev.kiln.nn.optim;

/**
 * Step decay, as PyTorch's {@code StepLR}: the rate is multiplied by γ every {@code stepSize}
 * steps, η_t = η₀·γ^⌊t/stepSize⌋.
 *
 * @param initialRate η₀, finite and ≥ 0
 * @param stepSize    steps between decays, ≥ 1
 * @param gamma       γ, the factor, finite and > 0 (PyTorch: 0.1)
 */
public record StepDecay(double initialRate, int stepSize, double gamma) implements LearningRateSchedule {
    public StepDecay {
        if (!(initialRate >= 0) || Double.isInfinite(initialRate)) {
            throw new IllegalArgumentException("StepDecay: the initial rate must be a finite number >= 0, got " + initialRate);
        }
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepDecay: the step size must be >= 1, got " + stepSize);
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("StepDecay: gamma must be a finite number > 0, got " + gamma);
        }
    }

    @Override
    public double rate(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("StepDecay: step must be >= 0, got " + step);
        }
        return initialRate * Math.pow(gamma, step / stepSize);
    }
}
