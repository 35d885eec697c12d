package dev.kiln.rag.retrieve;

import dev.kiln.search.index.PassageHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maximal marginal relevance (Carbonell &amp; Goldstein, SIGIR 1998): picks passages one at a time,
 * each maximising λ·sim(query, p) − (1 − λ)·max over those already picked of sim(p, picked), so
 * that near-duplicate passages do not crowd out other evidence. λ = 1 is plain relevance order.
 */
public final class MaximalMarginalRelevance {
    private final double lambda;

    public MaximalMarginalRelevance(double lambda) {
        if (lambda < 0 || lambda > 1) {
            throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
        }
        this.lambda = lambda;
    }

    public double lambda() {
        return lambda;
    }

    /**
     * The {@code k} passages of {@code candidates} in MMR order, with similarity the dot product of
     * the unit vectors in {@code vectors} (candidates without a vector are left out).
     */
    public List<PassageHit> select(float[] query, List<PassageHit> candidates, Map<String, float[]> vectors, int k) {
        List<PassageHit> pool = new ArrayList<>();
        for (PassageHit h : candidates) {
            if (vectors.containsKey(h.id())) {
                pool.add(h);
            }
        }
        List<PassageHit> picked = new ArrayList<>();
        List<float[]> pickedVectors = new ArrayList<>();
        while (picked.size() < k && !pool.isEmpty()) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                float[] v = vectors.get(pool.get(i).id());
                double redundancy = 0;
                for (float[] p : pickedVectors) {
                    redundancy = Math.max(redundancy, dot(v, p));
                }
                double score = lambda * dot(query, v) - (pickedVectors.isEmpty() ? 0 : (1 - lambda) * redundancy);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            PassageHit chosen = pool.remove(best);
            picked.add(chosen);
            pickedVectors.add(vectors.get(chosen.id()));
        }
        return picked;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
