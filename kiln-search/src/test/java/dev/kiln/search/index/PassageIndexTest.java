package dev.kiln.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassageIndexTest {
    @TempDir
    Path tmp;

    private static final List<Passage> PASSAGES = List.of(
            new Passage("a", "Copying objects with the copy module", Map.of("doc", "faq")),
            new Passage("b", "Reading files line by line", Map.of("doc", "tutorial")),
            new Passage("c", "Sorting a list of objects by key", Map.of("doc", "faq")));
    private static final float[][] VECTORS = {{1, 0, 0}, {0, 1, 0}, {0.6f, 0, 0.8f}};

    private PassageIndex filled() {
        PassageIndex index = PassageIndex.create(tmp.resolve("ix"), IndexSettings.of(3, "test"));
        index.add(PASSAGES, VECTORS);
        return index;
    }

    @Test
    void denseSearchRanksByCosineAndReportsIt() {
        try (PassageIndex index = filled()) {
            List<PassageHit> hits = index.searchDense(new float[] {2, 0, 0}, 3, MetadataFilter.none());
            assertThat(hits).extracting(PassageHit::id).containsExactly("a", "c", "b");
            // cosines of (1,0,0) with the three unit vectors
            assertThat(hits.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(hits.get(1).score()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(hits.get(2).score()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(hits.get(0).passage()).isEqualTo(PASSAGES.get(0));
        }
    }

    @Test
    void keywordSearchMatchesStemmedWordsAndSkipsStopWords() {
        try (PassageIndex index = filled()) {
            assertThat(index.searchKeywords("how do I copy an object?", 3, MetadataFilter.none()))
                    .extracting(PassageHit::id).first().isEqualTo("a");
            assertThat(index.searchKeywords("read a file", 3, MetadataFilter.none())).extracting(PassageHit::id)
                    .containsExactly("b");
            assertThat(index.searchKeywords("the of a", 3, MetadataFilter.none())).isEmpty();
        }
    }

    @Test
    void aTitleIsSearchedButNotPartOfTheText() {
        try (PassageIndex index = filled()) {
            index.add(List.of(new Passage("t", "Use shutil.copyfile.", Map.of("title", "Duplicating a file"))),
                    new float[][] {{0, 1, 1}});
            List<PassageHit> hits = index.searchKeywords("duplicating", 3, MetadataFilter.none());
            assertThat(hits).extracting(PassageHit::id).containsExactly("t");
            assertThat(hits.get(0).passage().text()).isEqualTo("Use shutil.copyfile.");
            assertThat(hits.get(0).passage().title()).isEqualTo("Duplicating a file");
        }
    }

    @Test
    void filtersApplyToBothKindsOfSearch() {
        try (PassageIndex index = filled()) {
            MetadataFilter faq = MetadataFilter.of("doc", "faq");
            assertThat(index.searchDense(new float[] {0, 1, 0}, 3, faq)).extracting(PassageHit::id)
                    .containsExactlyInAnyOrder("a", "c");
            assertThat(index.searchKeywords("objects files", 3, faq)).extracting(PassageHit::id)
                    .containsExactlyInAnyOrder("a", "c");
            assertThat(index.searchDense(new float[] {0, 1, 0}, 3, MetadataFilter.of("doc", "faq", "tutorial")))
                    .hasSize(3);
            assertThat(index.searchDense(new float[] {0, 1, 0}, 3, MetadataFilter.of("doc", "nowhere"))).isEmpty();
        }
    }

    @Test
    void addingAnIdAgainReplacesAndDeleteRemoves() {
        try (PassageIndex index = filled()) {
            index.add(List.of(new Passage("b", "Writing files", Map.of("doc", "howto"))), new float[][] {{0, 0, 1}});
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.get("b")).get().extracting(Passage::text).isEqualTo("Writing files");
            assertThat(index.searchDense(new float[] {0, 0, 1}, 1, MetadataFilter.none())).extracting(PassageHit::id)
                    .containsExactly("b");
            assertThat(index.delete("b")).isTrue();
            assertThat(index.delete("b")).isFalse();
            assertThat(index.size()).isEqualTo(2);
            assertThat(index.get("b")).isEmpty();
            assertThat(index.searchKeywords("files", 3, MetadataFilter.none())).isEmpty();
        }
    }

    @Test
    void storedVectorsComeBackAtUnitLength() {
        try (PassageIndex index = filled()) {
            index.add(List.of(new Passage("d", "d")), new float[][] {{3, 4, 0}});
            index.commit();
            Map<String, float[]> v = index.vectors(List.of("c", "d", "missing"));
            assertThat(v).containsOnlyKeys("c", "d");
            assertThat(v.get("d")).containsExactly(0.6f, 0.8f, 0f);
            assertThat(v.get("c")).containsExactly(0.6f, 0f, 0.8f);
        }
    }

    @Test
    void persistsAcrossReopening() {
        try (PassageIndex index = filled()) {
            index.commit();
        }
        try (PassageIndex index = PassageIndex.openReadOnly(tmp.resolve("ix"))) {
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.settings()).isEqualTo(IndexSettings.of(3, "test"));
            assertThat(index.searchDense(new float[] {0, 1, 0.1f}, 1, MetadataFilter.none())).extracting(PassageHit::id)
                    .containsExactly("b");
            assertThat(index.get("a")).contains(PASSAGES.get(0));
            assertThatThrownBy(() -> index.delete("a")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
        }
        try (PassageIndex index = PassageIndex.open(tmp.resolve("ix"))) {
            index.delete("a");
        }
        try (PassageIndex index = PassageIndex.openReadOnly(tmp.resolve("ix"))) {
            assertThat(index.size()).as("close commits").isEqualTo(2);
        }
    }

    @Test
    void badBatchesAreRejectedWhole() {
        try (PassageIndex index = filled()) {
            Passage x = new Passage("x", "x");
            assertThatThrownBy(() -> index.add(List.of(x, new Passage("y", "y")), new float[][] {{1, 0, 0}, {0, 0, 0}}))
                    .hasMessageContaining("passage 'y'").hasMessageContaining("all zeros");
            assertThatThrownBy(() -> index.add(List.of(x), new float[][] {{1, 0}}))
                    .hasMessageContaining("2 dimensions; the index holds 3");
            assertThatThrownBy(() -> index.add(List.of(x, x), new float[][] {{1, 0, 0}, {1, 0, 0}}))
                    .hasMessageContaining("'x' appears twice");
            assertThatThrownBy(() -> index.add(List.of(x), new float[][] {{Float.NaN, 0, 0}}))
                    .hasMessageContaining("NaN");
            assertThat(index.size()).isEqualTo(3);
            assertThatThrownBy(() -> index.searchDense(new float[] {1, 0}, 3, MetadataFilter.none()))
                    .hasMessageContaining("2 dimensions");
            assertThatThrownBy(() -> index.searchKeywords("x", 0, MetadataFilter.none())).hasMessageContaining("k must be");
        }
    }

    @Test
    void createRefusesADirectoryWithFiles() throws IOException {
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/notes.txt"), "mine");
        assertThatThrownBy(() -> PassageIndex.create(tmp.resolve("full"), IndexSettings.of(3, "test")))
                .hasMessageContaining("not empty");
        assertThat(tmp.resolve("full/notes.txt")).hasContent("mine");
    }

    @Test
    void aDirectoryWithoutManifestIsNotAnIndex() throws IOException {
        Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> PassageIndex.openReadOnly(tmp.resolve("plain")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("kiln-index.json is missing");
    }

    @Test
    void aBrokenManifestIsNamedWithItsField() throws IOException {
        filled().close();
        Path manifest = tmp.resolve("ix/kiln-index.json");
        String good = Files.readString(manifest);
        Files.writeString(manifest, "{ not json");
        assertThatThrownBy(() -> PassageIndex.openReadOnly(tmp.resolve("ix"))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("kiln-index.json").hasMessageContaining("expected a JSON object");
        Files.writeString(manifest, good.replace("\"dimension\"", "\"dims\""));
        assertThatThrownBy(() -> PassageIndex.openReadOnly(tmp.resolve("ix"))).hasMessageContaining("/dimension: missing");
        Files.writeString(manifest, good.replace("\"dimension\" : 3", "\"dimension\" : 5"));
        assertThatThrownBy(() -> PassageIndex.openReadOnly(tmp.resolve("ix")))
                .hasMessageContaining("/dimension: says 5 but the stored vectors have 3");
    }

    @Test
    void damagedLuceneFilesAreReportedNotThrownRaw() throws IOException {
        try (PassageIndex index = filled()) {
            index.commit();
        }
        Path lucene = tmp.resolve("ix/lucene");
        try (Stream<Path> files = Files.list(lucene)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                bytes[bytes.length / 2] ^= 0x5a;
                Files.write(f, bytes);
            }
        }
        assertThatThrownBy(() -> PassageIndex.openReadOnly(tmp.resolve("ix"))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("ix/lucene").hasMessageContaining("rebuild the index");
    }

    @Test
    void aMissingLuceneIndexIsReported() throws IOException {
        filled().close();
        try (Stream<Path> files = Files.walk(tmp.resolve("ix/lucene"))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        assertThatThrownBy(() -> PassageIndex.openReadOnly(tmp.resolve("ix"))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("the Lucene index is missing");
    }
}
