package dev.kiln.monitor.expect;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.monitor.profile.ColumnProfile;
import dev.kiln.monitor.profile.DataProfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expectations read off a training profile, as TFDV infers a schema and Great Expectations'
 * profilers propose a suite: a starting point to review and edit by hand. The rules:
 * <ul>
 *   <li>the exact column set, at least one row, and each column's type;</li>
 *   <li>{@code not_null} with {@code mostly} = 1 − 2 × the missing rate (rounded down to 0.01), unless over half is missing;</li>
 *   <li>numbers: a {@code range} widened by 10% of max − min on each side (not below 0 for a non-negative column),
 *       {@code mostly} 0.99; the {@code mean} within half a standard deviation; the median within the interquartile range;</li>
 *   <li>booleans and categories with at most 50 values, counted exactly: {@code allowed_values};</li>
 *   <li>other strings: a {@code regex} when one value pattern covers at least 99% of values;</li>
 *   <li>{@code unique} when the profile counted every value exactly and none repeats;</li>
 *   <li>a {@code distribution} within a distance of the profiled one ({@link Distribution}): for numbers
 *       on bins equally populated in the profile, for categories and booleans counted exactly (and not
 *       all unique) on the most frequent values and {@code other}.</li>
 * </ul>
 */
public final class ExpectationInference {
    private static final int MAX_ALLOWED_VALUES = 50;

    private ExpectationInference() {
    }

    /**
     * How the inferred {@code distribution} expectations are set up.
     *
     * @param method     the distance (not wasserstein, which cannot compare categories)
     * @param threshold  the largest distance that passes
     * @param bins       quantile bins for numeric columns, 2 to 100
     * @param categories categories listed by name, most frequent first; the rest are {@code other}
     */
    public record Distribution(DistanceMethod method, double threshold, int bins, int categories) {
        /**
         * PSI at 0.2 (see {@link DistanceMethod#PSI}) on deciles, the classic PSI set-up, and the 20 most
         * frequent categories.
         */
        public static final Distribution DEFAULT = new Distribution(DistanceMethod.PSI, DistanceMethod.PSI.defaultThreshold(), 10, 20);

        public Distribution {
            java.util.Objects.requireNonNull(method, "method");
            if (method.numericOnly()) {
                throw new IllegalArgumentException(method.label() + " compares numbers only; infer with another method");
            }
            if (!(threshold >= 0 && Double.isFinite(threshold))) {
                throw new IllegalArgumentException("threshold must be a finite number >= 0, got " + threshold);
            }
            if (bins < 2 || bins > 100) {
                throw new IllegalArgumentException("bins must be in [2, 100], got " + bins);
            }
            if (categories < 1) {
                throw new IllegalArgumentException("categories must be >= 1, got " + categories);
            }
        }
    }

    /** The suite for {@code profile}, with {@link Distribution#DEFAULT} distribution checks. */
    public static ExpectationSuite from(DataProfile profile, String name) {
        return from(profile, name, Distribution.DEFAULT);
    }

    public static ExpectationSuite from(DataProfile profile, String name, Distribution distribution) {
        List<Expectation> out = new ArrayList<>();
        out.add(new Expectation.ColumnsMatch(profile.names(), true));
        out.add(new Expectation.RowCountBetween(1L, null));
        for (ColumnProfile c : profile.columns().values()) {
            out.add(new Expectation.HasType(c.name(), c.type()));
            if (c.missingRate() <= 0.5) {
                double mostly = Math.floor(100 * (1 - 2 * c.missingRate())) / 100;
                out.add(new Expectation.NotNull(c.name(), Math.max(0.01, mostly)));
            }
            if (c.count() == c.missing()) {
                continue;
            }
            if (c.isNumeric() && c.type() != ColumnType.BOOLEAN) {
                numeric(c, out);
                add(c, ReferenceDistribution.Bins.fromProfile(c, distribution.bins()), distribution, out);
            }
            if (c.type() == ColumnType.BOOLEAN || c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.TEXT) {
                boolean unique = strings(c, out);
                if (!unique && c.type() != ColumnType.TEXT) {
                    add(c, ReferenceDistribution.Categories.fromProfile(c, distribution.categories()), distribution, out);
                }
            }
        }
        return new ExpectationSuite(name, out);
    }

    private static void numeric(ColumnProfile c, List<Expectation> out) {
        double margin = 0.1 * (c.max() - c.min());
        double low = c.min() - margin;
        if (c.min() >= 0) {
            low = Math.max(0, low);
        }
        out.add(new Expectation.InRange(c.name(), low, c.max() + margin, 0.99));
        if (!Double.isNaN(c.std())) {
            out.add(new Expectation.MeanBetween(c.name(), c.mean() - c.std() / 2, c.mean() + c.std() / 2));
        }
        out.add(new Expectation.QuantileBetween(c.name(), 0.5, c.quantile(0.25), c.quantile(0.75)));
    }

    private static void add(ColumnProfile c, ReferenceDistribution reference, Distribution settings, List<Expectation> out) {
        if (reference != null) {
            out.add(new Expectation.DistributionWithin(c.name(), settings.method(), settings.threshold(), reference));
        }
    }

    /** Adds the expectations on a column's strings; returns whether its values are all unique. */
    private static boolean strings(ColumnProfile c, List<Expectation> out) {
        Map<String, Long> values = c.topValues(Integer.MAX_VALUE);
        if (c.valueCountsExact() && values.values().stream().allMatch(n -> n == 1) && values.size() >= 2) {
            out.add(new Expectation.Unique(c.name()));
            return true;
        }
        if (c.valueCountsExact() && values.size() <= MAX_ALLOWED_VALUES) {
            out.add(new Expectation.InSet(c.name(), new LinkedHashSet<>(values.keySet()), 1));
            return false;
        }
        long present = c.count() - c.missing();
        c.topPatterns(1).forEach((pattern, count) -> {
            if (count >= 0.99 * present) {
                out.add(new Expectation.MatchesRegex(c.name(), regexOf(pattern), 0.99));
            }
        });
        return false;
    }

    /** The regular expression matching exactly the strings of a {@link dev.kiln.monitor.profile.ValuePattern}. */
    static String regexOf(String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            String piece = switch (cp) {
                case 'A' -> "\\p{Lu}";
                case 'a' -> "[\\p{L}&&[^\\p{Lu}]]";
                case '9' -> "\\p{Nd}";
                default -> null;
            };
            if (piece == null) {
                if (cp == '\\' && i < pattern.length()) {
                    cp = pattern.codePointAt(i);
                    i += Character.charCount(cp);
                }
                out.append(Pattern.quote(new String(Character.toChars(cp))));
                continue;
            }
            out.append(piece);
            if (i < pattern.length() && pattern.charAt(i) == '+') {
                out.append('+');
                i++;
            }
        }
        return out.toString();
    }
}
