package dev.kiln.learn.catalog;

import dev.kiln.core.Spelling;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's hyperparameters with every default filled in, read by name and type when the
 * estimator is built. Words such as "none" stay words; {@link #isWord} tells them apart from numbers.
 */
public final class ParamValues {
    private final String model;
    private final Map<String, Object> values;

    ParamValues(String model, Map<String, Object> values) {
        this.model = model;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The values of {@code specs}: the defaults, overridden by {@code given} (typed values, or
     * text as written on the command line). Unknown names are refused with the valid ones.
     *
     * @param owner the model or algorithm, named in messages
     */
    public static ParamValues of(String owner, List<ParamSpec> specs, Map<String, ?> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : specs) {
            values.put(p.name(), p.defaultValue() == null ? "none" : p.defaultValue());
        }
        for (Map.Entry<String, ?> e : given.entrySet()) {
            ParamSpec spec = find(owner, specs, e.getKey());
            Object v = e.getValue();
            values.put(e.getKey(), v instanceof String text ? spec.parse(text, owner) : spec.coerce(v, owner));
        }
        return new ParamValues(owner, values);
    }

    /** The spec called {@code name}, or an error listing the valid names with a spelling hint. */
    static ParamSpec find(String owner, List<ParamSpec> specs, String name) {
        for (ParamSpec p : specs) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        List<String> names = specs.stream().map(ParamSpec::name).toList();
        String closest = Spelling.closest(name, names);
        throw new IllegalArgumentException("unknown parameter '" + name + "' for " + owner
                + (closest != null ? " (did you mean '" + closest + "'?)" : "") + "; valid: "
                + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public double number(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    public String word(String name) {
        return String.valueOf(get(name));
    }

    /** Whether the value is a word (such as "none" or "sqrt") rather than a number. */
    public boolean isWord(String name) {
        return get(name) instanceof String;
    }

    /** The integer, or null when the value is the word "none". */
    public Integer integerOrNone(String name) {
        Object v = get(name);
        return v instanceof Number n ? n.intValue() : null;
    }

    public Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException(model + " has no parameter '" + name + "'");
        }
        return values.get(name);
    }
}
