package dev.kiln.monitor.expect;

import dev.kiln.monitor.drift.Distances;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a {@link Expectation.DistributionWithin} measures the distance between the reference's and
 * the current data's shares of the same bins, with Evidently's formulas ({@link Distances}).
 */
public enum DistanceMethod {
    /**
     * Population stability index; empty bins take Evidently's epsilon (a share of 0 becomes 10⁻⁴,
     * see {@link Distances#fillEmptyBins}). Default threshold 0.2: the credit-scoring rule of thumb
     * (Siddiqi, <i>Credit Risk Scorecards</i>, 2006) reads PSI below 0.1 as no change, 0.1–0.2 as a
     * moderate and above 0.2 as a significant shift. Evidently's drift default of 0.1 suits large
     * current sets; on 10 bins a batch of n rows drawn from the reference distribution itself has
     * PSI ≈ χ²₉ / n (mean 9/n, 95th percentile 16.9/n: 0.17 at n = 100), so 0.1 would fail
     * healthy batches of a few hundred rows.
     */
    PSI("psi", 0.2) {
        @Override
        double distance(double[] edges, double std, double[] reference, double[] current) {
            return Distances.populationStabilityIndex(reference, current);
        }

        @Override
        double[] terms(double[] edges, double[] reference, double[] current) {
            return Distances.populationStabilityIndexTerms(reference, current);
        }
    },
    /** Jensen–Shannon distance, base-2 logarithms (in [0, 1]); Evidently's default threshold 0.1. */
    JENSENSHANNON("jensenshannon", 0.1) {
        @Override
        double distance(double[] edges, double std, double[] reference, double[] current) {
            return Distances.jensenShannon(reference, current);
        }

        @Override
        double[] terms(double[] edges, double[] reference, double[] current) {
            return Distances.jensenShannonTerms(reference, current);
        }
    },
    /** Hellinger distance (in [0, 1]); Evidently's default threshold 0.1. */
    HELLINGER("hellinger", 0.1) {
        @Override
        double distance(double[] edges, double std, double[] reference, double[] current) {
            return Distances.hellinger(reference, current);
        }

        @Override
        double[] terms(double[] edges, double[] reference, double[] current) {
            return Distances.hellingerTerms(reference, current);
        }
    },
    /**
     * First Wasserstein distance between the two histograms ({@link Distances#wassersteinBinned}),
     * divided by the reference's standard deviation (at least 0.001) as Evidently norms it; numeric
     * references only; Evidently's default threshold 0.1.
     */
    WASSERSTEIN("wasserstein", 0.1) {
        @Override
        double distance(double[] edges, double std, double[] reference, double[] current) {
            return Distances.wassersteinBinned(edges, reference, current) / Math.max(std, 0.001);
        }

        @Override
        double[] terms(double[] edges, double[] reference, double[] current) {
            return Distances.wassersteinBinnedTerms(edges, reference, current);
        }
    };

    private final String label;
    private final double defaultThreshold;

    DistanceMethod(String label, double defaultThreshold) {
        this.label = label;
        this.defaultThreshold = defaultThreshold;
    }

    /**
     * The distance between shares of the same bins.
     *
     * @param edges the bin edges (numeric references) or null (categories)
     * @param std   the reference's standard deviation, for {@link #WASSERSTEIN}
     */
    abstract double distance(double[] edges, double std, double[] reference, double[] current);

    /** One non-negative term per bin, larger where the bin contributes more to the distance. */
    abstract double[] terms(double[] edges, double[] reference, double[] current);

    /** The name used in expectations files ("psi", …). */
    public String label() {
        return label;
    }

    /** The threshold used when a file or inference names none (see each constant). */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether it compares numbers only (needs bin edges). */
    public boolean numericOnly() {
        return this == WASSERSTEIN;
    }

    /** The method named by {@link #label()} (case-insensitive); lists the valid names otherwise. */
    public static DistanceMethod fromLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (DistanceMethod m : values()) {
            if (m.label.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown distance method '" + label + "'; expected one of: "
                + Arrays.stream(values()).map(DistanceMethod::label).collect(Collectors.joining(", ")));
    }
}
