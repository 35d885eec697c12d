package dev.kiln.monitor.profile;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.monitor.experiment.Moments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-pass, mergeable summary of a data set, column by column (see {@link ColumnProfile}),
 * in the spirit of TFDV's statistics and whylogs' profiles: profiles of parts merge into the
 * profile of the whole, so a stream or a partitioned data set is profiled piece by piece.
 * Expectations are inferred from it and drift references kept in it. Immutable.
 */
public final class DataProfile {
    private final long rows;
    private final Map<String, ColumnProfile> columns;
    private final String source;

    DataProfile(long rows, Map<String, ColumnProfile> columns, String source) {
        for (ColumnProfile column : columns.values()) {
            if (column.count() != rows) {
                throw new IllegalArgumentException("column '" + column.name() + "' counts " + column.count()
                        + " rows but the profile has " + rows);
            }
        }
        this.rows = rows;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.source = source;
    }

    /** Profiles every column of {@code frame}; {@code source} (a file name, or null) is recorded as provenance. */
    public static DataProfile of(Frame frame, String source) {
        Map<String, ColumnProfile> columns = new LinkedHashMap<>();
        for (Column column : frame.columns()) {
            columns.put(column.name(), profile(column));
        }
        return new DataProfile(frame.rowCount(), columns, source);
    }

    private static ColumnProfile profile(Column column) {
        ColumnType type = column.type();
        boolean numeric = type.isNumeric();
        boolean strings = type == ColumnType.CATEGORICAL || type == ColumnType.TEXT || type == ColumnType.BOOLEAN;
        boolean text = type == ColumnType.CATEGORICAL || type == ColumnType.TEXT;
        DistinctCountSketch distinct = new DistinctCountSketch();
        QuantileSketch quantiles = numeric ? new QuantileSketch() : null;
        FrequentItems values = strings ? new FrequentItems() : null;
        FrequentItems patterns = text ? new FrequentItems() : null;
        Moments.Accumulator moments = new Moments.Accumulator();
        Moments.Accumulator lengths = new Moments.Accumulator();
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                continue;
            }
            if (numeric) {
                double v = column.getDouble(row);
                quantiles.add(v);
                distinct.add(v);
                moments.add(v);
            }
            if (strings) {
                String value = column instanceof BooleanColumn ? String.valueOf(column.getDouble(row) == 1) : column.text(row);
                values.add(value);
                if (text) {
                    distinct.add(value);
                    lengths.add(value.length());
                    patterns.add(ValuePattern.of(value));
                }
            }
        }
        return new ColumnProfile(column.name(), type, column.size(), column.missingCount(),
                numeric ? moments.moments() : null, quantiles, distinct, values, text ? lengths.moments() : null, patterns);
    }

    public long rows() {
        return rows;
    }

    /** Where the data came from, or null. */
    public String source() {
        return source;
    }

    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    public Map<String, ColumnProfile> columns() {
        return columns;
    }

    /** The profile of one column; names the columns there are when there is none by that name. */
    public ColumnProfile column(String name) {
        ColumnProfile column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no column '" + name + "' in the profile; it has " + columns.keySet());
        }
        return column;
    }

    /** The profile of both data sets' rows; they must have the same columns with the same types. */
    public DataProfile merge(DataProfile other) {
        if (!other.columns.keySet().equals(columns.keySet())) {
            throw new IllegalArgumentException("cannot merge profiles with different columns: "
                    + columns.keySet() + " and " + other.columns.keySet());
        }
        Map<String, ColumnProfile> merged = new LinkedHashMap<>();
        columns.forEach((name, column) -> merged.put(name, column.merge(other.columns.get(name))));
        String mergedSource = source == null ? other.source
                : other.source == null || other.source.equals(source) ? source : source + " + " + other.source;
        return new DataProfile(rows + other.rows, merged, mergedSource);
    }
}
