package dev.kiln.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.chunk.Chunker;
import dev.kiln.rag.generate.ExtractiveGenerator;
import dev.kiln.rag.WordHashEmbedder;
import dev.kiln.rag.ingest.Document;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.search.retrieve.SearchMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionAnswererTest {
    @TempDir
    Path tmp;

    @Test
    void answersFromTheRightDocumentAndCitesIt() {
        try (KnowledgeBase kb = KnowledgeBase.create(tmp.resolve("kb"), "words", 64)) {
            kb.ingest(List.of(
                    new Document("copy", "Copying", "faq.md", "Copy an object with copy.deepcopy for a deep copy.", List.of()),
                    new Document("fruit", "Fruit", "fruit.md", "Bananas are yellow. Cherries are red.", List.of()),
                    new Document("files", "Files", "files.md", "Delete a file with os.remove.", List.of())),
                    Chunker.allMiniLmL6V2(), WordHashEmbedder.INSTANCE, KnowledgeBase.Phases.none());
            QuestionAnswerer qa = new QuestionAnswerer(kb, WordHashEmbedder.INSTANCE,
                    new ExtractiveGenerator(WordHashEmbedder.INSTANCE), QuestionAnswerer.Settings.defaults().withK(2));
            QuestionAnswerer.Result r = qa.ask("How do I make a deep copy of an object?");
            assertThat(r.sources()).hasSizeLessThanOrEqualTo(2);
            assertThat(r.sources().get(0).documentId()).isEqualTo("copy");
            assertThat(r.sources().get(0).location()).isEqualTo("faq.md");
            assertThat(r.answer().text()).contains("copy.deepcopy").contains("[1]");
            assertThat(qa.rankedDocuments("delete a file", 3).get(0)).isEqualTo("files");
            assertThat(new QuestionAnswerer(kb, WordHashEmbedder.INSTANCE, new ExtractiveGenerator(WordHashEmbedder.INSTANCE),
                    QuestionAnswerer.Settings.defaults().withMode(SearchMode.BM25)).ask("bananas").sources().get(0).documentId())
                    .isEqualTo("fruit");
            assertThatThrownBy(() -> qa.ask("x".repeat(5000))).hasMessageContaining("5000 characters");
            assertThatThrownBy(() -> qa.ask(" ")).hasMessageContaining("empty");
        }
    }
}
