package dev.kiln.serve.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.chunk.Chunker;
import dev.kiln.rag.ingest.Document;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.text.encode.Embedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Knowledge bases open on first use, reopen after an ingest, and close once no request holds them. */
class ServedKnowledgeBasesTest {
    /** Bag-of-letters vectors: enough to rank, nothing to load. */
    static final Embedder LETTERS = new Embedder() {
        @Override
        public float[][] embed(List<String> texts) {
            float[][] out = new float[texts.size()][26];
            for (int i = 0; i < texts.size(); i++) {
                double norm = 0;
                for (char c : texts.get(i).toLowerCase().toCharArray()) {
                    if (c >= 'a' && c <= 'z') {
                        out[i][c - 'a']++;
                    }
                }
                for (float v : out[i]) {
                    norm += v * v;
                }
                for (int j = 0; j < 26 && norm > 0; j++) {
                    out[i][j] /= (float) Math.sqrt(norm);
                }
            }
            return out;
        }

        @Override
        public int dimension() {
            return 26;
        }
    };

    @TempDir
    Path root;

    private void ingest(String name, Document... docs) {
        Path dir = root.resolve(name);
        try (KnowledgeBase kb = java.nio.file.Files.isDirectory(dir) ? KnowledgeBase.open(dir, true) : KnowledgeBase.create(dir, "letters", 26)) {
            kb.ingest(List.of(docs), Chunker.allMiniLmL6V2(), LETTERS, KnowledgeBase.Phases.none());
        }
    }

    private ServedKnowledgeBases bases() {
        return new ServedKnowledgeBases(root, "extractive", Map.of(), name -> LETTERS);
    }

    @Test
    void anIngestWhileServingIsSeenByTheNextRequestAndTheOldOneClosesWhenReleased() throws Exception {
        ingest("notes", new Document("a", "A", "a.md", "Apples are red.", List.of()));
        try (ServedKnowledgeBases bases = bases()) {
            ServedKnowledgeBases.Lease first = bases.lease("notes");
            assertThat(first.knowledgeBase().documents()).isEqualTo(1);
            try (ServedKnowledgeBases.Lease again = bases.lease("notes")) {
                assertThat(again.knowledgeBase()).isSameAs(first.knowledgeBase());
            }
            Thread.sleep(20);   // a modification time the file system can tell apart
            ingest("notes", new Document("b", "B", "b.md", "Bananas are yellow.", List.of()));
            try (ServedKnowledgeBases.Lease after = bases.lease("notes")) {
                assertThat(after.knowledgeBase()).isNotSameAs(first.knowledgeBase());
                assertThat(after.knowledgeBase().documents()).isEqualTo(2);
                assertThat(after.answerer().ask("What colour are bananas?").sources().get(0).documentId()).isEqualTo("b");
            }
            assertThat(first.answerer().ask("What colour are apples?").sources()).as("the old one still answers its request").isNotEmpty();
            first.close();
            assertThatThrownBy(() -> first.answerer().ask("apples")).as("and is closed once released").isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void unknownNamesAndGeneratorsAreRefusedClearly() {
        ingest("notes", new Document("a", "A", "a.md", "Apples are red.", List.of()));
        try (ServedKnowledgeBases bases = bases()) {
            assertThat(bases.names()).containsExactly("notes");
            assertThatThrownBy(() -> bases.lease("other")).isInstanceOf(UnknownKnowledgeBaseException.class)
                    .hasMessageContaining("no knowledge base named 'other'").hasMessageContaining("notes");
        }
        assertThatThrownBy(() -> new ServedKnowledgeBases(root, "oracle", Map.of(), name -> LETTERS))
                .hasMessageContaining("expected auto, extractive or llm");
    }
}
