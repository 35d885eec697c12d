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
    PSI("psi", 0.2, (edges, r, c) -> Distances.populationStabilityIndex(r, c),
            (edges, r, c) -> Distances.populationStabilityIndexTerms(r, c)),
    /** Jensen–Shannon distance, base-2 logarithms (in [0, 1]); Evidently's default threshold 0.1. */
    JENSENSHANNON("jensenshannon", 0.1, (edges, r, c) -> Distances.jensenShannon(r, c),
            (edges, r, c) -> Distances.jensenShannonTerms(r, c)),
    /** Hellinger distance (in [0, 1]); Evidently's default threshold 0.1. */
    HELLINGER("hellinger", 0.1, (edges, r, c) -> Distances.hellinger(r, c), (edges, r, c) -> Distances.hellingerTerms(r, c)),
    /**
     * First Wasserstein distance between the two histograms ({@link Distances#wassersteinBinned}),
     * divided by the reference's standard deviation (at least 0.001) as Evidently norms it; numeric
     * references only; Evidently's default threshold 0.1.
     */
    WASSERSTEIN("wasserstein", 0.1, Distances::wassersteinBinned, Distances::wassersteinBinnedTerms);

    /** A distance between shares of the same bins; {@code edges} is null for categories. */
    private interface Measure {
        double between(double[] edges, double[] reference, double[] current);
    }

    /** Its split into one term per bin. */
    private interface Split {
        double[] between(double[] edges, double[] reference, double[] current);
    }

    private final String label;
    private final double defaultThreshold;
    private final Measure measure;
    private final Split split;

    DistanceMethod(String label, double defaultThreshold, Measure measure, Split split) {
        this.label = label;
        this.defaultThreshold = defaultThreshold;
        this.measure = measure;
        this.split = split;
    }

    /**
     * The distance between shares of the same bins.
     *
     * @param edges the bin edges (numeric references) or null (categories)
     * @param std   the reference's standard deviation, which {@link #WASSERSTEIN} is normed by
     */
    double distance(double[] edges, double std, double[] reference, double[] current) {
        double d = measure.between(edges, reference, current);
        return this == WASSERSTEIN ? d / Math.max(std, 0.001) : d;
    }

    /** One non-negative term per bin, larger where the bin contributes more to the distance. */
    double[] terms(double[] edges, double[] reference, double[] current) {
        return split.between(edges, reference, current);
    }

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
