package dev.kiln.learn.preprocess;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rebuilds a frame with some of its columns replaced, in place, by zero or more new columns. */
public final class ColumnReplacement {
    private ColumnReplacement() {
    }

    /**
     * {@code x} with each column named in {@code replacements} swapped for its list of columns
     * at the same position; the other columns keep their place; {@code appended} go at the end.
     */
    public static Frame replace(Frame x, Map<String, ? extends List<? extends Column>> replacements,
                                List<? extends Column> appended) {
        List<Column> out = new ArrayList<>(x.columnCount() + appended.size());
        for (Column c : x.columns()) {
            List<? extends Column> with = replacements.get(c.name());
            if (with == null) {
                out.add(c);
            } else {
                out.addAll(with);
            }
        }
        out.addAll(appended);
        return Frame.of(out);
    }

    /** {@code x} with each column named in {@code replacements} swapped for its single new column. */
    public static Frame replace(Frame x, Map<String, ? extends Column> replacements) {
        List<Column> out = new ArrayList<>(x.columnCount());
        for (Column c : x.columns()) {
            Column with = replacements.get(c.name());
            out.add(with == null ? c : with);
        }
        return Frame.of(out);
    }
}
