package dev.kiln.nn.train;

/** The loss became NaN or infinite: training stopped at the epoch and step where it happened. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int step;

    TrainingDivergedException(int epoch, int step, float loss, double learningRate) {
        super("training diverged: the loss became " + loss + " at epoch " + epoch + ", step " + step
                + " (learning rate " + learningRate + "); try a lower learning rate, gradient clipping, or check the inputs for NaN");
        this.epoch = epoch;
        this.step = step;
    }

    /** The 1-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** The 1-based step within the epoch. */
    public int step() {
        return step;
    }
}
