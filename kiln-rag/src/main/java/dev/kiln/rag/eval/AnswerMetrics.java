package dev.kiln.rag.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answer-quality measures: exact match and token F1 after SQuAD's normalisation (Rajpurkar et
 * al. 2016: lower case, punctuation and the articles a/an/the removed, whitespace collapsed), and
 * context precision, the mean over relevant retrieved chunks of precision at their rank (as RAGAS
 * defines it).
 */
public final class AnswerMetrics {
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{Punct}");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern CITATIONS = Pattern.compile("\\[\\d+(?:\\s*,\\s*\\d+)*]");

    private AnswerMetrics() {
    }

    /** SQuAD's normalisation, after removing [n] citation markers. */
    public static String normalize(String text) {
        String s = CITATIONS.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        s = PUNCTUATION.matcher(s).replaceAll("");
        s = ARTICLES.matcher(s).replaceAll(" ");
        return String.join(" ", s.trim().split("\\s+"));
    }

    /** 1 when the normalised texts are equal, else 0. */
    public static double exactMatch(String predicted, String gold) {
        return normalize(predicted).equals(normalize(gold)) ? 1 : 0;
    }

    /** The harmonic mean of token precision and recall between the normalised texts (tokens counted with multiplicity). */
    public static double tokenF1(String predicted, String gold) {
        List<String> p = tokens(predicted);
        List<String> g = tokens(gold);
        if (p.isEmpty() || g.isEmpty()) {
            return p.equals(g) ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : g) {
            counts.merge(t, 1, Integer::sum);
        }
        int common = 0;
        for (String t : p) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                common++;
                counts.put(t, c - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = common / (double) p.size();
        double recall = common / (double) g.size();
        return 2 * precision * recall / (precision + recall);
    }

    /**
     * Σ over ranks k holding a relevant id of precision@k, divided by the number of relevant ids
     * retrieved; 0 when none was retrieved.
     */
    public static double contextPrecision(List<String> retrieved, Set<String> relevant) {
        int found = 0;
        double sum = 0;
        for (int k = 0; k < retrieved.size(); k++) {
            if (relevant.contains(retrieved.get(k))) {
                found++;
                sum += found / (double) (k + 1);
            }
        }
        return found == 0 ? 0 : sum / found;
    }

    private static List<String> tokens(String text) {
        String n = normalize(text);
        return n.isEmpty() ? List.of() : new ArrayList<>(List.of(n.split(" ")));
    }
}
