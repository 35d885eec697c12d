package dev.kiln.core.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns raw names from a header or from keys into column names: unique, none blank. */
final class ColumnNames {
    private ColumnNames() {
    }

    /** The name for a raw {@code name} at 0-based {@code index}: itself, or {@code unnamed_<index + 1>} when blank. */
    static String of(String name, int index) {
        return name.isBlank() ? "unnamed_" + (index + 1) : name;
    }

    /**
     * Checks that {@code names} are unique.
     *
     * @throws DataFormatException naming the first repeated name and both of its positions
     */
    static void checkUnique(List<String> names, String source, long line, String where) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer first = seen.putIfAbsent(names.get(i), i);
            if (first != null) {
                throw DataFormatException.inColumn(source, line, names.get(i), i, "the name appears twice " + where
                        + ", at positions " + (first + 1) + " and " + (i + 1) + "; column names must be unique");
            }
        }
    }
}
