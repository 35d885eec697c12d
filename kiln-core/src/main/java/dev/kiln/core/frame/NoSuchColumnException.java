package dev.kiln.core.frame;

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
        String closest = closest(name, available);
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

    /** The available name within edit distance 2 of {@code name} (ignoring case), if one is closest. */
    static String closest(String name, List<String> available) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : available) {
            int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
