package dev.kiln.rag.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.DataFormatException;
import dev.kiln.rag.chunk.Chunker;
import dev.kiln.rag.WordHashEmbedder;
import dev.kiln.rag.ingest.Document;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.search.index.PassageHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {
    @TempDir
    Path tmp;

    private static final Chunker CHUNKER = Chunker.allMiniLmL6V2(new Chunker.Settings(64, 0));

    private static Document doc(String id, String text) {
        return new Document(id, "Title of " + id, id + ".md", text, List.of(new Document.Heading(1, "Intro", 0)));
    }

    private KnowledgeBase created() {
        return KnowledgeBase.create(tmp.resolve("kb"), "words", WordHashEmbedder.INSTANCE.dimension());
    }

    @Test
    void chunksCarryTheirDocumentAndAreSearchable() {
        try (KnowledgeBase kb = created()) {
            KnowledgeBase.IngestReport r = kb.ingest(List.of(doc("a", "Copy objects with the copy module."), doc("b", "Bananas are yellow.")),
                    CHUNKER, WordHashEmbedder.INSTANCE, KnowledgeBase.Phases.none());
            assertThat(r).isEqualTo(new KnowledgeBase.IngestReport(2, 0, 0, 2, 2));
            List<PassageHit> hits = kb.index().searchKeywords("copy", 5, MetadataFilter.none());
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).passage().metadata()).containsEntry(KnowledgeBase.DOCUMENT_ID, "a")
                    .containsEntry(KnowledgeBase.SOURCE, "a.md").containsEntry(KnowledgeBase.HEADINGS, "Intro")
                    .containsEntry("title", "Title of a > Intro").containsEntry(KnowledgeBase.START, "0");
            assertThat(kb.index().searchKeywords("title", 5, MetadataFilter.none())).as("titles are searched").hasSize(2);
        }
    }

    @Test
    void reIngestingSkipsUnchangedAndReplacesChangedDocuments() {
        try (KnowledgeBase kb = created()) {
            kb.ingest(List.of(doc("a", "Copy objects with the copy module."), doc("b", "Bananas are yellow.")), CHUNKER,
                    WordHashEmbedder.INSTANCE, KnowledgeBase.Phases.none());
        }
        try (KnowledgeBase kb = KnowledgeBase.open(tmp.resolve("kb"), true)) {
            KnowledgeBase.IngestReport r = kb.ingest(List.of(doc("a", "Copy objects with the copy module."), doc("b", "Cherries are red.")),
                    CHUNKER, WordHashEmbedder.INSTANCE, KnowledgeBase.Phases.none());
            assertThat(r).isEqualTo(new KnowledgeBase.IngestReport(0, 1, 1, 1, 1));
            assertThat(kb.index().searchKeywords("bananas", 5, MetadataFilter.none())).isEmpty();
            assertThat(kb.index().searchKeywords("cherries", 5, MetadataFilter.none())).hasSize(1);
            assertThat(kb.index().size()).isEqualTo(2);
            assertThat(kb.remove("a")).isTrue();
            assertThat(kb.documents()).isEqualTo(1);
            assertThat(kb.index().size()).isEqualTo(1);
        }
    }

    @Test
    void aDamagedDocumentListIsReported() throws Exception {
        created().close();
        Files.writeString(tmp.resolve("kb/documents.json"), "{\"documents\": 3}");
        assertThatThrownBy(() -> KnowledgeBase.open(tmp.resolve("kb"), false)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("documents.json").hasMessageContaining("/documents");
    }
}
