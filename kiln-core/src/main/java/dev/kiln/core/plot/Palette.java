package dev.kiln.core.plot;

/** Colours for charts: ten distinguishable categorical hues (Tableau 10) and a sequential blue scale. */
public final class Palette {
    private static final String[] CATEGORICAL = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private Palette() {
    }

    /** The i-th categorical colour, cycling after ten. */
    public static String categorical(int i) {
        return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
    }

    /** A blue from near white (0) to dark (1). */
    public static String sequential(double t) {
        double u = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(247 + (8 - 247) * u);
        int g = (int) Math.round(251 + (48 - 251) * u);
        int b = (int) Math.round(255 + (107 - 255) * u);
        return String.format("#%02x%02x%02x", r, g, b);
    }

    /** Blue for negative, red for positive, white at zero; t in [−1, 1]. */
    public static String diverging(double t) {
        double u = Math.max(-1, Math.min(1, t));
        int r;
        int g;
        int b;
        if (u >= 0) {
            r = 255;
            g = (int) Math.round(255 - 200 * u);
            b = (int) Math.round(255 - 200 * u);
        } else {
            r = (int) Math.round(255 + 200 * u);
            g = (int) Math.round(255 + 140 * u);
            b = 255;
        }
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
