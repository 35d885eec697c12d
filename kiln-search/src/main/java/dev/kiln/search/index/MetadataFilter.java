package dev.kiln.search.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which passages a search may return: for every named metadata key, the passage's value must be
 * one of the allowed values (keys are AND-ed, values of one key OR-ed). The empty filter allows all.
 */
public record MetadataFilter(Map<String, Set<String>> allowed) {
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public MetadataFilter {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        allowed.forEach((key, values) -> {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("metadata key '" + key + "' must be letters, digits, '_', '-' or '.'");
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("metadata key '" + key + "' allows no value; a filter needs at least one");
            }
            copy.put(key, Set.copyOf(values));
        });
        allowed = java.util.Collections.unmodifiableMap(copy);
    }

    public static MetadataFilter none() {
        return new MetadataFilter(Map.of());
    }

    /** Allows passages whose {@code key} is one of {@code values}. */
    public static MetadataFilter of(String key, String... values) {
        return new MetadataFilter(Map.of(key, new LinkedHashSet<>(List.of(values))));
    }

    /**
     * Parses {@code key=value} terms as typed on a command line; repeating a key allows more values.
     *
     * @throws IllegalArgumentException naming the term that is not {@code key=value}
     */
    public static MetadataFilter parse(List<String> terms) {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (String term : terms) {
            int eq = term.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("filter '" + term + "': expected KEY=VALUE, e.g. doc=faq/programming");
            }
            allowed.computeIfAbsent(term.substring(0, eq).strip(), k -> new LinkedHashSet<>()).add(term.substring(eq + 1));
        }
        return new MetadataFilter(allowed);
    }

    public boolean isEmpty() {
        return allowed.isEmpty();
    }

    /** Whether a passage with {@code metadata} passes. */
    public boolean test(Map<String, String> metadata) {
        for (Map.Entry<String, Set<String>> e : allowed.entrySet()) {
            String value = metadata.get(e.getKey());
            if (value == null || !e.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        allowed.forEach((k, vs) -> vs.forEach(v -> parts.add(k + "=" + v)));
        return String.join(" ", parts);
    }
}
