package dev.kiln.nn.optim;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/** Updates parameters in place from their accumulated gradients. */
public abstract class Optimizer {
    protected final List<Tensor> parameters;
    private double learningRate;

    protected Optimizer(List<Tensor> parameters, double learningRate) {
        for (Tensor p : parameters) {
            if (!p.requiresGrad()) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": parameter " + p + " does not require gradients");
            }
        }
        checkLearningRate(learningRate);
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
    }

    /** One update of every parameter that has a gradient. */
    public abstract void step();

    /** Clears every parameter's gradient before the next backward pass. */
    public void zeroGrad() {
        for (Tensor p : parameters) {
            p.zeroGrad();
        }
    }

    public double learningRate() {
        return learningRate;
    }

    /** Sets the learning rate for the following steps (what schedules do). */
    public void setLearningRate(double learningRate) {
        checkLearningRate(learningRate);
        this.learningRate = learningRate;
    }

    private static void checkLearningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a finite number >= 0, got " + lr);
        }
    }
}
