package dev.kiln.text.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a neural text model embeds, each with an id: 0 is padding, 1 stands for every
 * unknown word, and the words follow from 2, most frequent first (ties in code-point order).
 * Built from training documents, keeping words seen at least {@code minCount} times and at most
 * {@code maxSize} of them; a word not kept maps to the unknown id, so prediction never fails on
 * new words.
 */
public final class TokenVocabulary {
    /** The id of padding positions. */
    public static final int PADDING = 0;
    /** The id of every word outside the vocabulary. */
    public static final int UNKNOWN = 1;
    private static final int FIRST_WORD = 2;

    private final List<String> words;
    private final Map<String, Integer> ids;

    private TokenVocabulary(List<String> words) {
        this.words = List.copyOf(words);
        this.ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < this.words.size(); i++) {
            String w = this.words.get(i);
            if (w.isEmpty() || ids.put(w, FIRST_WORD + i) != null) {
                throw new IllegalArgumentException("vocabulary words must be distinct and non-empty; '" + w + "' (word "
                        + (i + 1) + ") is not");
            }
        }
    }

    /** The given words, in id order from 2 (as a model file stores them). */
    public static TokenVocabulary of(List<String> words) {
        return new TokenVocabulary(words);
    }

    /**
     * The words of {@code documents} (each a list of tokens) seen at least {@code minCount} times,
     * the {@code maxSize} most frequent of them.
     */
    public static TokenVocabulary build(List<List<String>> documents, int minCount, int maxSize) {
        if (minCount < 1 || maxSize < 1) {
            throw new IllegalArgumentException("vocabulary: minCount and maxSize must be >= 1, got " + minCount + " and " + maxSize);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> doc : documents) {
            for (String w : doc) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        kept.sort((a, b) -> a.getValue().equals(b.getValue()) ? compareCodePoints(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        return new TokenVocabulary(kept.subList(0, Math.min(maxSize, kept.size())).stream().map(Map.Entry::getKey).toList());
    }

    /** The id of {@code word}: ≥ 2 when known, {@link #UNKNOWN} otherwise. */
    public int id(String word) {
        Integer i = ids.get(word);
        return i == null ? UNKNOWN : i;
    }

    /** The word of an id ≥ 2. */
    public String word(int id) {
        if (id < FIRST_WORD || id >= size()) {
            throw new IndexOutOfBoundsException("vocabulary: word ids run from " + FIRST_WORD + " to " + (size() - 1) + ", got " + id);
        }
        return words.get(id - FIRST_WORD);
    }

    /** The known words in id order, from id 2. */
    public List<String> words() {
        return words;
    }

    /** The number of ids: the words plus padding and unknown. */
    public int size() {
        return words.size() + FIRST_WORD;
    }

    /**
     * The ids of {@code tokens}, the first {@code maxLength} of them; a document without tokens
     * becomes one unknown word, so that every sequence has a step.
     */
    public int[] encode(List<String> tokens, int maxLength) {
        if (tokens.isEmpty()) {
            return new int[] {UNKNOWN};
        }
        int n = Math.min(tokens.size(), maxLength);
        int[] out = new int[n];
        for (int t = 0; t < n; t++) {
            out[t] = id(tokens.get(t));
        }
        return out;
    }

    /** Orders strings by code point, as Python compares str. */
    private static int compareCodePoints(String a, String b) {
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
