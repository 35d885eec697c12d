package dev.kiln.learn.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters a search varies and where each one's values come from, written as
 * {@code name=distribution} pairs separated by semicolons:
 * {@code C=log(0.01,100); gamma=log(1e-4,1); kernel=choice(rbf,poly); max_depth=int(2,12); alpha=uniform(0,1); k=[1,3,5]; seed=7}.
 * A bare value fixes the parameter.
 */
public record SearchSpace(Map<String, ParamDistribution> parameters) {

    public SearchSpace {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one parameter");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses the text form above; errors name the part that is wrong and show what was expected. */
    public static SearchSpace parse(String text) {
        Map<String, ParamDistribution> out = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("search space: '" + p + "' should be name=distribution, e.g. C=log(0.01,100)");
            }
            String name = p.substring(0, eq).trim();
            if (out.containsKey(name)) {
                throw new IllegalArgumentException("search space: parameter '" + name + "' appears twice");
            }
            out.put(name, distribution(name, p.substring(eq + 1).trim()));
        }
        return new SearchSpace(out);
    }

    /** Every combination of the grid values of each parameter, in order (the last parameter varies fastest). */
    public List<Map<String, Object>> grid(int pointsPerRange) {
        List<Map<String, Object>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, ParamDistribution> e : parameters.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> c : combos) {
                for (Object v : e.getValue().grid(pointsPerRange)) {
                    Map<String, Object> m = new LinkedHashMap<>(c);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static ParamDistribution distribution(String name, String spec) {
        String where = "search space: " + name + "=" + spec + ": ";
        try {
            if (spec.startsWith("[") && spec.endsWith("]")) {
                return new ParamDistribution.Choice(values(spec.substring(1, spec.length() - 1)));
            }
            int open = spec.indexOf('(');
            if (open < 0 || !spec.endsWith(")")) {
                return new ParamDistribution.Choice(List.of(value(spec)));
            }
            String fn = spec.substring(0, open).trim().toLowerCase(java.util.Locale.ROOT);
            List<Object> args = values(spec.substring(open + 1, spec.length() - 1));
            return switch (fn) {
                case "log", "loguniform" -> new ParamDistribution.LogUniform(number(args, 0, 2), number(args, 1, 2));
                case "uniform" -> new ParamDistribution.Uniform(number(args, 0, 2), number(args, 1, 2));
                case "int", "randint" -> new ParamDistribution.IntUniform(integer(args, 0), integer(args, 1));
                case "choice" -> new ParamDistribution.Choice(args);
                default -> throw new IllegalArgumentException("unknown distribution '" + fn
                        + "'; expected log(low,high), uniform(low,high), int(low,high), choice(a,b,…) or [a,b,…]");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("search space") ? e.getMessage() : where + e.getMessage(), e);
        }
    }

    private static List<Object> values(String list) {
        List<Object> out = new ArrayList<>();
        for (String v : list.split(",")) {
            if (!v.isBlank()) {
                out.add(value(v.trim()));
            }
        }
        return out;
    }

    /** An integer, a number, true/false, or a word. */
    static Object value(String v) {
        if (v.matches("[-+]?\\d+")) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException tooBig) {
                return Double.parseDouble(v);
            }
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException notANumber) {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            return v;
        }
    }

    private static double number(List<Object> args, int i, int expected) {
        if (args.size() != expected) {
            throw new IllegalArgumentException("expected " + expected + " numbers, got " + args.size());
        }
        if (!(args.get(i) instanceof Number n)) {
            throw new IllegalArgumentException("expected a number, got '" + args.get(i) + "'");
        }
        return n.doubleValue();
    }

    private static int integer(List<Object> args, int i) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("expected 2 integers, got " + args.size());
        }
        if (!(args.get(i) instanceof Integer n)) {
            throw new IllegalArgumentException("expected an integer, got '" + args.get(i) + "'");
        }
        return n;
    }
}
