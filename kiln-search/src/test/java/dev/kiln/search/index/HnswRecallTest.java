package dev.kiln.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.search.exact.ExactIndex;
import dev.kiln.search.exact.Hit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HNSW is approximate: its top-10 must agree with exact search (the reference) on nearly every
 * neighbour at the default settings. Clustered vectors, as real embeddings are; the 100k-vector
 * figures are in kiln-bench/results/embeddings.md.
 */
class HnswRecallTest {
    @TempDir
    Path tmp;

    @Test
    void recallAtTenAgainstExactSearch() {
        int n = 4000, d = 48, clusters = 40, queries = 100;
        Random random = new Random(42);
        float[][] centres = gaussian(random, clusters, d, 1f);
        float[][] vectors = new float[n][];
        List<Passage> passages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vectors[i] = near(random, centres[random.nextInt(clusters)], 0.5f);
            ids.add("p" + i);
            passages.add(new Passage("p" + i, "passage " + i));
        }
        ExactIndex exact = ExactIndex.of(ids, vectors);
        double found = 0;
        try (PassageIndex index = PassageIndex.create(tmp.resolve("ix"), IndexSettings.of(d, "test"))) {
            index.add(passages, vectors);
            for (int q = 0; q < queries; q++) {
                float[] query = near(random, centres[random.nextInt(clusters)], 0.5f);
                Set<String> truth = new HashSet<>();
                for (Hit h : exact.search(query, 10)) {
                    truth.add(h.id());
                }
                for (PassageHit h : index.searchDense(query, 10, MetadataFilter.none())) {
                    found += truth.contains(h.id()) ? 1 : 0;
                }
            }
        }
        assertThat(found / (10.0 * queries)).isGreaterThanOrEqualTo(0.98);
    }

    private static float[][] gaussian(Random random, int n, int d, float sd) {
        float[][] out = new float[n][d];
        for (float[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) random.nextGaussian() * sd;
            }
        }
        return out;
    }

    private static float[] near(Random random, float[] centre, float sd) {
        float[] v = centre.clone();
        for (int j = 0; j < v.length; j++) {
            v[j] += (float) random.nextGaussian() * sd;
        }
        return v;
    }
}
