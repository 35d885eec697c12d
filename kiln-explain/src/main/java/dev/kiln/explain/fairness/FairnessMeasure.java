package dev.kiln.explain.fairness;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The group fairness measures of Fairlearn and AIF360, each with its default threshold and the
 * rule its value must meet. Differences and ratios over all groups follow Fairlearn
 * (max − min, min / max); measures against a privileged group follow AIF360 (unprivileged minus
 * privileged, unprivileged over privileged), taking the worst unprivileged group when there are
 * several; the Theil index is Speicher et al. (2018) with benefit b = ŷ − y + 1.
 */
public enum FairnessMeasure {
    /** max over groups of P(ŷ=1 | g) minus the min (Fairlearn). */
    DEMOGRAPHIC_PARITY_DIFFERENCE("demographic_parity_difference", Rule.AT_MOST, 0.1),
    /** min over groups of P(ŷ=1 | g) over the max (Fairlearn). */
    DEMOGRAPHIC_PARITY_RATIO("demographic_parity_ratio", Rule.AT_LEAST, 0.8),
    /** P(ŷ=1 | unprivileged) / P(ŷ=1 | privileged) (AIF360); at least 0.8 is the four-fifths rule. */
    DISPARATE_IMPACT("disparate_impact", Rule.AT_LEAST, 0.8),
    /** TPR(unprivileged) − TPR(privileged) (AIF360). */
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference", Rule.ABS_AT_MOST, 0.1),
    /** The larger of the TPR and FPR differences between groups (max − min), Fairlearn's "between_groups". */
    EQUALIZED_ODDS_DIFFERENCE("equalized_odds_difference", Rule.AT_MOST, 0.1),
    /** ½ [(FPR(unpriv) − FPR(priv)) + (TPR(unpriv) − TPR(priv))] (AIF360). */
    AVERAGE_ODDS_DIFFERENCE("average_odds_difference", Rule.ABS_AT_MOST, 0.1),
    /** (1/n) Σ (b_i/μ) ln(b_i/μ) with b_i = ŷ_i − y_i + 1 over all rows (Speicher et al. 2018; AIF360). */
    THEIL_INDEX("theil_index", Rule.AT_MOST, 0.2);

    /** How a value is compared with its threshold. */
    public enum Rule {
        /** value <= threshold. */
        AT_MOST("<="),
        /** value >= threshold. */
        AT_LEAST(">="),
        /** |value| <= threshold. */
        ABS_AT_MOST("|x| <=");

        private final String symbol;

        Rule(String symbol) {
            this.symbol = symbol;
        }

        /** {@code <=}, {@code >=} or {@code |x| <=}. */
        public String symbol() {
            return symbol;
        }

        /** Whether {@code value} meets {@code threshold}; an undefined (NaN) value never does. */
        public boolean passes(double value, double threshold) {
            return switch (this) {
                case AT_MOST -> value <= threshold;
                case AT_LEAST -> value >= threshold;
                case ABS_AT_MOST -> Math.abs(value) <= threshold;
            };
        }
    }

    private final String key;
    private final Rule rule;
    private final double defaultThreshold;

    FairnessMeasure(String key, Rule rule, double defaultThreshold) {
        this.key = key;
        this.rule = rule;
        this.defaultThreshold = defaultThreshold;
    }

    /** The snake_case name used in JSON and on the command line. */
    public String key() {
        return key;
    }

    public Rule rule() {
        return rule;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether the measure compares unprivileged groups with the privileged one. */
    public boolean needsPrivilegedGroup() {
        return this == DISPARATE_IMPACT || this == EQUAL_OPPORTUNITY_DIFFERENCE || this == AVERAGE_ODDS_DIFFERENCE;
    }

    /**
     * The measure's value for groups with confusion counts {@code groups}, {@code privileged}
     * being the index of the privileged group.
     */
    public double value(List<ConfusionCounts> groups, int privileged) {
        return switch (this) {
            case DEMOGRAPHIC_PARITY_DIFFERENCE -> spread(groups, ConfusionCounts::selectionRate);
            case DEMOGRAPHIC_PARITY_RATIO -> {
                double min = extreme(groups, ConfusionCounts::selectionRate, false);
                double max = extreme(groups, ConfusionCounts::selectionRate, true);
                yield max == 0 ? Double.NaN : min / max;
            }
            case EQUALIZED_ODDS_DIFFERENCE -> Math.max(spread(groups, ConfusionCounts::truePositiveRate),
                    spread(groups, ConfusionCounts::falsePositiveRate));
            case THEIL_INDEX -> theilIndex(groups.stream().reduce(new ConfusionCounts(0, 0, 0, 0, 0), ConfusionCounts::plus));
            case DISPARATE_IMPACT, EQUAL_OPPORTUNITY_DIFFERENCE, AVERAGE_ODDS_DIFFERENCE -> worst(byGroup(groups, privileged));
        };
    }

    /**
     * For measures against the privileged group, the value of each other group in order (the
     * privileged group's own entry is NaN); otherwise an empty array.
     */
    public double[] byGroup(List<ConfusionCounts> groups, int privileged) {
        if (!needsPrivilegedGroup()) {
            return new double[0];
        }
        ConfusionCounts p = groups.get(privileged);
        double[] out = new double[groups.size()];
        for (int g = 0; g < out.length; g++) {
            ConfusionCounts u = groups.get(g);
            out[g] = g == privileged ? Double.NaN : switch (this) {
                case DISPARATE_IMPACT -> p.selectionRate() == 0 ? Double.NaN : u.selectionRate() / p.selectionRate();
                case EQUAL_OPPORTUNITY_DIFFERENCE -> u.truePositiveRate() - p.truePositiveRate();
                default -> 0.5 * ((u.falsePositiveRate() - p.falsePositiveRate()) + (u.truePositiveRate() - p.truePositiveRate()));
            };
        }
        return out;
    }

    /** The least ratio, or the difference farthest from 0 (NaN if any group's value is undefined). */
    private double worst(double[] values) {
        double worst = Double.NaN;
        boolean any = false;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            boolean worse = this == DISPARATE_IMPACT ? v < worst : Math.abs(v) > Math.abs(worst);
            if (!any || worse) {
                worst = v;
                any = true;
            }
        }
        int defined = (int) Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
        return defined == values.length - 1 ? worst : Double.NaN;
    }

    /**
     * The Theil index of the benefits b = ŷ − y + 1 (2 for a false positive, 1 for a correct
     * prediction, 0 for a false negative): (1/n) Σ (b/μ) ln(b/μ), with 0 ln 0 = 0.
     */
    static double theilIndex(ConfusionCounts c) {
        long n = c.count();
        double benefit = 2.0 * c.fp() + c.tp() + c.tn();
        if (n == 0 || benefit == 0) {
            return Double.NaN;
        }
        double mu = benefit / n;
        double one = 1 / mu;
        double two = 2 / mu;
        return ((c.tp() + c.tn()) * one * Math.log(one) + c.fp() * two * Math.log(two)) / n;
    }

    private static double spread(List<ConfusionCounts> groups, java.util.function.ToDoubleFunction<ConfusionCounts> rate) {
        return extreme(groups, rate, true) - extreme(groups, rate, false);
    }

    /** The largest or smallest rate over groups; NaN if any group's rate is undefined. */
    private static double extreme(List<ConfusionCounts> groups, java.util.function.ToDoubleFunction<ConfusionCounts> rate, boolean max) {
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (ConfusionCounts g : groups) {
            double v = rate.applyAsDouble(g);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            best = max ? Math.max(best, v) : Math.min(best, v);
        }
        return best;
    }

    /** The measure called {@code key}, or an error listing the names. */
    public static FairnessMeasure fromKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (FairnessMeasure m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown fairness measure '" + key + "'; expected one of: " + keys());
    }

    /** Every measure's key, in order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(FairnessMeasure::key).toList();
    }
}
