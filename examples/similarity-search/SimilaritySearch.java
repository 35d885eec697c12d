import dev.kiln.core.progress.Progress;
import dev.kiln.search.exact.ExactIndex;
import dev.kiln.search.exact.Hit;
import dev.kiln.search.index.IndexSettings;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageHit;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.search.retrieve.Retriever;
import dev.kiln.search.retrieve.SearchMode;
import dev.kiln.text.encode.SentenceEncoder;
import dev.kiln.text.sentence.Sentence;
import dev.kiln.text.sentence.SentenceSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Similarity search from Java: (1) the top-5 sentences of a document nearest a query, by exact
 * cosine similarity of all-MiniLM-L6-v2 vectors; (2) a persistent index of the same sentences
 * with metadata, searched dense, by BM25 and hybrid, with a filter.
 * Usage: java ... SimilaritySearch.java NOTES.md
 */
public class SimilaritySearch {
    public static void main(String[] args) throws Exception {
        Path notes = Path.of(args.length > 0 ? args[0] : "data/notes.md");
        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2();

        // 1. Sentences and their section (the last "# heading" above them).
        List<Passage> sentences = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(notes)) {
            if (line.startsWith("#")) {
                section = line.replace("#", "").strip().toLowerCase();
            } else if (!line.isBlank()) {
                for (Sentence s : SentenceSplitter.english().split(line)) {
                    sentences.add(new Passage("s" + (sentences.size() + 1), s.text(), Map.of("section", section)));
                }
            }
        }
        float[][] vectors = encoder.encode(sentences.stream().map(Passage::text).toList());

        String query = "I got a puncture on my bike";
        ExactIndex exact = ExactIndex.of(sentences.stream().map(Passage::id).toList(), vectors);
        System.out.println("Top 5 sentences for \"" + query + "\" (exact cosine):");
        for (Hit h : exact.search(encoder.encode(List.of(query))[0], 5)) {
            System.out.printf("  %.3f  %s%n", h.score(), sentences.get(h.index()).text());
        }

        // 2. The same sentences in a persistent Lucene index: HNSW + BM25.
        Path dir = Files.createTempDirectory("kiln-example").resolve("notes");
        try (PassageIndex index = PassageIndex.create(dir, IndexSettings.of(encoder.dimension(), encoder.model().name()))) {
            index.add(sentences, encoder, Progress.none());
            index.commit();
        }
        try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
            Retriever retriever = new Retriever(index, encoder);
            for (String q : List.of("how do I keep pests off my vegetables", "dough")) {
                for (SearchMode mode : SearchMode.values()) {
                    System.out.printf("%n%s, %s:%n", q, mode.id());
                    for (PassageHit h : retriever.search(q, 3, mode)) {
                        System.out.printf("  %.4f  [%s] %s%n", h.score(), h.passage().metadata().get("section"), h.passage().text());
                    }
                }
            }
            System.out.printf("%n\"it stopped working\", dense, only the computers section:%n");
            for (PassageHit h : retriever.search("it stopped working", 3, SearchMode.DENSE, MetadataFilter.of("section", "computers"))) {
                System.out.printf("  %.3f  %s%n", h.score(), h.passage().text());
            }
        }
        System.out.println("\nindex kept in " + dir);
    }
}
