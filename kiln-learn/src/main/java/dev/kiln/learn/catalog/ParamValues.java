package dev.kiln.learn.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
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
