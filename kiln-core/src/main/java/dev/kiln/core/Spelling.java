package dev.kiln.core;

import java.util.List;
import java.util.Locale;

/** "Did you mean …?" hints: the known name closest to a misspelt one. */
public final class Spelling {
    private Spelling() {
    }

    /** The name within edit distance 2 of {@code wanted} (ignoring case), the closest first, or null. */
    public static String closest(String wanted, List<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String n : names) {
            int d = distance(wanted.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
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
