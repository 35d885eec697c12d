package dev.kiln.core.progress;

import java.util.Locale;

/** Shared wording of progress reports: counts, rates and durations for people. */
final class ProgressFormat {
    private ProgressFormat() {
    }

    /** 950, 9999, 12.3k, 4.56M. */
    static String count(double n) {
        if (n < 10_000) {
            return n == Math.rint(n) ? Long.toString((long) n) : String.format(Locale.ROOT, "%.1f", n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1000);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2fM", n / 1_000_000);
        }
        return String.format(Locale.ROOT, "%.2fG", n / 1_000_000_000);
    }

    /** 0:07, 12:34, 1:02:03. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
