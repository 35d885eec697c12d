package dev.kiln.search.fusion;

import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke &amp; Büttcher, SIGIR 2009): a passage's fused score is
 * the sum over the rankings that hold it of 1 / (k + rank), rank counted from 1. Only ranks
 * matter, so rankings with incomparable scores (cosine, BM25) combine without calibration.
 */
public final class ReciprocalRankFusion {
    /** The constant of the paper, which found it robust across collections. */
    public static final int DEFAULT_K = 60;

    private final int k;

    public ReciprocalRankFusion(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        this.k = k;
    }

    public static ReciprocalRankFusion standard() {
        return new ReciprocalRankFusion(DEFAULT_K);
    }

    /**
     * The union of {@code rankings} (each best first) ordered by fused score, best first, cut to
     * {@code limit}; ties keep the order of first appearance, reading the rankings in turn.
     */
    public List<PassageHit> fuse(List<List<PassageHit>> rankings, int limit) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, Passage> passages = new LinkedHashMap<>();
        int longest = rankings.stream().mapToInt(List::size).max().orElse(0);
        for (int rank = 0; rank < longest; rank++) {
            for (List<PassageHit> ranking : rankings) {
                if (rank < ranking.size()) {
                    PassageHit hit = ranking.get(rank);
                    passages.putIfAbsent(hit.id(), hit.passage());
                    scores.computeIfAbsent(hit.id(), id -> new double[1])[0] += 1.0 / (k + rank + 1);
                }
            }
        }
        List<String> order = new ArrayList<>(scores.keySet());
        order.sort(Comparator.comparingDouble((String id) -> -scores.get(id)[0]));
        List<PassageHit> out = new ArrayList<>(Math.min(limit, order.size()));
        for (String id : order.subList(0, Math.min(limit, order.size()))) {
            out.add(new PassageHit(passages.get(id), scores.get(id)[0]));
        }
        return out;
    }
}
