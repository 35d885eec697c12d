package dev.kiln.learn.preprocess.encode;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.learn.preprocess.ColumnReplacement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fitted {@link OneHotEncoder}: each encoded column's categories and which one is dropped. */
public final class FittedOneHotEncoder implements FittedTransformer {
    /** The name of the column for a missing value seen in fitting. */
    public static final String MISSING_SUFFIX = "_missing";

    private final OneHotEncoder.Params params;
    private final Schema inputSchema;
    private final List<Categories> categories;
    private final Map<String, String> sources;

    FittedOneHotEncoder(OneHotEncoder.Params params, Schema inputSchema, List<Categories> categories) {
        this.params = params;
        this.inputSchema = inputSchema;
        this.categories = List.copyOf(categories);
        this.sources = new LinkedHashMap<>();
        for (Categories c : this.categories) {
            for (String name : outputNames(c)) {
                if (sources.put(name, c.column()) != null) {
                    throw new IllegalArgumentException(OneHotEncoder.WHO + ": two output columns would be named '" + name
                            + "'; rename a column");
                }
            }
        }
    }

    public OneHotEncoder.Params params() {
        return params;
    }

    /** Each encoded column's categories, in input order. */
    public List<Categories> categories() {
        return categories;
    }

    /** The output columns, in order, that the encoded columns become. */
    public List<String> outputNames() {
        return List.copyOf(sources.keySet());
    }

    /** The index in {@code c}'s categories (the missing category last) whose column is dropped, or −1. */
    public int droppedIndex(Categories c) {
        int count = c.values().size() + (c.hadMissing() ? 1 : 0);
        return switch (params.drop()) {
            case NONE -> -1;
            case FIRST -> count > 0 ? 0 : -1;
            case IF_BINARY -> count == 2 ? 0 : -1;
        };
    }

    private List<String> outputNames(Categories c) {
        List<String> names = new ArrayList<>();
        int dropped = droppedIndex(c);
        for (int k = 0; k < c.values().size(); k++) {
            if (k != dropped) {
                names.add(c.column() + "=" + c.values().get(k));
            }
        }
        if (c.hadMissing() && dropped != c.values().size()) {
            names.add(c.column() + MISSING_SUFFIX);
        }
        return names;
    }

    @Override
    public Frame transform(Frame features) {
        Map<String, List<Column>> replaced = new HashMap<>();
        for (Categories c : categories) {
            replaced.put(c.column(), encode(c, c.columnOf(features, OneHotEncoder.WHO)));
        }
        return ColumnReplacement.replace(features, replaced, List.of());
    }

    private List<Column> encode(Categories c, Column column) {
        int n = column.size();
        int k = c.values().size();
        int missing = c.hadMissing() ? k : -1;
        int dropped = droppedIndex(c);
        Map<String, Integer> index = c.index();
        int width = k + (c.hadMissing() ? 1 : 0);
        double[][] out = new double[width][n];
        for (int i = 0; i < n; i++) {
            int hot;
            if (column.isMissing(i)) {
                hot = missing;
            } else {
                Integer at = index.get(column.text(i));
                hot = at == null ? -1 : at;
            }
            if (hot < 0 && params.handleUnknown() == OneHotEncoder.HandleUnknown.ERROR) {
                throw new IllegalArgumentException(c.unknown(column.isMissing(i) ? null : column.text(i), i, OneHotEncoder.WHO,
                        "set handleUnknown to IGNORE to encode unseen categories as all zeros"));
            }
            if (hot >= 0) {
                out[hot][i] = 1.0;
            }
        }
        List<String> names = outputNames(c);
        List<Column> columns = new ArrayList<>(names.size());
        int next = 0;
        for (int h = 0; h < width; h++) {
            if (h != dropped) {
                columns.add(DoubleColumn.of(names.get(next++), out[h]));
            }
        }
        return columns;
    }

    @Override
    public List<String> sources(String outputColumn) {
        String source = sources.get(outputColumn);
        if (source != null) {
            return List.of(source);
        }
        for (Categories c : categories) {
            if (c.column().equals(outputColumn)) {
                throw new IllegalArgumentException(OneHotEncoder.WHO + ": column '" + outputColumn
                        + "' is encoded, so it is not an output; its outputs are " + outputNames(c));
            }
        }
        return List.of(outputColumn);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
