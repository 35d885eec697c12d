package dev.kiln.explain.kernel;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one frame followed by the rows of another with the same columns, so that
 * synthetic rows can be assembled with {@link Frame#take} from both.
 */
public final class StackedRows {
    private StackedRows() {
    }

    /** {@code top}'s rows, then {@code bottom}'s, in {@code top}'s column order; columns must match by name and type. */
    public static Frame of(Frame top, Frame bottom) {
        List<Column> columns = new ArrayList<>(top.columnCount());
        for (Column a : top.columns()) {
            if (!bottom.hasColumn(a.name())) {
                throw new IllegalArgumentException("column '" + a.name() + "' is missing from the second frame, which has "
                        + bottom.names());
            }
            Column b = bottom.column(a.name());
            if (a.type() != b.type()) {
                throw new IllegalArgumentException("column '" + a.name() + "' is " + a.type().label() + " in one frame and "
                        + b.type().label() + " in the other");
            }
            columns.add(stack(a, b));
        }
        return Frame.of(columns);
    }

    private static Column stack(Column a, Column b) {
        return switch (a) {
            case DoubleColumn d -> {
                DoubleColumn.Builder out = DoubleColumn.builder(a.name());
                for (Column c : List.of(d, b)) {
                    for (int i = 0; i < c.size(); i++) {
                        out.add(c.getDouble(i));
                    }
                }
                yield out.build();
            }
            case LongColumn l -> {
                LongColumn.Builder out = LongColumn.builder(a.name());
                for (Column c : List.of(l, b)) {
                    LongColumn lc = (LongColumn) c;
                    for (int i = 0; i < c.size(); i++) {
                        if (c.isMissing(i)) {
                            out.addMissing();
                        } else {
                            out.add(lc.get(i));
                        }
                    }
                }
                yield out.build();
            }
            case BooleanColumn bool -> {
                BooleanColumn.Builder out = BooleanColumn.builder(a.name());
                for (Column c : List.of(bool, b)) {
                    BooleanColumn bc = (BooleanColumn) c;
                    for (int i = 0; i < c.size(); i++) {
                        if (c.isMissing(i)) {
                            out.addMissing();
                        } else {
                            out.add(bc.get(i));
                        }
                    }
                }
                yield out.build();
            }
            case CategoricalColumn cat -> {
                List<String> levels = new ArrayList<>(cat.levels());
                Map<String, Integer> index = new HashMap<>();
                for (int k = 0; k < levels.size(); k++) {
                    index.put(levels.get(k), k);
                }
                int[] codes = new int[a.size() + b.size()];
                for (int i = 0; i < codes.length; i++) {
                    String v = i < a.size() ? cat.get(i) : ((CategoricalColumn) b).get(i - a.size());
                    if (v == null) {
                        codes[i] = -1;
                    } else {
                        codes[i] = index.computeIfAbsent(v, key -> {
                            levels.add(key);
                            return levels.size() - 1;
                        });
                    }
                }
                yield CategoricalColumn.ofCodes(a.name(), codes, levels);
            }
            case TextColumn t -> {
                TextColumn.Builder out = TextColumn.builder(a.name());
                for (Column c : List.of(t, b)) {
                    for (int i = 0; i < c.size(); i++) {
                        out.add(c.text(i));
                    }
                }
                yield out.build();
            }
        };
    }
}
