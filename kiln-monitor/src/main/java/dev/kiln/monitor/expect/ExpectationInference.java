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
 *   <li>{@code unique} when the profile counted every value exactly and none repeats.</li>
 * </ul>
 */
public final class ExpectationInference {
    private static final int MAX_ALLOWED_VALUES = 50;

    private ExpectationInference() {
    }

    public static ExpectationSuite from(DataProfile profile, String name) {
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
            }
            if (c.type() == ColumnType.BOOLEAN || c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.TEXT) {
                strings(c, out);
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

    private static void strings(ColumnProfile c, List<Expectation> out) {
        Map<String, Long> values = c.topValues(Integer.MAX_VALUE);
        if (c.valueCountsExact() && values.values().stream().allMatch(n -> n == 1) && values.size() >= 2) {
            out.add(new Expectation.Unique(c.name()));
            return;
        }
        if (c.valueCountsExact() && values.size() <= MAX_ALLOWED_VALUES) {
            out.add(new Expectation.InSet(c.name(), new LinkedHashSet<>(values.keySet()), 1));
            return;
        }
        long present = c.count() - c.missing();
        c.topPatterns(1).forEach((pattern, count) -> {
            if (count >= 0.99 * present) {
                out.add(new Expectation.MatchesRegex(c.name(), regexOf(pattern), 0.99));
            }
        });
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
