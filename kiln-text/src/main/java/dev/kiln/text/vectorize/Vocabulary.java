package dev.kiln.text.vectorize;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms a fitted vectorizer knows, one column each, in code-point order (Python's string
 * order, so columns line up with scikit-learn's {@code get_feature_names_out()}).
 */
public final class Vocabulary {
    private final String[] terms;
    private final Map<String, Integer> index;

    /** The given distinct terms, sorted. */
    public Vocabulary(List<String> terms) {
        this.terms = terms.toArray(String[]::new);
        Arrays.sort(this.terms, Vocabulary::compareCodePoints);
        this.index = new HashMap<>(this.terms.length * 2);
        for (int i = 0; i < this.terms.length; i++) {
            if (this.terms[i] == null || index.put(this.terms[i], i) != null) {
                throw new IllegalArgumentException("vocabulary terms must be distinct and not null; '" + this.terms[i] + "' is not");
            }
        }
    }

    public int size() {
        return terms.length;
    }

    /** The column of {@code term}, or −1 when it is not in the vocabulary. */
    public int indexOf(String term) {
        Integer i = index.get(term);
        return i == null ? -1 : i;
    }

    public String term(int column) {
        return terms[column];
    }

    /** Every term, in column order. */
    public List<String> terms() {
        return List.of(terms);
    }

    /** Orders strings by code point, as Python compares str. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
