package dev.kiln.core.io;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.NoSuchColumnException;
import dev.kiln.core.io.RecordSource.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The first pass over a source: reads every record once to find each column's type (see
 * {@link ColumnInference#type()}) and checks values against forced types. A column that turned out
 * to hold strings only after other values is given a second look to count its distinct values.
 */
final class TypeInference {
    private final Map<String, ColumnType> forced;
    private final List<ColumnInference> columns = new ArrayList<>();
    private final ValueParser parser = new ValueParser();

    private TypeInference(Map<String, ColumnType> forced) {
        this.forced = forced;
    }

    /**
     * The plan for {@code records}, which this reads to the end and closes.
     *
     * @param again  the same records from their start, for columns whose distinct values must be counted again
     * @param forced column types to use instead of inferring them
     * @throws DataFormatException for a forced type naming no column, or a value not fitting one
     */
    static ColumnPlan run(RecordSource records, Supplier<? extends RecordSource> again, Map<String, ColumnType> forced) {
        TypeInference inference = new TypeInference(forced);
        try (records) {
            String source = records.source();
            if (records.namesKnownUpFront()) {
                checkForcedNames(forced, records.names(), source);
            }
            inference.scan(records);
            checkForcedNames(forced, records.names(), source);
        }
        List<ColumnInference> recount = inference.columns.stream().filter(ColumnInference::needsRecount).toList();
        if (!recount.isEmpty()) {
            try (RecordSource second = again.get()) {
                inference.recount(second, recount);
            }
        }
        List<ColumnPlan.Column> out = new ArrayList<>();
        for (int i = 0; i < inference.columns.size(); i++) {
            ColumnInference c = inference.columns.get(i);
            out.add(new ColumnPlan.Column(c.name(), i, c.type(), c.levels()));
        }
        return new ColumnPlan(List.copyOf(out));
    }

    private void scan(RecordSource records) {
        addColumns(records.names());
        while (records.next()) {
            if (records.names().size() > columns.size()) {
                addColumns(records.names());
            }
            char[] b = records.buffer();
            for (int i = 0, n = records.size(); i < n; i++) {
                Kind kind = records.kind(i);
                if (kind != Kind.MISSING) {
                    columns.get(records.column(i)).observe(kind, b, records.start(i), records.length(i), parser,
                            records.source(), records.line(i));
                }
            }
        }
    }

    private void recount(RecordSource records, List<ColumnInference> recount) {
        boolean[] again = new boolean[columns.size()];
        for (ColumnInference c : recount) {
            c.startRecount();
            again[columns.indexOf(c)] = true;
        }
        while (records.next()) {
            char[] b = records.buffer();
            for (int i = 0, n = records.size(); i < n; i++) {
                int column = records.column(i);
                if (again[column] && records.kind(i) != Kind.MISSING) {
                    columns.get(column).recount(b, records.start(i), records.length(i));
                }
            }
        }
    }

    private void addColumns(List<String> names) {
        for (int i = columns.size(); i < names.size(); i++) {
            columns.add(new ColumnInference(names.get(i), i, forced.get(names.get(i))));
        }
    }

    private static void checkForcedNames(Map<String, ColumnType> forced, List<String> names, String source) {
        for (String name : forced.keySet()) {
            if (!names.contains(name)) {
                throw DataFormatException.of(source, "a type is given for " + NoSuchColumnException.of(name, names).getMessage());
            }
        }
    }
}
