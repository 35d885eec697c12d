package dev.kiln.learn.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A hyperparameter as the command line and searches see it: its name, what it means, its
 * default (scikit-learn's), and what values it takes — an integer, a number, true/false, a word
 * from a list, a number or one of some words (gamma: a number, "scale" or "auto"), or a name (a column). Values
 * written as text are parsed here, with errors that name the parameter and the expected form.
 *
 * @param name         as written on the command line (scikit-learn's name)
 * @param description  one line
 * @param defaultValue the default, or null for "none"
 * @param kind         what values it takes
 * @param words        the words it accepts (choices, or words beside a number)
 */
public record ParamSpec(String name, String description, Object defaultValue, Kind kind, List<String> words) {

    /** The kinds of values. */
    public enum Kind {
        INTEGER, NUMBER, BOOLEAN, CHOICE, NUMBER_OR_WORD, INTEGER_OR_WORD, NAME
    }

    public ParamSpec {
        words = List.copyOf(words);
    }

    public static ParamSpec integer(String name, Integer defaultValue, String description) {
        return new ParamSpec(name, description, defaultValue, Kind.INTEGER, List.of());
    }

    public static ParamSpec number(String name, double defaultValue, String description) {
        return new ParamSpec(name, description, defaultValue, Kind.NUMBER, List.of());
    }

    public static ParamSpec bool(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, description, defaultValue, Kind.BOOLEAN, List.of());
    }

    public static ParamSpec choice(String name, String defaultValue, String description, String... choices) {
        return new ParamSpec(name, description, defaultValue, Kind.CHOICE, List.of(choices));
    }

    /** A number, or one of {@code words} (e.g. "none", "scale"). */
    public static ParamSpec numberOrWord(String name, Object defaultValue, String description, String... words) {
        return new ParamSpec(name, description, defaultValue, Kind.NUMBER_OR_WORD, List.of(words));
    }

    /** An integer, or one of {@code words} (e.g. "none" for no limit). */
    public static ParamSpec integerOrWord(String name, Object defaultValue, String description, String... words) {
        return new ParamSpec(name, description, defaultValue, Kind.INTEGER_OR_WORD, List.of(words));
    }

    /** Any non-blank text, such as a column name; null (the default "none") when not given. */
    public static ParamSpec name(String name, String description) {
        return new ParamSpec(name, description, null, Kind.NAME, List.of());
    }

    /** What values look like, for help and errors: "integer", "number", "true|false", "rbf|linear", "number or scale|auto". */
    public String form() {
        return switch (kind) {
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", words);
            case NUMBER_OR_WORD -> "number or " + String.join("|", words);
            case INTEGER_OR_WORD -> "integer or " + String.join("|", words);
            case NAME -> "a name";
        };
    }

    /** The default as text ("none" for null). */
    public String defaultText() {
        return defaultValue == null ? "none" : format(defaultValue);
    }

    /** Parses a value written as text. */
    public Object parse(String text, String model) {
        String t = text.trim();
        Object value = switch (kind) {
            case INTEGER -> integerOrNull(t);
            case NUMBER -> numberOrNull(t);
            case BOOLEAN -> t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            case CHOICE -> word(t);
            case NUMBER_OR_WORD -> numberOrNull(t) != null ? numberOrNull(t) : word(t);
            case INTEGER_OR_WORD -> integerOrNull(t) != null ? integerOrNull(t) : word(t);
            case NAME -> t.isEmpty() ? null : t;
        };
        if (value == null) {
            throw new IllegalArgumentException("parameter " + name + " of " + model + ": expected " + form() + ", got '" + text + "'");
        }
        return value;
    }

    /** Accepts a value from a search (numbers, booleans or words) in this parameter's kind. */
    public Object coerce(Object value, String model) {
        if (value == null) {
            return words.contains("none") ? "none" : fail(value, model);
        }
        return switch (kind) {
            case INTEGER -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? (Object) n.intValue() : fail(value, model);
            case NUMBER -> value instanceof Number n ? (Object) n.doubleValue() : fail(value, model);
            case BOOLEAN -> value instanceof Boolean ? value : parse(String.valueOf(value), model);
            case CHOICE -> parse(String.valueOf(value), model);
            case NUMBER_OR_WORD -> value instanceof Number n ? (Object) n.doubleValue() : parse(String.valueOf(value), model);
            case INTEGER_OR_WORD -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? (Object) n.intValue() : parse(String.valueOf(value), model);
            case NAME -> parse(String.valueOf(value), model);
        };
    }

    private Object fail(Object value, String model) {
        throw new IllegalArgumentException("parameter " + name + " of " + model + ": expected " + form() + ", got '" + value + "'");
    }

    private String word(String t) {
        for (String w : words) {
            if (w.equalsIgnoreCase(t)) {
                return w;
            }
        }
        return null;
    }

    private static Integer integerOrNull(String t) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double numberOrNull(String t) {
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(d);
        }
        return String.valueOf(v);
    }
}
