package dev.kiln.learn.data;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A classification target as integer codes into a sorted list of class names — the order
 * scikit-learn's {@code np.unique} gives: numerically for numeric and boolean columns,
 * lexicographically for strings. Probability columns and class indices follow this order.
 *
 * @param classes the class names, sorted
 * @param codes   each row's class index
 */
public record ClassTarget(List<String> classes, int[] codes) {

    public ClassTarget {
        classes = List.copyOf(classes);
        codes = codes.clone();
    }

    /**
     * The classes of {@code y}, which must have {@code rows} rows, no missing values and at
     * least two classes.
     *
     * @param who the estimator, named in messages
     */
    public static ClassTarget of(Column y, int rows, String who) {
        if (y == null) {
            throw new IllegalArgumentException(who + " needs a target column");
        }
        if (y.size() != rows) {
            throw new IllegalArgumentException(who + ": the target has " + y.size() + " rows but the features have " + rows);
        }
        if (y.missingCount() > 0) {
            throw new IllegalArgumentException(who + ": the target '" + y.name() + "' has " + y.missingCount()
                    + " missing values; drop those rows first");
        }
        List<String> classes = sortedClasses(y);
        if (classes.size() < 2) {
            throw new IllegalArgumentException(who + ": the target '" + y.name() + "' has only one class"
                    + (classes.isEmpty() ? "" : " ('" + classes.get(0) + "')") + "; classification needs at least two");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            codes[i] = index.get(y.text(i));
        }
        return new ClassTarget(classes, codes);
    }

    public int classCount() {
        return classes.size();
    }

    /** How many rows each class has. */
    public int[] counts() {
        int[] counts = new int[classes.size()];
        for (int c : codes) {
            counts[c]++;
        }
        return counts;
    }

    @Override
    public int[] codes() {
        return codes.clone();
    }

    private static List<String> sortedClasses(Column y) {
        if (y.type() == ColumnType.DOUBLE || y.type() == ColumnType.LONG || y.type() == ColumnType.BOOLEAN) {
            double[] values = y.toDoubles();
            double[] distinct = Arrays.stream(values).distinct().sorted().toArray();
            Map<Double, String> names = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                names.putIfAbsent(values[i], y.text(i));
            }
            List<String> out = new ArrayList<>(distinct.length);
            for (double d : distinct) {
                out.add(names.get(d));
            }
            return out;
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (int i = 0; i < y.size(); i++) {
            distinct.add(y.text(i));
        }
        return new ArrayList<>(distinct);
    }
}
