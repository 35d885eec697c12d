package dev.kiln.explain.fairness;

import dev.kiln.core.random.Rng;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fitted group-specific thresholds of a {@link ThresholdOptimizer}: a randomised decision rule
 * per group. Immutable; predictions are random, drawn from the seed given to {@link #predict}.
 *
 * @param constraint       the constraint they satisfy
 * @param rules            the rule of each group, by group name
 * @param expectedAccuracy the accuracy the rules are expected to reach on the rows they were fitted on
 * @param rate             the common selection rate (demographic parity) or false positive rate (equalized odds)
 * @param truePositiveRate the common true positive rate (equalized odds; NaN for demographic parity)
 */
public record GroupThresholds(ThresholdOptimizer.Constraint constraint, Map<String, Rule> rules, double expectedAccuracy,
                              double rate, double truePositiveRate) {

    /**
     * One group's rule: with probability {@code ignore} predict positive with probability
     * {@code constant}; otherwise predict positive when the score is at least {@code high}, and
     * with probability {@code mix} when it lies in [{@code low}, {@code high}).
     *
     * @param high     the upper threshold (+∞ selects nobody)
     * @param low      the lower threshold, at most {@code high}
     * @param mix      the probability of a positive prediction between the thresholds
     * @param ignore   the probability of ignoring the score (equalized odds only)
     * @param constant the probability of a positive prediction when the score is ignored
     */
    public record Rule(double high, double low, double mix, double ignore, double constant) {
        public Rule {
            if (!(low <= high) || !(mix >= 0 && mix <= 1) || !(ignore >= 0 && ignore <= 1) || !(constant >= 0 && constant <= 1)) {
                throw new IllegalArgumentException("invalid threshold rule: high " + high + ", low " + low + ", mix " + mix
                        + ", ignore " + ignore + ", constant " + constant);
            }
        }

        boolean predict(double score, Rng rng) {
            if (ignore > 0 && rng.nextDouble() < ignore) {
                return rng.nextDouble() < constant;
            }
            if (score >= high) {
                return true;
            }
            return score >= low && rng.nextDouble() < mix;
        }

        /** The expected probability of a positive prediction for {@code score}. */
        public double positiveProbability(double score) {
            double byScore = score >= high ? 1 : score >= low ? mix : 0;
            return ignore * constant + (1 - ignore) * byScore;
        }
    }

    public GroupThresholds {
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /**
     * The predicted labels of rows with these scores and groups, drawn with {@code seed}.
     *
     * @throws IllegalArgumentException when a group has no rule (it did not occur where the thresholds were fitted)
     */
    public boolean[] predict(double[] scores, Grouping grouping, long seed) {
        if (grouping.rowCount() != scores.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + grouping.rowCount() + " grouped rows");
        }
        Rule[] byGroup = new Rule[grouping.groupCount()];
        for (int g = 0; g < byGroup.length; g++) {
            String name = grouping.groups().get(g).name();
            byGroup[g] = rules.get(name);
            if (byGroup[g] == null) {
                throw new IllegalArgumentException("the group " + name + " has no threshold: it did not occur in the rows the thresholds were fitted on "
                        + rules.keySet());
            }
        }
        Rng rng = Rng.seeded(seed);
        boolean[] out = new boolean[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = byGroup[grouping.groupOf(i)].predict(scores[i], rng);
        }
        return out;
    }
}
