package dev.kiln.search.exact;

import dev.kiln.core.linalg.Blas;
import dev.kiln.search.UnitVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact nearest-neighbour search by cosine similarity: the vectors, scaled to unit length, lie in
 * one contiguous row-major float matrix, and a query's scores are one matrix–vector product on
 * kiln-core's SIMD kernels (a batch of queries, one GEMM), then a top-k selection. Immutable.
 */
public final class ExactIndex {
    private final List<String> ids;
    private final float[] vectors;
    private final int dimension;

    private ExactIndex(List<String> ids, float[] vectors, int dimension) {
        this.ids = ids;
        this.vectors = vectors;
        this.dimension = dimension;
    }

    /** An index of {@code vectors} (each scaled to unit length; all of one length) under {@code ids}. */
    public static ExactIndex of(List<String> ids, float[][] vectors) {
        if (ids.size() != vectors.length) {
            throw new IllegalArgumentException(ids.size() + " ids for " + vectors.length + " vectors");
        }
        if (vectors.length == 0) {
            throw new IllegalArgumentException("an index needs at least one vector");
        }
        int d = vectors[0].length;
        float[] flat = new float[vectors.length * d];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != d) {
                throw new IllegalArgumentException("vector " + i + " ('" + ids.get(i) + "') has " + vectors[i].length
                        + " dimensions, the first one " + d);
            }
            float[] unit = UnitVectors.unit(vectors[i], "vector " + i + " ('" + ids.get(i) + "')");
            System.arraycopy(unit, 0, flat, i * d, d);
        }
        return new ExactIndex(List.copyOf(ids), flat, d);
    }

    public int size() {
        return ids.size();
    }

    public int dimension() {
        return dimension;
    }

    public String id(int index) {
        return ids.get(index);
    }

    /** The k items most similar to {@code query}, best first (ties: the lower index first). */
    public List<Hit> search(float[] query, int k) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("the query has " + query.length + " dimensions, the index " + dimension);
        }
        float[] scores = new float[size()];
        Blas.sgemv(false, size(), dimension, 1f, vectors, 0, dimension, UnitVectors.unit(query, "the query"), 0, 0f, scores, 0);
        return top(scores, k);
    }

    /** The {@code k} most similar pairs (i < j) of items in the index, best first. */
    public List<Pair> mostSimilarPairs(int k) {
        int n = size();
        float[] gram = new float[n * n];
        Blas.sgemm(false, true, n, n, dimension, 1f, vectors, 0, dimension, vectors, 0, dimension, 0f, gram, 0, n);
        PriorityQueue<Pair> best = new PriorityQueue<>(Pair.WORST_FIRST);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Pair p = new Pair(new Hit(i, ids.get(i), gram[i * n + j]), new Hit(j, ids.get(j), gram[i * n + j]), gram[i * n + j]);
                if (best.size() < k) {
                    best.add(p);
                } else if (Pair.WORST_FIRST.compare(p, best.peek()) > 0) {
                    best.poll();
                    best.add(p);
                }
            }
        }
        List<Pair> out = new ArrayList<>(best);
        out.sort(Pair.WORST_FIRST.reversed());
        return out;
    }

    /** Two items of the index and their cosine similarity. */
    public record Pair(Hit first, Hit second, float score) {
        static final java.util.Comparator<Pair> WORST_FIRST = java.util.Comparator.comparingDouble((Pair p) -> p.score)
                .thenComparing(p -> -p.first.index())
                .thenComparing(p -> -p.second.index());
    }

    /** The k best scores by a bounded min-heap (O(n log k)), best first, ties to the lower index. */
    private List<Hit> top(float[] scores, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        java.util.Comparator<Integer> worstFirst = (a, b) -> scores[a] != scores[b] ? Float.compare(scores[a], scores[b])
                : Integer.compare(b, a);
        PriorityQueue<Integer> heap = new PriorityQueue<>(worstFirst);
        for (int i = 0; i < scores.length; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (worstFirst.compare(i, heap.peek()) > 0) {
                heap.poll();
                heap.add(i);
            }
        }
        List<Integer> order = new ArrayList<>(heap);
        order.sort(worstFirst.reversed());
        List<Hit> out = new ArrayList<>(order.size());
        for (int i : order) {
            out.add(new Hit(i, ids.get(i), scores[i]));
        }
        return out;
    }
}
