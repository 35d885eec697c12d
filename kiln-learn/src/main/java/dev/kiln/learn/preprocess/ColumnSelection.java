package dev.kiln.learn.preprocess;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.NoSuchColumnException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which columns a preprocessing step acts on: the ones its parameters name, or by default every
 * column of the kinds it handles; the others pass through untouched. Checks, when fitting and
 * again when transforming, that each chosen column is there and of a kind the step handles.
 */
public final class ColumnSelection {
    /** Numeric columns: double, long and boolean (booleans as 1 and 0). */
    public static final Predicate<ColumnType> NUMERIC = ColumnType::isNumeric;
    /** Columns of strings: categorical and text. */
    public static final Predicate<ColumnType> STRINGS = t -> t == ColumnType.CATEGORICAL || t == ColumnType.TEXT;
    /** Any column. */
    public static final Predicate<ColumnType> ANY = t -> true;

    private ColumnSelection() {
    }

    /**
     * The columns to act on: {@code named} when given (each must exist and be {@code allowed}),
     * otherwise every column whose type {@code byDefault} accepts, in frame order.
     *
     * @param expected what {@code allowed} accepts, in words, for messages ("numeric")
     * @param who      the step, named in messages
     */
    public static List<String> resolve(Frame x, List<String> named, Predicate<ColumnType> byDefault,
                                       Predicate<ColumnType> allowed, String expected, String who) {
        if (named == null) {
            List<String> out = new ArrayList<>();
            for (Column c : x.columns()) {
                if (byDefault.test(c.type())) {
                    out.add(c.name());
                }
            }
            return List.copyOf(out);
        }
        if (new LinkedHashSet<>(named).size() != named.size()) {
            throw new IllegalArgumentException(who + ": a column is named twice in " + named);
        }
        check(x, named, allowed, expected, who);
        return List.copyOf(named);
    }

    /** Checks that every one of {@code columns} is in {@code x} with a type {@code allowed} accepts. */
    public static void check(Frame x, List<String> columns, Predicate<ColumnType> allowed, String expected, String who) {
        for (String name : columns) {
            if (!x.hasColumn(name)) {
                throw new IllegalArgumentException(who + ": " + NoSuchColumnException.of(name, x.names()).getMessage());
            }
            ColumnType type = x.column(name).type();
            if (!allowed.test(type)) {
                throw new IllegalArgumentException(who + ": column '" + name + "' is " + type.label() + "; expected " + expected);
            }
        }
    }

    /** Validates a {@code columns} parameter: null (the default choice) or distinct, non-blank names. */
    public static List<String> checkParameter(List<String> columns, String who) {
        if (columns == null) {
            return null;
        }
        for (String c : columns) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException(who + ": column names must not be empty");
            }
        }
        if (new LinkedHashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException(who + ": a column is named twice in " + columns);
        }
        return List.copyOf(columns);
    }
}
