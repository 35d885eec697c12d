package dev.kiln.explain.exact;

/**
 * Shapley values by their definition (Shapley 1953): every one of the 2^M coalitions is valued
 * once, and feature i receives {@code Σ_{S ∌ i} |S|!(M−|S|−1)!/M! · (v(S ∪ {i}) − v(S))}.
 * Exponential, so only for small M (at most {@link #MAX_FEATURES}); the ground truth the fast
 * explainers are tested against.
 */
public final class ShapleyEnumeration {
    /** The most features enumerated: 2^20 coalitions. */
    public static final int MAX_FEATURES = 20;

    private ShapleyEnumeration() {
    }

    /** The Shapley values of the game {@code v} over {@code m} features. */
    public static double[] values(int m, ValueFunction v) {
        return values(m, worths(m, v));
    }

    /** Every coalition's worth, indexed by mask. */
    public static double[] worths(int m, ValueFunction v) {
        checkSize(m);
        double[] worth = new double[1 << m];
        for (int mask = 0; mask < worth.length; mask++) {
            worth[mask] = v.value(mask);
        }
        return worth;
    }

    /** The Shapley values from the worth of every coalition ({@code worth[mask]}, 2^m entries). */
    public static double[] values(int m, double[] worth) {
        checkSize(m);
        if (worth.length != 1 << m) {
            throw new IllegalArgumentException(m + " features have " + (1 << m) + " coalitions, got " + worth.length + " worths");
        }
        double[] weight = new double[m];
        for (int s = 0; s < m; s++) {
            weight[s] = 1.0 / (m * binomial(m - 1, s));
        }
        double[] phi = new double[m];
        for (int mask = 0; mask < worth.length; mask++) {
            int size = Integer.bitCount(mask);
            for (int i = 0; i < m; i++) {
                if ((mask & (1 << i)) == 0) {
                    phi[i] += weight[size] * (worth[mask | (1 << i)] - worth[mask]);
                }
            }
        }
        return phi;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    private static void checkSize(int m) {
        if (m < 1 || m > MAX_FEATURES) {
            throw new IllegalArgumentException("exact Shapley enumeration takes 1 to " + MAX_FEATURES + " features, got " + m);
        }
    }
}
