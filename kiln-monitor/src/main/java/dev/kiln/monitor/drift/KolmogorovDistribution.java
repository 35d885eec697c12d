package dev.kiln.monitor.drift;

/**
 * Kolmogorov's limit distribution of √n·D (Kolmogorov 1933), for the asymptotic p-value of the
 * two-sample KS test: both theta-function series, each where it converges fast.
 */
final class KolmogorovDistribution {
    private KolmogorovDistribution() {
    }

    /**
     * P(K ≥ λ) for Kolmogorov's limit distribution: 2 Σ (−1)^(k−1) e^(−2k²λ²) for λ ≥ 1, and
     * 1 − √(2π)/λ Σ e^(−(2k−1)²π²/(8λ²)) below.
     */
    static double survival(double lambda) {
        if (lambda <= 0) {
            return 1;
        }
        if (lambda < 1) {
            double sum = 0;
            double a = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k < 20; k++) {
                int odd = 2 * k - 1;
                sum += Math.exp(a * odd * odd);
            }
            return 1 - Math.sqrt(2 * Math.PI) / lambda * sum;
        }
        double sum = 0;
        for (int k = 1; k < 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-18) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }
}
