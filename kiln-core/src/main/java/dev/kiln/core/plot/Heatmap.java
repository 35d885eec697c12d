package dev.kiln.core.plot;

/**
 * A matrix of coloured cells with the values written in them: confusion matrices (rows = true
 * class, columns = predicted class), correlation matrices.
 */
public final class Heatmap implements Chart {
    private final String title;
    private final String rowLabel;
    private final String columnLabel;
    private final String[] rows;
    private final String[] columns;
    private final double[][] values;

    public Heatmap(String title, String rowLabel, String columnLabel, String[] rows, String[] columns, double[][] values) {
        if (values.length != rows.length) {
            throw new IllegalArgumentException(rows.length + " row labels for " + values.length + " rows");
        }
        for (double[] r : values) {
            if (r.length != columns.length) {
                throw new IllegalArgumentException(columns.length + " column labels for a row of " + r.length);
            }
        }
        this.title = title;
        this.rowLabel = rowLabel;
        this.columnLabel = columnLabel;
        this.rows = rows.clone();
        this.columns = columns.clone();
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            this.values[i] = values[i].clone();
        }
    }

    private static final double TOP = 70;

    private double cell() {
        return Math.max(22, Math.min(60, 480.0 / Math.max(rows.length, columns.length)));
    }

    private double left() {
        int longest = 0;
        for (String r : rows) {
            longest = Math.max(longest, r.length());
        }
        return 40 + Math.min(180, longest * 6.6);
    }

    @Override
    public int width() {
        return (int) (left() + columns.length * cell() + 30);
    }

    @Override
    public int height() {
        return (int) (TOP + rows.length * cell() + 40);
    }

    @Override
    public void draw(Canvas svg) {
        int nr = rows.length;
        int nc = columns.length;
        double cell = cell();
        double left = left();
        double max = 0;
        for (double[] r : values) {
            for (double v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        svg.text(width() / 2.0, 22, title, 15, "middle", "#222", 0, true);
        svg.text(left + nc * cell / 2, 42, columnLabel, 12, "middle", "#333", 0, false);
        svg.text(14, TOP + nr * cell / 2, rowLabel, 12, "middle", "#333", -90, false);
        double fontSize = Math.min(13, cell / 3);
        for (int j = 0; j < nc; j++) {
            svg.text(left + (j + 0.5) * cell, TOP - 8, columns[j], Math.min(11, cell / 2.5), "middle", "#333", 0, false);
        }
        for (int i = 0; i < nr; i++) {
            svg.text(left - 6, TOP + (i + 0.5) * cell + 4, rows[i], 11, "end", "#333", 0, false);
            for (int j = 0; j < nc; j++) {
                double t = max == 0 ? 0 : Math.abs(values[i][j]) / max;
                svg.rect(left + j * cell, TOP + i * cell, cell, cell, Palette.sequential(t), "#ffffff");
                String text = values[i][j] == Math.rint(values[i][j]) ? Long.toString((long) values[i][j])
                        : String.format(java.util.Locale.ROOT, "%.2f", values[i][j]);
                svg.text(left + (j + 0.5) * cell, TOP + (i + 0.5) * cell + fontSize / 3, text, fontSize, "middle",
                        t > 0.55 ? "white" : "#222222", 0, false);
            }
        }
    }
}
