package dev.kiln.learn.neighbors;

/** The checks both k-nearest-neighbour estimators make of their hyperparameters. */
final class SearchSettings {
    private SearchSettings() {
    }

    static void check(int nNeighbors, Weights weights, Algorithm algorithm, int leafSize, double p) {
        if (nNeighbors < 1) {
            throw new IllegalArgumentException("nNeighbors must be >= 1, got " + nNeighbors);
        }
        if (weights == null) {
            throw new IllegalArgumentException("weights must be UNIFORM or DISTANCE, got null");
        }
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm must be AUTO, KD_TREE or BRUTE, got null");
        }
        if (leafSize < 1) {
            throw new IllegalArgumentException("leafSize must be >= 1, got " + leafSize);
        }
        if (!(p >= 1) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("p (the Minkowski order) must be a finite number >= 1, got " + p);
        }
    }
}
