package dev.kiln.learn.ensemble;

/** The validation and sample sizes shared by the random forests. */
final class ForestChecks {
    private ForestChecks() {
    }

    static void check(int nEstimators, boolean bootstrap, Double maxSamples, boolean oobScore) {
        if (nEstimators < 1) {
            throw new IllegalArgumentException("n_estimators must be >= 1, got " + nEstimators);
        }
        if (maxSamples != null && !(maxSamples > 0 && maxSamples <= 1)) {
            throw new IllegalArgumentException("max_samples must be a fraction in (0, 1] (or none for all rows), got "
                    + maxSamples);
        }
        if (maxSamples != null && !bootstrap) {
            throw new IllegalArgumentException("max_samples applies to bootstrap samples; it needs bootstrap = true");
        }
        if (oobScore && !bootstrap) {
            throw new IllegalArgumentException("an out-of-bag score needs bootstrap = true");
        }
    }

    /** Rows per bootstrap sample as scikit-learn sizes it ({@code max(round(n · f), 1)}, halves to even); 0 without bootstrap. */
    static int sampleSize(boolean bootstrap, Double maxSamples, int rows) {
        if (!bootstrap) {
            return 0;
        }
        return maxSamples == null ? rows : (int) Math.max(Math.rint(rows * maxSamples), 1);
    }
}
