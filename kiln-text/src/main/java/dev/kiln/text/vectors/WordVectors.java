package dev.kiln.text.vectors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Words with a dense float vector each: the output of {@link Word2Vec} and {@link GloVe}, or
 * vectors read from a word2vec-format file. Answers cosine nearest neighbours (over rows
 * normalised to unit length, by SIMD dot products) and analogies by 3CosAdd (Mikolov, Yih and
 * Zweig 2013; named by Levy and Goldberg 2014): for "a is to b as c is to ?", the words closest
 * to b̂ − â + ĉ, the three inputs left out, as gensim's {@code most_similar(positive=[b, c],
 * negative=[a])}. Immutable and thread-safe.
 */
public final class WordVectors {
    private final List<String> words;
    private final Map<String, Integer> index;
    private final int dimension;
    private final float[] vectors;
    private final float[] unit;

    private WordVectors(List<String> words, Map<String, Integer> index, int dimension, float[] vectors) {
        this.words = words;
        this.index = index;
        this.dimension = dimension;
        this.vectors = vectors;
        this.unit = normalisedRows(vectors, words.size(), dimension);
    }

    /**
     * Vectors for {@code words}: row i of the row-major {@code vectors} ({@code words.size() ×
     * dimension}, copied) belongs to word i. Words must be distinct and non-empty.
     */
    public static WordVectors of(List<String> words, float[] vectors, int dimension) {
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(vectors, "vectors");
        if (dimension < 1) {
            throw new IllegalArgumentException("the dimension must be >= 1, got " + dimension);
        }
        if ((long) words.size() * dimension != vectors.length) {
            throw new IllegalArgumentException(words.size() + " words of dimension " + dimension + " need "
                    + (long) words.size() * dimension + " values, got " + vectors.length);
        }
        Map<String, Integer> index = new HashMap<>(2 * words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w == null || w.isEmpty()) {
                throw new IllegalArgumentException("word " + i + " is " + (w == null ? "null" : "empty") + "; words must be non-empty");
            }
            Integer before = index.putIfAbsent(w, i);
            if (before != null) {
                throw new IllegalArgumentException("word '" + w + "' appears twice, as words " + before + " and " + i);
            }
        }
        return new WordVectors(Collections.unmodifiableList(new ArrayList<>(words)), index, dimension, vectors.clone());
    }

    /** Reads a file in the word2vec text or binary format; errors name the file and the line or entry. */
    public static WordVectors read(Path file, VectorFormat format) {
        return Word2VecFiles.read(file, format);
    }

    /** Writes these vectors in the word2vec text or binary format, atomically. */
    public void write(Path file, VectorFormat format) {
        Word2VecFiles.write(this, file, format);
    }

    public int size() {
        return words.size();
    }

    public int dimension() {
        return dimension;
    }

    /** The words, row by row. */
    public List<String> words() {
        return words;
    }

    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** The row of {@code word}, or −1 when there is none. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /** A copy of {@code word}'s vector. */
    public float[] vector(String word) {
        int i = require(word);
        return Arrays.copyOfRange(vectors, i * dimension, (i + 1) * dimension);
    }

    /** A copy of row {@code i}. */
    public float[] vector(int i) {
        Objects.checkIndex(i, words.size());
        return Arrays.copyOfRange(vectors, i * dimension, (i + 1) * dimension);
    }

    /** The cosine similarity of two words' vectors (0 when either is all zeros). */
    public double similarity(String a, String b) {
        int i = require(a);
        int j = require(b);
        return VectorKernels.dot(unit, i * dimension, unit, j * dimension, dimension);
    }

    /** The {@code k} words closest to {@code word} by cosine similarity, closest first, the word itself left out. */
    public List<Neighbour> nearest(String word, int k) {
        int i = require(word);
        return nearest(unit, i * dimension, k, new int[] {i});
    }

    /** The {@code k} words closest to {@code vector} by cosine similarity, closest first. */
    public List<Neighbour> nearest(float[] vector, int k) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("a query vector must have " + dimension + " values, got " + vector.length);
        }
        float[] q = vector.clone();
        normalise(q, 0, dimension);
        return nearest(q, 0, k, new int[0]);
    }

    /**
     * "{@code a} is to {@code b} as {@code c} is to ?": the {@code k} words closest to
     * b̂ − â + ĉ (unit vectors), without a, b and c; similarities are cosines with that point.
     */
    public List<Neighbour> analogy(String a, String b, String c, int k) {
        int ia = require(a);
        int ib = require(b);
        int ic = require(c);
        float[] q = new float[dimension];
        VectorKernels.axpy(-1f, unit, ia * dimension, q, 0, dimension);
        VectorKernels.axpy(1f, unit, ib * dimension, q, 0, dimension);
        VectorKernels.axpy(1f, unit, ic * dimension, q, 0, dimension);
        normalise(q, 0, dimension);
        return nearest(q, 0, k, new int[] {ia, ib, ic});
    }

    /** Up to {@code k} vocabulary words within edit distance 2 of {@code word}, the closest (then most frequent, earlier rows) first. */
    public List<String> closeWords(String word, int k) {
        record Candidate(String word, int distance, int row) {
        }
        String lower = word.toLowerCase(Locale.ROOT);
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (Math.abs(w.length() - lower.length()) <= 2) {
                int d = EditDistance.atMost(lower, w.toLowerCase(Locale.ROOT), 2);
                if (d <= 2) {
                    found.add(new Candidate(w, d, i));
                }
            }
        }
        found.sort((x, y) -> x.distance != y.distance ? Integer.compare(x.distance, y.distance) : Integer.compare(x.row, y.row));
        return found.stream().limit(k).map(Candidate::word).toList();
    }

    /** Row-major values, shared: package code must not change them. */
    float[] values() {
        return vectors;
    }

    private int require(String word) {
        Integer i = index.get(word);
        if (i == null) {
            List<String> close = closeWords(word, 5);
            throw new IllegalArgumentException("'" + word + "' is not in the vocabulary (" + String.format(Locale.ROOT, "%,d", words.size()) + " words)"
                    + (close.isEmpty() ? "" : "; close words: " + String.join(", ", close)));
        }
        return i;
    }

    private List<Neighbour> nearest(float[] q, int qo, int k, int[] excluded) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of neighbours must be >= 1, got " + k);
        }
        int n = words.size();
        int keep = Math.min(k, n);
        // A min-heap of the best rows so far, by (similarity, then lower row wins ties).
        int[] heap = new int[keep];
        float[] sims = new float[keep];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (contains(excluded, i)) {
                continue;
            }
            float s = VectorKernels.dot(unit, i * dimension, q, qo, dimension);
            if (size < keep) {
                heap[size] = i;
                sims[size] = s;
                siftUp(heap, sims, size++);
            } else if (s > sims[0]) {
                heap[0] = i;
                sims[0] = s;
                siftDown(heap, sims, size);
            }
        }
        Integer[] order = new Integer[size];
        for (int j = 0; j < size; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> sims[x] != sims[y] ? Float.compare(sims[y], sims[x]) : Integer.compare(heap[x], heap[y]));
        List<Neighbour> out = new ArrayList<>(size);
        for (int j : order) {
            out.add(new Neighbour(words.get(heap[j]), sims[j]));
        }
        return out;
    }

    /** Whether heap entry a ranks below b: lower similarity, or equal and a later row. */
    private static boolean below(int[] heap, float[] sims, int a, int b) {
        return sims[a] < sims[b] || (sims[a] == sims[b] && heap[a] > heap[b]);
    }

    private static void siftUp(int[] heap, float[] sims, int j) {
        while (j > 0) {
            int parent = (j - 1) / 2;
            if (!below(heap, sims, j, parent)) {
                return;
            }
            swap(heap, sims, j, parent);
            j = parent;
        }
    }

    private static void siftDown(int[] heap, float[] sims, int size) {
        int j = 0;
        while (true) {
            int l = 2 * j + 1;
            int r = l + 1;
            int least = j;
            if (l < size && below(heap, sims, l, least)) {
                least = l;
            }
            if (r < size && below(heap, sims, r, least)) {
                least = r;
            }
            if (least == j) {
                return;
            }
            swap(heap, sims, j, least);
            j = least;
        }
    }

    private static void swap(int[] heap, float[] sims, int a, int b) {
        int h = heap[a];
        heap[a] = heap[b];
        heap[b] = h;
        float s = sims[a];
        sims[a] = sims[b];
        sims[b] = s;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static float[] normalisedRows(float[] vectors, int rows, int dimension) {
        float[] unit = vectors.clone();
        for (int i = 0; i < rows; i++) {
            normalise(unit, i * dimension, dimension);
        }
        return unit;
    }

    /** Scales v[off .. off + n) to unit length; leaves an all-zero row as it is. */
    private static void normalise(float[] v, int off, int n) {
        double sq = 0;
        for (int j = 0; j < n; j++) {
            sq += (double) v[off + j] * v[off + j];
        }
        if (sq > 0) {
            float inv = (float) (1 / Math.sqrt(sq));
            for (int j = 0; j < n; j++) {
                v[off + j] *= inv;
            }
        }
    }
}
