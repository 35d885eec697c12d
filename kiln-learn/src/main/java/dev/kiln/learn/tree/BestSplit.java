package dev.kiln.learn.tree;

/** The best split found so far at a node: the criterion's proxy score, the feature and the threshold. */
final class BestSplit {
    /** Values closer than this count as equal, as in scikit-learn ({@code FEATURE_THRESHOLD}). */
    static final double FEATURE_THRESHOLD = 1e-7;

    double proxy;
    int feature;
    double threshold;

    /**
     * Whether a scan over values sorted from {@code start} may split after position i: only
     * between distinct values, leaving at least {@code minLeaf} rows on the left. (Scans stop at
     * {@code end − minLeaf}, which leaves enough on the right.)
     */
    static boolean canSplitAfter(double[] values, int i, int start, int minLeaf) {
        return values[i + 1] > values[i] + FEATURE_THRESHOLD && i + 1 - start >= minLeaf;
    }

    void reset() {
        proxy = Double.NEGATIVE_INFINITY;
        feature = -1;
    }

    boolean found() {
        return feature >= 0;
    }

    /** Records a split between sorted values {@code a < b} if its proxy beats the best so far. */
    void offer(double candidateProxy, int f, double a, double b) {
        if (candidateProxy > proxy) {
            proxy = candidateProxy;
            feature = f;
            threshold = midpoint(a, b);
        }
    }

    /** The threshold between a and b as scikit-learn places it: halfway, or a when rounding reaches b. */
    static double midpoint(double a, double b) {
        double t = a / 2.0 + b / 2.0;
        return t == b || Double.isInfinite(t) ? a : t;
    }
}
