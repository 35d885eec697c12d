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
 * Vectors with no structure (independent Gaussians in 64 dimensions) are the hard case for HNSW:
 * the calibrated efSearch must lift recall@10 on fresh queries, measured against exact search,
 * to the target, and it must persist.
 */
class CalibrationTest {
    @TempDir
    Path tmp;

    @Test
    void calibratedEfSearchReachesTheTargetOnFreshQueries() {
        int n = 3000, d = 64;
        Random random = new Random(7);
        float[][] vectors = new float[n][d];
        List<Passage> passages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                vectors[i][j] = (float) random.nextGaussian();
            }
            ids.add("p" + i);
            passages.add(new Passage("p" + i, "p" + i));
        }
        ExactIndex exact = ExactIndex.of(ids, vectors);
        Path dir = tmp.resolve("ix");
        PassageIndex.Calibration calibration;
        try (PassageIndex index = PassageIndex.create(dir, new IndexSettings(d, "test", 16, 100, 10))) {
            index.add(passages, vectors);
            double before = recall(index, exact, new Random(99), d);
            calibration = index.calibrate(0.99, 200, 42);
            assertThat(calibration.recall()).isGreaterThanOrEqualTo(0.99);
            assertThat(calibration.efSearch()).isGreaterThan(10);
            assertThat(index.settings().efSearch()).isEqualTo(calibration.efSearch());
            double after = recall(index, exact, new Random(99), d);
            assertThat(before).isLessThan(0.9);
            assertThat(after).isGreaterThanOrEqualTo(0.97);
        }
        try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
            assertThat(index.settings().efSearch()).isEqualTo(calibration.efSearch());
        }
    }

    private static double recall(PassageIndex index, ExactIndex exact, Random random, int d) {
        double found = 0;
        int queries = 100;
        for (int q = 0; q < queries; q++) {
            float[] query = new float[d];
            for (int j = 0; j < d; j++) {
                query[j] = (float) random.nextGaussian();
            }
            Set<String> truth = new HashSet<>();
            for (Hit h : exact.search(query, 10)) {
                truth.add(h.id());
            }
            for (PassageHit h : index.searchDense(query, 10, MetadataFilter.none())) {
                found += truth.contains(h.id()) ? 1 : 0;
            }
        }
        return found / (10.0 * queries);
    }
}
