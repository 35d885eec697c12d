package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;
import java.util.List;

/** A fitted {@link LinearSvm}; its predictions carry no probabilities, {@link #decisionFunction} gives the margins. */
public final class LinearSvmModel extends LinearClassifierModel {
    private final LinearSvm.Params params;

    LinearSvmModel(LinearSvm.Params params, Schema inputSchema, List<String> classes, double[] coefficients,
                   double[] intercepts, int iterations) {
        super(LinearSvm.NAME, inputSchema, classes, coefficients, intercepts, iterations);
        this.params = params;
    }

    public LinearSvm.Params params() {
        return params;
    }
}
