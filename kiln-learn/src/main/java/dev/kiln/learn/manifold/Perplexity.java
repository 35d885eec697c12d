package dev.kiln.learn.manifold;

/**
 * The conditional probabilities p_{j|i} ∝ exp(−β_i·d²_ij) of t-SNE (van der Maaten and Hinton,
 * "Visualizing data using t-SNE", JMLR 2008, §2), with each row's precision β_i found by
 * scikit-learn's binary search ({@code _binary_search_perplexity}): start at 1, double or halve
 * until the entropy is bracketed, then bisect, at most 100 steps, until the row's entropy
 * H = −Σ p log p is within 1e-5 nats of log(perplexity). Distances are shifted by the row's
 * smallest before exponentiating, which leaves p unchanged and keeps exp from underflowing.
 * Rows are independent, so they are calibrated in parallel with identical results.
 */
final class Perplexity {
    static final double TOLERANCE = 1e-5;
    static final int STEPS = 100;

    private Perplexity() {
    }

    /**
     * Each row's conditional probabilities over its {@code k} candidates, whose squared distances
     * are the row-major n×k {@code sqDistances}; every row sums to 1.
     */
    static double[] conditional(double[] sqDistances, int n, int k, double perplexity) {
        double[] p = new double[n * k];
        double target = Math.log(perplexity);
        RowParts.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                calibrate(sqDistances, i * k, k, target, p);
            }
        });
        return p;
    }

    private static void calibrate(double[] d, int o, int k, double target, double[] p) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            nearest = Math.min(nearest, d[o + j]);
        }
        double beta = 1;
        double betaMin = Double.NEGATIVE_INFINITY;
        double betaMax = Double.POSITIVE_INFINITY;
        for (int step = 0; step < STEPS; step++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                p[o + j] = Math.exp(-(d[o + j] - nearest) * beta);
                sum += p[o + j];
            }
            double weighted = 0;
            for (int j = 0; j < k; j++) {
                p[o + j] /= sum;
                weighted += (d[o + j] - nearest) * p[o + j];
            }
            double excess = Math.log(sum) + beta * weighted - target;
            if (Math.abs(excess) <= TOLERANCE) {
                return;
            }
            if (excess > 0) {
                betaMin = beta;
                beta = betaMax == Double.POSITIVE_INFINITY ? beta * 2 : (beta + betaMax) / 2;
            } else {
                betaMax = beta;
                beta = betaMin == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + betaMin) / 2;
            }
        }
    }
}
