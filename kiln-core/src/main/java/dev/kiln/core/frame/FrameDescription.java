package dev.kiln.core.frame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summary statistics of every column of a frame (see {@link Frame#describe()}), printable as a
 * table and convertible to plain lists and maps for JSON.
 *
 * @param rows    the frame's row count
 * @param columns one summary per column, in the frame's order
 */
public record FrameDescription(int rows, List<ColumnSummary> columns) {
    private static final String[] HEADER = {"column", "type", "count", "missing", "mean", "std", "min", "25%", "50%",
        "75%", "max", "unique", "top", "freq"};

    public FrameDescription {
        columns = List.copyOf(columns);
    }

    static FrameDescription of(Frame frame) {
        return new FrameDescription(frame.rowCount(), frame.columns().stream().map(ColumnStatistics::summarize).toList());
    }

    /**
     * The summary of the column called {@code name}.
     *
     * @throws NoSuchColumnException naming the columns there are
     */
    public ColumnSummary column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> NoSuchColumnException.of(name, columns.stream().map(ColumnSummary::name).toList()));
    }

    /**
     * The description as plain values for JSON: a map with {@code rows} and {@code columns}, each
     * column a map with keys {@code name, type, count, missing, mean, std, min, p25, p50, p75, max,
     * unique, top, top_count, top_values} (a list of {@code {value, count}} maps). Fields that do
     * not apply to a column, and NaN statistics, are null.
     */
    public Map<String, Object> toMap() {
        List<Object> list = new ArrayList<>(columns.size());
        for (ColumnSummary c : columns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("type", c.type().label());
            m.put("count", c.count());
            m.put("missing", c.missing());
            m.put("mean", orNull(c.mean()));
            m.put("std", orNull(c.std()));
            m.put("min", orNull(c.min()));
            m.put("p25", orNull(c.p25()));
            m.put("p50", orNull(c.p50()));
            m.put("p75", orNull(c.p75()));
            m.put("max", orNull(c.max()));
            m.put("unique", c.unique());
            m.put("top", c.top());
            m.put("top_count", c.topCount());
            m.put("top_values", c.isNumeric() ? null : c.topValues().stream()
                    .map(v -> {
                        Map<String, Object> vc = new LinkedHashMap<>();
                        vc.put("value", v.value());
                        vc.put("count", v.count());
                        return Collections.unmodifiableMap(vc);
                    }).toList());
            list.add(Collections.unmodifiableMap(m));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("columns", Collections.unmodifiableList(list));
        return Collections.unmodifiableMap(out);
    }

    /** One line per column under a header, numbers to six significant digits. */
    @Override
    public String toString() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (ColumnSummary c : columns) {
            cells.add(new String[] {FrameFormat.clip(c.name()), c.type().label(), Integer.toString(c.count()),
                Integer.toString(c.missing()), number(c.mean()), number(c.std()), number(c.min()), number(c.p25()),
                number(c.p50()), number(c.p75()), number(c.max()),
                c.unique() == null ? "" : c.unique().toString(), c.top() == null ? "" : FrameFormat.clip(c.top()),
                c.topCount() == null || c.top() == null ? "" : c.topCount().toString()});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                width[j] = Math.max(width[j], row[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(rows).append(" rows x ").append(columns.size()).append(" columns]\n");
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    line.append("  ");
                }
                boolean left = j == 0 || j == 1 || j == 12;
                line.append(FrameFormat.pad(row[j], width[j], !left));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static Double orNull(Double v) {
        return v == null || v.isNaN() ? null : v;
    }

    /** Six significant digits, trailing zeros dropped; whole numbers below 10^15 in full. */
    static String number(Double v) {
        if (v == null) {
            return "";
        }
        if (v.isNaN() || v.isInfinite()) {
            return v.isNaN() ? "NaN" : v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
