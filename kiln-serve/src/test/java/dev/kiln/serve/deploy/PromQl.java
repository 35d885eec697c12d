package dev.kiln.serve.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to check a dashboard against a scrape: the metric names an expression reads, and the
 * label values its selectors ask for by equality.
 */
final class PromQl {
    private static final String IDENT = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`";
    private static final Pattern STRINGS = Pattern.compile(STRING);
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}");
    private static final Pattern BRACKETS = Pattern.compile("\\[[^]]*]");
    /** Label lists of grouping and vector matching: {@code by (a, b)}, {@code without (...)}, {@code on (...)}, {@code group_left (...)}. */
    private static final Pattern LABEL_LISTS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** An identifier that does not continue a number, a variable or another identifier. */
    private static final Pattern NAME = Pattern.compile("(?<![a-zA-Z0-9_:.$])(" + IDENT + ")");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool",
            "and", "or", "unless", "atan2", "inf", "nan", "Inf", "NaN");
    private static final Pattern SELECTOR = Pattern.compile("(" + IDENT + ")?\\s*\\{((?:" + STRING + "|[^}\"'`])*)}");
    private static final Pattern MATCHER = Pattern.compile("\\s*(" + IDENT + ")\\s*(=~|!~|!=|=)\\s*(" + STRING + ")\\s*,?");

    /** A vector selector: its metric name (null for {@code {__name__=...}}) and its equality matchers on literal values. */
    record Selector(String metric, Map<String, String> equal) {
    }

    private PromQl() {
    }

    /** The metric names {@code expr} reads: identifiers that are not functions, keywords, label names or durations. */
    static Set<String> metricNames(String expr) {
        String bare = STRINGS.matcher(expr).replaceAll("\"\"");
        bare = BRACES.matcher(bare).replaceAll(" ");
        bare = BRACKETS.matcher(bare).replaceAll(" ");
        bare = LABEL_LISTS.matcher(bare).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            String name = m.group(1);
            boolean call = bare.substring(m.end()).stripLeading().startsWith("(");
            if (!call && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every selector with braces in {@code expr}, with its {@code label="value"} matchers whose value names no variable ($). */
    static List<Selector> selectors(String expr) {
        List<Selector> out = new ArrayList<>();
        Matcher s = SELECTOR.matcher(expr);
        while (s.find()) {
            Map<String, String> equal = new LinkedHashMap<>();
            Matcher m = MATCHER.matcher(s.group(2));
            while (m.find()) {
                String value = m.group(3).substring(1, m.group(3).length() - 1);
                if (m.group(2).equals("=") && !value.contains("$")) {
                    equal.put(m.group(1), value);
                }
            }
            out.add(new Selector(s.group(1), equal));
        }
        return out;
    }
}
