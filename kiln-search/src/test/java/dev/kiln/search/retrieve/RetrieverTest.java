package dev.kiln.search.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.search.index.IndexSettings;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageHit;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three modes on real all-MiniLM-L6-v2 vectors of a handful of passages. */
class RetrieverTest {
    @TempDir
    static Path tmp;

    static PassageIndex index;
    static Retriever retriever;

    @BeforeAll
    static void build() {
        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2();
        index = PassageIndex.create(tmp.resolve("ix"), IndexSettings.of(encoder.dimension(), encoder.model().name()));
        List<Passage> passages = List.of(
                new Passage("car", "The automobile would not start on a cold morning.", Map.of("topic", "vehicles")),
                new Passage("bike", "Bicycles need their chains oiled every few hundred miles.", Map.of("topic", "vehicles")),
                new Passage("bake", "Knead the dough and let it rise for an hour before baking the bread.", Map.of("topic", "food")),
                new Passage("soup", "A vegetable soup simmers for forty minutes.", Map.of("topic", "food")),
                new Passage("err", "Error code E42 means the disk is full.", Map.of("topic", "computers")));
        index.add(passages, encoder, dev.kiln.core.progress.Progress.none());
        retriever = new Retriever(index, encoder);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void denseFindsMeaningWithoutSharedWords() {
        assertThat(retriever.search("my car won't turn over when it is freezing", 1, SearchMode.DENSE))
                .extracting(PassageHit::id).containsExactly("car");
        assertThat(retriever.search("how to make a loaf", 1, SearchMode.DENSE)).extracting(PassageHit::id).containsExactly("bake");
    }

    @Test
    void bm25FindsRareExactTokens() {
        assertThat(retriever.search("E42", 1, SearchMode.BM25)).extracting(PassageHit::id).containsExactly("err");
    }

    @Test
    void hybridFusesBothRankings() {
        List<PassageHit> dense = retriever.search("bread dough", 5, SearchMode.DENSE);
        List<PassageHit> bm25 = retriever.search("bread dough", 5, SearchMode.BM25);
        List<PassageHit> hybrid = retriever.search("bread dough", 5, SearchMode.HYBRID);
        assertThat(hybrid.get(0).id()).isEqualTo("bake");
        assertThat(dense.get(0).id()).isEqualTo("bake");
        assertThat(bm25).extracting(PassageHit::id).containsExactly("bake");
        // bake is first in both rankings: 2 / (60 + 1)
        assertThat(hybrid.get(0).score()).isCloseTo(2.0 / 61, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(hybrid).hasSize(5);
    }

    @Test
    void filtersAndBadQueries() {
        assertThat(retriever.search("engine trouble", 5, SearchMode.HYBRID, MetadataFilter.of("topic", "food")))
                .extracting(PassageHit::id).containsOnly("bake", "soup");
        assertThatThrownBy(() -> retriever.search("  ", 5, SearchMode.DENSE)).hasMessageContaining("query is empty");
        assertThatThrownBy(() -> SearchMode.parse("fuzzy")).hasMessageContaining("expected dense, bm25 or hybrid");
    }
}
