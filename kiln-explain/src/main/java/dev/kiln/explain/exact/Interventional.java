package dev.kiln.explain.exact;

import java.util.function.ToDoubleFunction;

/**
 * The interventional value function of a model over numeric rows (Janzing, Minorics and Blöbaum
 * 2020; shap's {@code feature_perturbation="interventional"}): {@code v(S)} is the mean over the
 * background rows b of {@code f(x_S, b_S̄)}.
 */
public final class Interventional {
    private Interventional() {
    }

    /** The value function for row {@code x}. */
    public static ValueFunction of(ToDoubleFunction<double[]> f, double[] x, double[][] background) {
        return mask -> {
            double sum = 0;
            double[] mixed = new double[x.length];
            for (double[] b : background) {
                for (int j = 0; j < x.length; j++) {
                    mixed[j] = (mask & (1 << j)) != 0 ? x[j] : b[j];
                }
                sum += f.applyAsDouble(mixed);
            }
            return sum / background.length;
        };
    }
}
