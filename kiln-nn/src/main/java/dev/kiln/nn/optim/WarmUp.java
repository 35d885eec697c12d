package dev.kiln.nn.optim;

import java.util.Objects;

/**
 * Linear warm-up before another schedule (Goyal et al., "Accurate, Large Minibatch SGD", 2017):
 * for t < {@code steps} the rate climbs linearly from {@code startFactor}·η to η, where η is
 * {@code after}'s first rate, then {@code after} runs from its own step 0. This is PyTorch's
 * {@code SequentialLR} of {@code LinearLR(start_factor, total_iters=steps)} and {@code after}
 * with milestone {@code steps}.
 *
 * @param steps       warm-up steps, ≥ 1
 * @param startFactor the fraction of η at step 0, in (0, 1] (PyTorch's LinearLR: 1/3)
 * @param after       the schedule that follows
 */
public record WarmUp(int steps, double startFactor, LearningRateSchedule after) implements LearningRateSchedule {
    public WarmUp {
        if (steps < 1) {
            throw new IllegalArgumentException("WarmUp: steps must be >= 1, got " + steps);
        }
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("WarmUp: the start factor must be in (0, 1], got " + startFactor);
        }
        Objects.requireNonNull(after, "WarmUp: the schedule after the warm-up");
    }

    @Override
    public double rate(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("WarmUp: step must be >= 0, got " + step);
        }
        if (step >= steps) {
            return after.rate(step - steps);
        }
        return after.rate(0) * (startFactor + (1 - startFactor) * step / steps);
    }
}
