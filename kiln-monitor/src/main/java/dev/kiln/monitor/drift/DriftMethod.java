package dev.kiln.monitor.drift;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The per-column drift tests, named as Evidently's stattests are, each with Evidently's default
 * threshold. Tests ({@link #isTest()}) drift when their p-value falls below the threshold; the
 * distances drift when they reach it.
 */
public enum DriftMethod {
    /** Two-sample Kolmogorov–Smirnov; drift when p ≤ threshold (Evidently's {@code ks}). */
    KS("ks", "Kolmogorov–Smirnov p-value", 0.05, true) {
        @Override
        TestStatistic measure(ColumnPair pair) {
            KolmogorovSmirnov.Result r = KolmogorovSmirnov.testSorted(pair.reference(), pair.current());
            return new TestStatistic(r.statistic(), r.pValue());
        }

        @Override
        boolean drifted(TestStatistic s, double threshold) {
            return s.pValue() <= threshold;
        }
    },
    /** Chi-squared test of homogeneity on the 2×k table of counts; drift when p &lt; threshold. */
    CHISQUARE("chisquare", "chi-squared p-value", 0.05, false) {
        @Override
        TestStatistic measure(ColumnPair pair) {
            return ChiSquaredTest.contingency(pair.valueCounts());
        }
    },
    /**
     * Evidently's own {@code chisquare}: goodness of fit of the current counts to the reference's
     * shares; drift when p &lt; threshold.
     */
    CHISQUARE_GOF("chisquare_gof", "chi-squared goodness-of-fit p-value", 0.05, false) {
        @Override
        TestStatistic measure(ColumnPair pair) {
            return ChiSquaredTest.goodnessOfFit(pair.valueCounts());
        }
    },
    /** Pooled two-proportion z-test for two-valued columns; drift when p &lt; threshold (Evidently's {@code z}). */
    Z("z", "z-test p-value", 0.05, false) {
        @Override
        TestStatistic measure(ColumnPair pair) {
            return TwoProportionZTest.test(pair.valueCounts());
        }
    },
    /**
     * Wasserstein distance divided by the reference's standard deviation (at least 0.001); drift
     * when ≥ threshold (Evidently's {@code wasserstein}).
     */
    WASSERSTEIN("wasserstein", "Wasserstein distance (normed)", 0.1, true) {
        @Override
        TestStatistic measure(ColumnPair pair) {
            double norm = Math.max(Distances.standardDeviation(pair.reference()), 0.001);
            return distance(Distances.wassersteinSorted(pair.reference(), pair.current()) / norm);
        }
    },
    /** Jensen–Shannon distance (base 2) on {@link Histogram#of} shares; drift when ≥ threshold. */
    JENSENSHANNON("jensenshannon", "Jensen–Shannon distance", 0.1, false) {
        @Override
        TestStatistic measure(ColumnPair pair) {
            Histogram h = Histogram.of(pair);
            return distance(Distances.jensenShannon(h.reference(), h.current()));
        }
    },
    /** Population stability index on {@link Histogram#of} shares, empty bins filled; drift when ≥ threshold. */
    PSI("psi", "population stability index", 0.1, false) {
        @Override
        TestStatistic measure(ColumnPair pair) {
            Histogram h = Histogram.of(pair);
            return distance(Distances.populationStabilityIndex(h.reference(), h.current()));
        }
    },
    /**
     * Hellinger distance: on shares per value for categorical columns, and for numeric ones on
     * Sturges bins over the distinct values of both sets (as Evidently's {@code hellinger} cuts
     * them); drift when ≥ threshold.
     */
    HELLINGER("hellinger", "Hellinger distance", 0.1, false) {
        @Override
        TestStatistic measure(ColumnPair pair) {
            Histogram h;
            if (pair.kind() == ColumnKind.NUMERICAL && pair.uniqueCount() > 1) {
                double[] keys = java.util.stream.DoubleStream.concat(Arrays.stream(pair.reference()),
                        Arrays.stream(pair.current())).distinct().toArray();
                h = Histogram.binned(Histogram.sturgesEdges(keys), pair.reference(), pair.current());
            } else {
                h = Histogram.byValue(pair.valueCounts());
            }
            return distance(Distances.hellinger(h.reference(), h.current()));
        }
    };

    /** Evidently's small-sample rule applies while the reference has at most this many values. */
    public static final int SMALL_REFERENCE = 1000;
    /** Numeric columns with at most this many distinct values are tested as categories. */
    public static final int FEW_VALUES = 5;

    private final String label;
    private final String description;
    private final double defaultThreshold;
    private final boolean numericOnly;

    DriftMethod(String label, String description, double defaultThreshold, boolean numericOnly) {
        this.label = label;
        this.description = description;
        this.defaultThreshold = defaultThreshold;
        this.numericOnly = numericOnly;
    }

    /** The statistic and, for tests, the p-value (NaN for distances). */
    abstract TestStatistic measure(ColumnPair pair);

    boolean drifted(TestStatistic s, double threshold) {
        return isTest() ? s.pValue() < threshold : s.statistic() >= threshold;
    }

    private static TestStatistic distance(double d) {
        return new TestStatistic(d, Double.NaN);
    }

    /** The name used on the command line and in JSON ("ks", "psi", …). */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Evidently's default threshold: 0.05 (a significance level) for tests, 0.1 for distances. */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether the result is a p-value (compared with the threshold as a significance level). */
    public boolean isTest() {
        return this == KS || this == CHISQUARE || this == CHISQUARE_GOF || this == Z;
    }

    /** Whether the method needs numbers (KS and Wasserstein compare values, not labels). */
    public boolean numericOnly() {
        return numericOnly;
    }

    /**
     * Evidently's default test ({@code _get_default_stattest} in
     * evidently/calculations/stattests/registry.py), decided on the non-missing values: with at
     * most 1,000 reference values, a numeric column with more than 5 distinct values (both sets
     * together) gets KS, any other column chi-squared — or the z-test when it holds at most 2
     * distinct values; with more than 1,000, a numeric column with more than 5 distinct values gets
     * the normed Wasserstein distance, any other column Jensen–Shannon.
     */
    public static DriftMethod evidentlyDefault(ColumnPair pair) {
        int unique = pair.uniqueCount();
        boolean manyNumbers = pair.kind() == ColumnKind.NUMERICAL && unique > FEW_VALUES;
        if (pair.referenceSize() <= SMALL_REFERENCE) {
            return manyNumbers ? KS : unique > 2 ? CHISQUARE : Z;
        }
        return manyNumbers ? WASSERSTEIN : JENSENSHANNON;
    }

    /** The method named by {@link #label()} (case-insensitive); lists the valid names otherwise. */
    public static DriftMethod fromLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (DriftMethod m : values()) {
            if (m.label.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown drift method '" + label + "'; expected one of: "
                + Arrays.stream(values()).map(DriftMethod::label).collect(Collectors.joining(", ")));
    }
}
