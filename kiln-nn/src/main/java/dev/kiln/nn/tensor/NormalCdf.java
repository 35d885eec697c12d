package dev.kiln.nn.tensor;

/**
 * The standard normal CDF Φ(x) = erfc(−x/√2)/2, with erfc by the Chebyshev-fitted exponential of
 * Press et al., Numerical Recipes, 3rd ed., §6.2 ({@code erfcc}): relative error below 1.2·10⁻⁷,
 * under float precision.
 */
final class NormalCdf {
    private NormalCdf() {
    }

    static double of(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
