package dev.kiln.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyword scores against the closed form of Lucene's BM25Similarity (its Javadoc):
 * idf · tf / (tf + k1 · (1 − b + b · dl / avgdl)), idf = ln(1 + (N − n + 0.5) / (n + 0.5)),
 * k1 = 1.2, b = 0.75. Documents are short, so Lucene's one-byte length encoding is exact.
 */
class Bm25ScoreTest {
    @TempDir
    Path tmp;

    private static double bm25(double tf, double dl, double avgdl, int docs, int docsWithTerm) {
        double idf = Math.log(1 + (docs - docsWithTerm + 0.5) / (docsWithTerm + 0.5));
        return idf * tf / (tf + 1.2 * (1 - 0.75 + 0.75 * dl / avgdl));
    }

    @Test
    void scoresMatchTheFormula() {
        try (PassageIndex index = PassageIndex.create(tmp.resolve("ix"), IndexSettings.of(2, "test"))) {
            index.add(List.of(new Passage("d1", "apple banana"), new Passage("d2", "apple apple cherry"),
                    new Passage("d3", "banana cherry cherry cherry")), new float[][] {{1, 0}, {0, 1}, {1, 1}});
            double avgdl = 9 / 3.0;
            List<PassageHit> apple = index.searchKeywords("apple", 3, MetadataFilter.none());
            assertThat(apple).extracting(PassageHit::id).containsExactly("d2", "d1");
            assertThat(apple.get(0).score()).isCloseTo(bm25(2, 3, avgdl, 3, 2), offset(1e-6));
            assertThat(apple.get(1).score()).isCloseTo(bm25(1, 2, avgdl, 3, 2), offset(1e-6));
            // a two-word query sums the words' scores
            List<PassageHit> both = index.searchKeywords("banana cherry", 3, MetadataFilter.none());
            assertThat(both.get(0).id()).isEqualTo("d3");
            assertThat(both.get(0).score()).isCloseTo(bm25(1, 4, avgdl, 3, 2) + bm25(3, 4, avgdl, 3, 2), offset(1e-6));
        }
    }
}
