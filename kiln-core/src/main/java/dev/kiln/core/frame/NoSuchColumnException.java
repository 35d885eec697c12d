package dev.kiln.core.frame;

import dev.kiln.core.Spelling;
import java.util.List;

/** A column name that is not there; the message lists the columns that are, and the closest one. */
public final class NoSuchColumnException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;

    private NoSuchColumnException(String column, String message) {
        super(message);
        this.column = column;
    }

    /** The exception for {@code name} missing among {@code available}. */
    public static NoSuchColumnException of(String name, List<String> available) {
        StringBuilder sb = new StringBuilder("unknown column '").append(name).append("'");
        String closest = Spelling.closest(name, available);
        if (closest != null) {
            sb.append(" (did you mean '").append(closest).append("'?)");
        }
        sb.append("; available columns: ");
        if (available.isEmpty()) {
            sb.append("none");
        } else if (available.size() <= 40) {
            sb.append(String.join(", ", available));
        } else {
            sb.append(String.join(", ", available.subList(0, 40))).append(", … (").append(available.size()).append(" in all)");
        }
        return new NoSuchColumnException(name, sb.toString());
    }

    /** The name that was asked for. */
    public String column() {
        return column;
    }
}
