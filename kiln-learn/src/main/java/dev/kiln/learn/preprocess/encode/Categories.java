package dev.kiln.learn.preprocess.encode;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The categories of one encoded column, sorted as scikit-learn's encoders sort them
 * ({@code np.unique}): strings lexicographically, longs numerically, false before true.
 * Values are matched by their text ({@link Column#text}).
 *
 * @param column     the column's name
 * @param type       its type in fitting
 * @param values     the present values seen in fitting, sorted
 * @param hadMissing whether fitting saw a missing value
 */
public record Categories(String column, ColumnType type, List<String> values, boolean hadMissing) {
    /** The types encoders take: categorical and text by default, long and boolean when named. */
    static final Predicate<ColumnType> ENCODABLE = t -> t != ColumnType.DOUBLE;
    static final String EXPECTED = "a categorical, text, boolean or long column";

    public Categories {
        values = List.copyOf(values);
    }

    /** Learns the categories of {@code c}. */
    static Categories learn(Column c) {
        Comparator<String> order = switch (c.type()) {
            case LONG -> Comparator.comparingLong(Long::parseLong);
            case BOOLEAN -> Comparator.comparing(Boolean::parseBoolean);
            default -> Comparator.naturalOrder();
        };
        TreeSet<String> seen = new TreeSet<>(order);
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                seen.add(c.text(i));
            }
        }
        return new Categories(c.name(), c.type(), new ArrayList<>(seen), c.missingCount() > 0);
    }

    /** The categories of each chosen column of {@code x}. */
    static List<Categories> learn(Frame x, List<String> named, String who) {
        List<String> columns = ColumnSelection.resolve(x, named, ColumnSelection.STRINGS, ENCODABLE, EXPECTED, who);
        List<Categories> out = new ArrayList<>(columns.size());
        for (String name : columns) {
            out.add(learn(x.column(name)));
        }
        return out;
    }

    /** Each value's index in {@link #values()}. */
    Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < values.size(); k++) {
            index.put(values.get(k), k);
        }
        return index;
    }

    /** The column of {@code x} to encode, checked against the type seen in fitting. */
    Column columnOf(Frame x, String who) {
        ColumnSelection.check(x, List.of(column), ENCODABLE, EXPECTED, who);
        Column c = x.column(column);
        boolean strings = ColumnSelection.STRINGS.test(type);
        if (strings ? !ColumnSelection.STRINGS.test(c.type()) : c.type() != type) {
            throw new IllegalArgumentException(who + ": column '" + column + "' is " + c.type().label() + " but was "
                    + type.label() + " in fitting; expected " + (strings ? "a categorical or text column" : "a " + type.label() + " column"));
        }
        return c;
    }

    /** The message for a value not seen in fitting. */
    String unknown(String value, int row, String who, String remedy) {
        String shown = values.size() <= 20 ? values.toString() : values.subList(0, 20) + " … (" + values.size() + " in all)";
        return who + ": column '" + column + "' has " + (value == null ? "a missing value" : "category '" + value + "'")
                + " (row " + row + ") not seen in fitting; known categories: " + shown + "; " + remedy;
    }
}
