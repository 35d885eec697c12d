package dev.kiln.text.classify;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import java.util.ArrayList;
import java.util.List;

/** The documents of a frame's text column, checked: present, text or categorical, no missing or blank rows when training. */
final class Texts {
    private Texts() {
    }

    /** The column a text model reads: {@code name}, or the frame's only text column when name is null. */
    static String column(Frame features, String name, String who) {
        if (name != null) {
            if (!features.names().contains(name)) {
                throw new IllegalArgumentException(who + ": no text column '" + name + "'; the columns are " + features.names());
            }
            return name;
        }
        List<String> text = features.columns().stream().filter(c -> c.type() == ColumnType.TEXT).map(Column::name).toList();
        if (text.size() == 1) {
            return text.get(0);
        }
        if (features.columnCount() == 1 && features.column(0).type() == ColumnType.CATEGORICAL) {
            return features.column(0).name();
        }
        throw new IllegalArgumentException(who + ": needs one text column, or the name of one (--text-col); "
                + (text.isEmpty() ? "found none among " + features.names() : "found " + text));
    }

    /** Checks that there is one label per text. */
    static void checkLabels(List<String> texts, Column target, String who) {
        if (target == null || target.size() != texts.size()) {
            throw new IllegalArgumentException(who + ": needs one label per text (" + texts.size() + " texts, "
                    + (target == null ? "no labels" : target.size() + " labels") + ")");
        }
    }

    /** Checks documents given as a list for training: none may be missing or blank (named counting from 1). */
    static void checkTraining(List<String> texts, String who) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null || texts.get(i).isBlank()) {
                throw new IllegalArgumentException(who + ": text " + (i + 1) + " is " + (texts.get(i) == null ? "missing" : "blank")
                        + "; every training text must hold words");
            }
        }
    }

    /**
     * Row {@code i}'s text for each row; when {@code training}, a missing or blank text is an error
     * naming its row (counted from 1, as in the file after its header).
     */
    static List<String> of(Frame features, String column, boolean training, String who) {
        Column c = features.column(column);
        if (c.type() != ColumnType.TEXT && c.type() != ColumnType.CATEGORICAL) {
            throw new IllegalArgumentException(who + ": column '" + column + "' holds " + c.type().label() + " values, not text");
        }
        List<String> out = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            String t = c.isMissing(i) ? null : c.text(i);
            if (t == null || t.isBlank()) {
                if (training) {
                    throw new IllegalArgumentException(who + ": row " + (i + 1) + " of column '" + column + "' is "
                            + (t == null ? "missing" : "blank") + "; every training text must hold words");
                }
                t = "";
            }
            out.add(t);
        }
        return out;
    }
}
