package dev.kiln.core.io;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Schema;
import java.util.List;

/**
 * What the first pass found about the columns: names, types and, for categorical columns, the
 * levels in order of first appearance; the second pass builds columns to match.
 */
record ColumnPlan(List<Column> columns) {

    /** One column: its {@code levels} are empty unless it is categorical. */
    record Column(String name, int index, ColumnType type, DistinctStrings levels) {
    }

    Schema schema() {
        return new Schema(columns.stream()
                .map(c -> new Schema.Field(c.name(), c.type(), c.type() == ColumnType.CATEGORICAL ? c.levels().values() : List.of()))
                .toList());
    }
}
