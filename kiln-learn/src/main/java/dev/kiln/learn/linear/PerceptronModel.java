package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;
import java.util.List;

/** A fitted {@link Perceptron}; its predictions carry no probabilities. */
public final class PerceptronModel extends LinearClassifierModel {
    private final Perceptron.Params params;

    PerceptronModel(Perceptron.Params params, Schema inputSchema, List<String> classes, double[] coefficients,
                    double[] intercepts, int iterations) {
        super(Perceptron.NAME, inputSchema, classes, coefficients, intercepts, iterations);
        this.params = params;
    }

    public Perceptron.Params params() {
        return params;
    }
}
