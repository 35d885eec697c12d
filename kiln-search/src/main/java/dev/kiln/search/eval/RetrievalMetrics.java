package dev.kiln.search.eval;

import java.util.List;
import java.util.Set;

/**
 * Retrieval quality over a set of queries, each with its relevant ids: hit@k (the share of
 * queries with a relevant id among the first k), MRR (the mean of 1 / rank of the first relevant
 * id, 0 when none was retrieved) and nDCG@10 with binary relevance (Järvelin &amp; Kekäläinen 2002).
 */
public record RetrievalMetrics(int queries, double hitAt1, double hitAt5, double hitAt10, double mrr, double ndcgAt10) {

    /**
     * The metrics of {@code rankings} (retrieved ids per query, best first) against {@code relevant}
     * (the relevant ids per query, in the same order).
     */
    public static RetrievalMetrics of(List<List<String>> rankings, List<Set<String>> relevant) {
        if (rankings.size() != relevant.size()) {
            throw new IllegalArgumentException(rankings.size() + " rankings for " + relevant.size() + " relevance sets");
        }
        if (rankings.isEmpty()) {
            throw new IllegalArgumentException("no queries to evaluate");
        }
        double h1 = 0, h5 = 0, h10 = 0, rr = 0, ndcg = 0;
        for (int q = 0; q < rankings.size(); q++) {
            List<String> ranking = rankings.get(q);
            Set<String> gold = relevant.get(q);
            if (gold.isEmpty()) {
                throw new IllegalArgumentException("query " + (q + 1) + " has no relevant id");
            }
            int first = -1;
            double dcg = 0;
            for (int r = 0; r < ranking.size(); r++) {
                if (gold.contains(ranking.get(r))) {
                    if (first < 0) {
                        first = r + 1;
                    }
                    if (r < 10) {
                        dcg += 1 / log2(r + 2);
                    }
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(10, gold.size()); r++) {
                ideal += 1 / log2(r + 2);
            }
            ndcg += dcg / ideal;
            if (first > 0) {
                rr += 1.0 / first;
                h1 += first <= 1 ? 1 : 0;
                h5 += first <= 5 ? 1 : 0;
                h10 += first <= 10 ? 1 : 0;
            }
        }
        int n = rankings.size();
        return new RetrievalMetrics(n, h1 / n, h5 / n, h10 / n, rr / n, ndcg / n);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
