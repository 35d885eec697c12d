package dev.kiln.search.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact search against cosine similarities computed one by one in double precision on random vectors. */
class ExactIndexTest {
    private final Rng rng = Rng.seeded(4);

    private float[][] random(int n, int d) {
        float[][] v = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[i][j] = (float) rng.nextGaussian();
            }
        }
        return v;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("item" + i);
        }
        return ids;
    }

    @Test
    void topKEqualsTheOneByOneRanking() {
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(300);
            int d = 1 + rng.nextInt(40);
            float[][] v = random(n, d);
            ExactIndex index = ExactIndex.of(ids(n), v);
            float[] q = random(1, d)[0];
            int k = 1 + rng.nextInt(10);
            List<Hit> hits = index.search(q, k);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            expected.sort(Comparator.comparingDouble((Integer i) -> -cosine(v[i], q)));
            assertThat(hits).hasSize(Math.min(k, n));
            for (int r = 0; r < hits.size(); r++) {
                Hit h = hits.get(r);
                assertThat(h.score()).isCloseTo((float) cosine(v[h.index()], q), within(1e-5f));
                assertThat(h.id()).isEqualTo("item" + h.index());
                // Equal up to float rounding: the r-th hit scores as the r-th of the exact ranking.
                assertThat((double) h.score()).isCloseTo(cosine(v[expected.get(r)], q), within(1e-5));
            }
            for (int r = 1; r < hits.size(); r++) {
                assertThat(hits.get(r).score()).isLessThanOrEqualTo(hits.get(r - 1).score());
            }
        }
    }

    @Test
    void mostSimilarPairsAreTheBestOfAllPairs() {
        float[][] v = random(40, 8);
        ExactIndex index = ExactIndex.of(ids(40), v);
        List<ExactIndex.Pair> pairs = index.mostSimilarPairs(5);
        double fifth = pairs.get(4).score();
        int better = 0;
        for (int i = 0; i < 40; i++) {
            for (int j = i + 1; j < 40; j++) {
                if (cosine(v[i], v[j]) > fifth + 1e-5) {
                    better++;
                }
            }
        }
        assertThat(better).isLessThanOrEqualTo(4);
        assertThat(pairs.get(0).first().index()).isLessThan(pairs.get(0).second().index());
        assertThat((double) pairs.get(0).score()).isCloseTo(cosine(v[pairs.get(0).first().index()], v[pairs.get(0).second().index()]),
                within(1e-5));
    }

    @Test
    void badVectorsAndQueriesAreNamed() {
        assertThatThrownBy(() -> ExactIndex.of(List.of("a", "b"), new float[][] {{1, 0}, {0, 0}})).hasMessageContaining("'b'")
                .hasMessageContaining("all zeros");
        assertThatThrownBy(() -> ExactIndex.of(List.of("a", "b"), new float[][] {{1, 0}, {1}})).hasMessageContaining("1 dimensions");
        ExactIndex index = ExactIndex.of(List.of("a"), new float[][] {{1, 2}});
        assertThatThrownBy(() -> index.search(new float[] {1, 2, 3}, 1)).hasMessageContaining("3 dimensions, the index 2");
        assertThatThrownBy(() -> index.search(new float[] {1, 2}, 0)).hasMessageContaining("k must be >= 1");
    }
}
