package dev.kiln.text.vectors;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a model is trained on: those occurring at least {@code minCount} times, most
 * frequent first (ties in order of first appearance), as word2vec and gensim order them.
 * Word i of the vocabulary is row i of the trained vectors. Immutable.
 */
public final class Vocabulary {
    private final List<String> words;
    private final long[] counts;
    private final Map<String, Integer> index;
    private final long total;

    private Vocabulary(String[] words, long[] counts) {
        this.words = Collections.unmodifiableList(Arrays.asList(words));
        this.counts = counts;
        this.index = new HashMap<>(2 * words.length);
        long sum = 0;
        for (int i = 0; i < words.length; i++) {
            index.put(words[i], i);
            sum += counts[i];
        }
        this.total = sum;
    }

    /** The words of {@code counts} (word i occurring {@code counts[i]} times) that occur at least {@code minCount} times. */
    static Vocabulary of(String[] words, long[] counts, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("min_count must be >= 1, got " + minCount);
        }
        Integer[] order = new Integer[words.length];
        int kept = 0;
        for (int i = 0; i < words.length; i++) {
            if (counts[i] >= minCount) {
                order[kept++] = i;
            }
        }
        Integer[] sorted = Arrays.copyOf(order, kept);
        Arrays.sort(sorted, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
        String[] w = new String[kept];
        long[] c = new long[kept];
        for (int i = 0; i < kept; i++) {
            w[i] = words[sorted[i]];
            c[i] = counts[sorted[i]];
        }
        return new Vocabulary(w, c);
    }

    public int size() {
        return words.size();
    }

    /** The words, most frequent first. */
    public List<String> words() {
        return words;
    }

    public String word(int i) {
        return words.get(i);
    }

    /** How often word {@code i} occurs in the corpus. */
    public long count(int i) {
        return counts[i];
    }

    /** The index of {@code word}, or −1 when it is not in the vocabulary. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /** Occurrences of all vocabulary words together. */
    public long totalCount() {
        return total;
    }
}
