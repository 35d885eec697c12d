package dev.kiln.core.frame;

import java.util.ArrayList;
import java.util.List;

/** Renders frames as aligned text tables for terminals and logs. */
final class FrameFormat {
    private static final int MAX_WIDTH = 24;

    private FrameFormat() {
    }

    /** The first {@code maxRows} rows of {@code frame} under a header of names, with a size line. */
    static String table(Frame frame, int maxRows) {
        int shown = Math.min(maxRows, frame.rowCount());
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[frame.columnCount()];
        for (int j = 0; j < header.length; j++) {
            header[j] = clip(frame.column(j).name());
        }
        cells.add(header);
        for (int i = 0; i < shown; i++) {
            String[] row = new String[header.length];
            for (int j = 0; j < header.length; j++) {
                String t = frame.column(j).text(i);
                row[j] = t == null ? "NA" : clip(t);
            }
            cells.add(row);
        }
        int[] width = new int[header.length];
        for (String[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                width[j] = Math.max(width[j], row[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    sb.append("  ");
                }
                boolean numeric = frame.column(j).type().isNumeric() && row != header;
                sb.append(numeric ? pad(row[j], width[j], true) : pad(row[j], width[j], false));
            }
            sb.append('\n');
        }
        if (shown < frame.rowCount()) {
            sb.append("… ").append(frame.rowCount() - shown).append(" more rows\n");
        }
        sb.append('[').append(frame.rowCount()).append(" rows x ").append(frame.columnCount()).append(" columns]");
        return sb.toString();
    }

    static String clip(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_WIDTH ? oneLine : oneLine.substring(0, MAX_WIDTH - 1) + "…";
    }

    static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
