package dev.kiln.learn.preprocess.compose;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.NoSuchColumnException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the columns a {@link ColumnTransformer} entry acts on: by name, or by type as
 * scikit-learn's {@code make_column_selector(dtype_include=...)} does. Resolved once, in
 * fitting; the fitted transformer remembers the names.
 */
public sealed interface ColumnSelector {

    /** The chosen columns of {@code x}, in frame order for type selectors and in the given order for names. */
    List<String> select(Frame x);

    /** These columns, in this order; each must exist. */
    static ColumnSelector names(String... names) {
        return new Names(List.of(names));
    }

    /** These columns, in this order; each must exist. */
    static ColumnSelector names(List<String> names) {
        return new Names(names);
    }

    /** Every column of one of these types. */
    static ColumnSelector types(ColumnType... types) {
        return new Types(types.length == 0 ? EnumSet.noneOf(ColumnType.class) : EnumSet.of(types[0], types));
    }

    /** Double and long columns: NumPy's {@code np.number}, which leaves booleans out. */
    static ColumnSelector numeric() {
        return types(ColumnType.DOUBLE, ColumnType.LONG);
    }

    static ColumnSelector categorical() {
        return types(ColumnType.CATEGORICAL);
    }

    static ColumnSelector text() {
        return types(ColumnType.TEXT);
    }

    static ColumnSelector booleans() {
        return types(ColumnType.BOOLEAN);
    }

    /** Columns by name. */
    record Names(List<String> names) implements ColumnSelector {
        public Names {
            names = List.copyOf(names);
            if (new java.util.HashSet<>(names).size() != names.size()) {
                throw new IllegalArgumentException("a column is named twice in " + names);
            }
        }

        @Override
        public List<String> select(Frame x) {
            for (String n : names) {
                if (!x.hasColumn(n)) {
                    throw NoSuchColumnException.of(n, x.names());
                }
            }
            return names;
        }
    }

    /** Columns by type. */
    record Types(Set<ColumnType> types) implements ColumnSelector {
        public Types {
            types = Set.copyOf(types);
        }

        @Override
        public List<String> select(Frame x) {
            List<String> out = new ArrayList<>();
            for (Column c : x.columns()) {
                if (types.contains(c.type())) {
                    out.add(c.name());
                }
            }
            return out;
        }
    }
}
