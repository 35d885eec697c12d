package dev.kiln.explain.exact;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that mix one explained row with background rows, column by column: for a coalition S,
 * background row b becomes {@code (x_S, b_S̄)}. Columns keep their types, so any model, a
 * pipeline with categorical inputs included, can predict them.
 */
final class CoalitionRows {
    /** Row 0 is the explained row, rows 1… the background, per column. */
    private final List<Column> pool;
    private final int backgroundRows;

    /** @param columns the model's input columns, in order; both frames must have them */
    CoalitionRows(List<String> columns, Frame row, int index, Frame background) {
        this.pool = new ArrayList<>(columns.size());
        for (String name : columns) {
            pool.add(concat(row.column(name), index, background.column(name)));
        }
        this.backgroundRows = background.rowCount();
    }

    int backgroundRows() {
        return backgroundRows;
    }

    /** The rows of coalitions {@code from} to {@code to} − 1 (masks), each followed by every background row. */
    Frame rows(int from, int to) {
        int n = (to - from) * backgroundRows;
        List<Column> columns = new ArrayList<>(pool.size());
        for (int j = 0; j < pool.size(); j++) {
            int[] take = new int[n];
            int r = 0;
            for (int mask = from; mask < to; mask++) {
                boolean known = (mask & (1 << j)) != 0;
                for (int b = 0; b < backgroundRows; b++) {
                    take[r++] = known ? 0 : 1 + b;
                }
            }
            columns.add(pool.get(j).take(take));
        }
        return Frame.of(columns);
    }

    /** Row {@code index} of {@code first}, then every row of {@code rest}, as one column of {@code first}'s type. */
    private static Column concat(Column first, int index, Column rest) {
        String name = first.name();
        return switch (first) {
            case DoubleColumn d -> {
                DoubleColumn.Builder b = DoubleColumn.builder(name);
                copy(first, index, rest, (c, row) -> b.add(c.getDouble(row)), b::addMissing);
                yield b.build();
            }
            case LongColumn l -> {
                LongColumn.Builder b = LongColumn.builder(name);
                copy(first, index, rest, (c, row) -> b.add((long) c.getDouble(row)), b::addMissing);
                yield b.build();
            }
            case BooleanColumn bool -> {
                BooleanColumn.Builder b = BooleanColumn.builder(name);
                copy(first, index, rest, (c, row) -> b.add(c.getDouble(row) != 0), b::addMissing);
                yield b.build();
            }
            case CategoricalColumn cat -> {
                CategoricalColumn.Builder b = CategoricalColumn.builder(name);
                copy(first, index, rest, (c, row) -> b.add(c.text(row)), b::addMissing);
                yield b.build();
            }
            case TextColumn text -> {
                TextColumn.Builder b = TextColumn.builder(name);
                copy(first, index, rest, (c, row) -> b.add(c.text(row)), b::addMissing);
                yield b.build();
            }
        };
    }

    /** Hands row {@code index} of {@code first}, then every row of {@code rest}, to {@code add}, or {@code missing} where absent. */
    private static void copy(Column first, int index, Column rest, java.util.function.ObjIntConsumer<Column> add,
                             Runnable missing) {
        for (int i = 0; i <= rest.size(); i++) {
            Column c = i == 0 ? first : rest;
            int row = i == 0 ? index : i - 1;
            if (c.isMissing(row)) {
                missing.run();
            } else {
                add.accept(c, row);
            }
        }
    }
}
