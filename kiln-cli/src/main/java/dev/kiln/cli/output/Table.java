package dev.kiln.cli.output;

import java.util.ArrayList;
import java.util.List;

/** A text table for terminals: a header row, aligned columns, numbers right-aligned. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    public static Table withHeader(String... header) {
        return new Table(List.of(header));
    }

    /** Adds a row; values are shown with {@link #cell(Object)}. */
    public Table row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " cells for " + header.size() + " columns");
        }
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(cell(v));
        }
        rows.add(cells);
        return this;
    }

    /** Aligned "key  value" lines, one per entry; list values are joined with commas. */
    public static String keyValues(java.util.Map<String, ?> entries) {
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        entries.forEach((k, v) -> {
            String value = v instanceof java.util.Collection<?> c
                    ? String.join(", ", c.stream().map(Table::cell).toList()) : cell(v);
            sb.append(k).append(" ".repeat(width - k.length() + 2)).append(value).append('\n');
        });
        return sb.toString();
    }

    /** A value as shown in a cell: null as empty, doubles with up to 6 significant digits. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        return v.toString();
    }

    /** 0.123457, 12345.7, 1.23457e+08, NaN. */
    /** {@code text} on one line (white space collapsed), cut to {@code width} characters with an ellipsis. */
    public static String snippet(String text, int width) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= width ? flat : flat.substring(0, width - 1) + "…";
    }

    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", d);
        if (s.contains("e")) {
            return s.replaceFirst("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }

    @Override
    public String toString() {
        int[] width = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, !rows.isEmpty());
        for (int j = 0; j < width.length; j++) {
            width[j] = header.get(j).length();
        }
        for (List<String> r : rows) {
            for (int j = 0; j < width.length; j++) {
                width[j] = Math.max(width[j], r.get(j).length());
                if (!r.get(j).isEmpty() && !looksNumeric(r.get(j))) {
                    numeric[j] = false;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, width, new boolean[width.length]);
        StringBuilder rule = new StringBuilder();
        for (int j = 0; j < width.length; j++) {
            if (j > 0) {
                rule.append("  ");
            }
            rule.append("─".repeat(width[j]));
        }
        sb.append(rule).append('\n');
        for (List<String> r : rows) {
            appendRow(sb, r, width, numeric);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < width.length; j++) {
            if (j > 0) {
                line.append("  ");
            }
            String c = cells.get(j);
            String pad = " ".repeat(width[j] - c.length());
            line.append(right[j] ? pad + c : c + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static boolean looksNumeric(String s) {
        return s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|NaN|-?Infinity");
    }
}
