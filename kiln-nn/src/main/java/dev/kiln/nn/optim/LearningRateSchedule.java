package dev.kiln.nn.optim;

/**
 * A learning rate as a function of the number of schedule steps taken, PyTorch's
 * {@code last_epoch}: step 0 is the first update, and a step is an epoch or a mini-batch as the
 * training loop chooses ({@link OneCycle} counts mini-batches). A schedule is a pure function;
 * {@link #apply} sets an optimiser's rate from it before each update.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate for step {@code step} ≥ 0. */
    double rate(int step);

    /** Sets {@code optimizer}'s learning rate to {@link #rate(int) rate(step)}. */
    default void apply(Optimizer optimizer, int step) {
        optimizer.setLearningRate(rate(step));
    }
}
