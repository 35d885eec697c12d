package dev.kiln.rag.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.progress.Progress;
import dev.kiln.rag.chunk.Chunk;
import dev.kiln.rag.chunk.Chunker;
import dev.kiln.rag.generate.ExtractiveGenerator;
import dev.kiln.rag.ingest.Document;
import dev.kiln.search.index.IndexSettings;
import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.text.encode.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A knowledge base: a {@link PassageIndex} of document chunks, {@code documents.json} (the content
 * hash and source of every ingested document) and {@code sentences.vec} (the embeddings of the
 * chunks' quotable sentences, see {@link #sentenceEmbedder}). Ingesting a document again replaces
 * its chunks when its content changed and skips it when it did not. Chunks carry their document's
 * id, title, source, heading path and character range as metadata; the title (document title and
 * headings) is searched with the chunk text.
 */
public final class KnowledgeBase implements AutoCloseable {
    static final String DOCUMENTS = "documents.json";
    public static final String DOCUMENT_ID = "document_id";
    public static final String SOURCE = "source";
    public static final String HEADINGS = "headings";
    public static final String START = "start";
    public static final String END = "end";
    /** Chunks of 224 word pieces leave room for the title within the encoder's 256-token window. */
    public static final Chunker.Settings DEFAULT_CHUNKING = new Chunker.Settings(224, 32);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sentences are short: batches of 256 keep the encoder busy without padding much. */
    private static final int SENTENCE_BATCH = 256;

    private final PassageIndex index;
    private final Map<String, Recorded> recorded;
    private volatile SentenceVectors sentences;

    /** What documents.json keeps of a document. */
    private record Recorded(String sha256, String source) {
    }

    private KnowledgeBase(PassageIndex index, Map<String, Recorded> recorded) {
        this.index = index;
        this.recorded = recorded;
        this.sentences = SentenceVectors.open(index.directory(), index.settings().dimension());
    }

    /** Starts reporting one phase of long work: {@code Progress::start} fits. */
    @FunctionalInterface
    public interface Phases {
        Progress start(String task, long total);

        /** Reports nothing. */
        static Phases none() {
            return (task, total) -> Progress.none();
        }
    }

    /** A new, empty knowledge base in {@code dir} for vectors of {@code embedder}. */
    public static KnowledgeBase create(Path dir, String encoderName, int dimension) {
        PassageIndex index = PassageIndex.create(dir, IndexSettings.of(dimension, encoderName));
        KnowledgeBase kb;
        try {
            kb = new KnowledgeBase(index, new TreeMap<>());
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        kb.writeDocuments();
        return kb;
    }

    /** Opens the knowledge base in {@code dir}, writable or for reading only. */
    public static KnowledgeBase open(Path dir, boolean writable) {
        PassageIndex index = writable ? PassageIndex.open(dir) : PassageIndex.openReadOnly(dir);
        try {
            return new KnowledgeBase(index, readDocuments(dir.resolve(DOCUMENTS)));
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    public PassageIndex index() {
        return index;
    }

    /** The number of documents ingested. */
    public int documents() {
        return recorded.size();
    }

    /** The ids of the documents ingested, in order. */
    public List<String> documentIds() {
        return List.copyOf(recorded.keySet());
    }

    /** The source path document {@code id} was read from ("" when none or unknown). */
    public String sourceOf(String id) {
        Recorded r = recorded.get(id);
        return r == null ? "" : r.source();
    }

    /** The number of sentence vectors stored. */
    public int sentenceVectors() {
        return sentences.size();
    }

    /**
     * An embedder that serves the stored vector of every quotable sentence of the chunks (see
     * {@link dev.kiln.rag.generate.ExtractiveGenerator#quotable}) and runs {@code encoder}, the
     * knowledge base's own, for any other text. Hand it to the question answerer and the extractive
     * generator alike: an answer then costs one run of the encoder, for the question.
     */
    public Embedder sentenceEmbedder(Embedder encoder) {
        if (encoder.dimension() != index.settings().dimension()) {
            throw new IllegalArgumentException("the encoder makes " + encoder.dimension() + "-dimensional vectors; the knowledge base in "
                    + index.directory() + " holds " + index.settings().dimension());
        }
        return new StoredSentenceEmbedder(() -> sentences, encoder);
    }

    /** What an ingest did; {@code sentences} counts the sentence vectors computed. */
    public record IngestReport(int added, int replaced, int unchanged, int chunks, int sentences) {
    }

    /**
     * Chunks, embeds and indexes {@code documents}; a document whose content hash is recorded is
     * skipped, one whose hash changed has its old chunks removed first. Then the quotable sentences
     * of every chunk not yet stored are embedded, and those of chunks gone are dropped. Each of the
     * two embedding phases reports its progress a text at a time. The index is committed, then the
     * sentence vectors and the document hashes written.
     */
    public IngestReport ingest(List<Document> documents, Chunker chunker, Embedder embedder, Phases phases) {
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        List<Passage> passages = new ArrayList<>();
        Map<String, Recorded> changed = new LinkedHashMap<>();
        for (Document d : documents) {
            Recorded now = new Recorded(d.contentHash(), d.source());
            Recorded before = recorded.get(d.id());
            if (before != null && before.sha256().equals(now.sha256())) {
                unchanged++;
                if (!before.source().equals(now.source())) {
                    changed.put(d.id(), now);
                }
                continue;
            }
            if (before != null) {
                replaced++;
            } else {
                added++;
            }
            index.deleteWhere(DOCUMENT_ID, d.id());
            for (Chunk c : chunker.chunk(d)) {
                passages.add(passage(c));
            }
            changed.put(d.id(), now);
        }
        if (!passages.isEmpty()) {
            try (Progress progress = phases.start("embedding chunks", passages.size())) {
                index.add(passages, embedder, progress);
            }
        }
        index.commit();
        int embedded = storeSentences(embedder, phases);
        recorded.putAll(changed);
        writeDocuments();
        return new IngestReport(added, replaced, unchanged, passages.size(), embedded);
    }

    /** Removes document {@code id} and its chunks; false when it was not there. */
    public boolean remove(String id) {
        boolean present = recorded.containsKey(id);
        removeAll(List.of(id));
        return present;
    }

    /**
     * Removes every document whose id is not in {@code ids}, with its chunks: after ingesting a
     * folder again, what was deleted from it. Returns the ids removed, in order.
     */
    public List<String> retainOnly(Collection<String> ids) {
        Set<String> keep = new HashSet<>(ids);
        List<String> gone = new ArrayList<>();
        for (String id : recorded.keySet()) {
            if (!keep.contains(id)) {
                gone.add(id);
            }
        }
        if (!gone.isEmpty()) {
            removeAll(gone);
        }
        return gone;
    }

    /** Removes documents {@code ids} and their chunks and sentence vectors, then commits and writes the hashes. */
    private void removeAll(Collection<String> ids) {
        for (String id : ids) {
            recorded.remove(id);
            index.deleteWhere(DOCUMENT_ID, id);
        }
        index.commit();
        storeSentences(null, Phases.none());
        writeDocuments();
    }

    /**
     * Rewrites the sentence vectors to match the chunks in the index: keeps those still quoted,
     * drops the rest, and embeds the missing ones with {@code embedder} (none when null). Returns
     * how many it embedded.
     */
    private int storeSentences(Embedder embedder, Phases phases) {
        Map<Long, String> live = new LinkedHashMap<>();
        index.forEach(p -> {
            for (String s : ExtractiveGenerator.quotable(p.text())) {
                live.putIfAbsent(SentenceVectors.key(s), s);
            }
        });
        SentenceVectors old = sentences;
        List<Long> keys = new ArrayList<>(live.size());
        List<short[]> vectors = new ArrayList<>(live.size());
        for (int i = 0; i < old.size(); i++) {
            if (live.remove(old.key(i)) != null) {
                keys.add(old.key(i));
                vectors.add(old.halves(i));
            }
        }
        boolean dropped = keys.size() < old.size();
        int embedded = 0;
        if (embedder != null && !live.isEmpty()) {
            List<Map.Entry<Long, String>> missing = new ArrayList<>(live.entrySet());
            try (Progress progress = phases.start("embedding sentences", missing.size())) {
                for (int from = 0; from < missing.size(); from += SENTENCE_BATCH) {
                    List<Map.Entry<Long, String>> batch = missing.subList(from, Math.min(missing.size(), from + SENTENCE_BATCH));
                    float[][] v = embedder.embed(batch.stream().map(Map.Entry::getValue).toList());
                    for (int j = 0; j < batch.size(); j++) {
                        keys.add(batch.get(j).getKey());
                        vectors.add(SentenceVectors.Half.ofUnit(v[j]));
                    }
                    progress.advance(batch.size());
                }
            }
            embedded = missing.size();
        }
        if (embedded == 0 && !dropped) {
            return 0;
        }
        SentenceVectors.write(index.directory(), index.settings().dimension(), keys.stream().mapToLong(Long::longValue).toArray(),
                vectors.toArray(short[][]::new));
        sentences = SentenceVectors.open(index.directory(), index.settings().dimension());
        old.close();
        return embedded;
    }

    static Passage passage(Chunk c) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(DOCUMENT_ID, c.documentId());
        List<String> title = new ArrayList<>();
        if (!c.title().isBlank()) {
            title.add(c.title());
        }
        for (String h : c.headingPath()) {
            if (!h.isBlank() && !h.equals(c.title())) {
                title.add(h);
            }
        }
        if (!title.isEmpty()) {
            metadata.put(Passage.TITLE, String.join(" > ", title));
        }
        if (!c.source().isBlank()) {
            metadata.put(SOURCE, c.source());
        }
        if (!c.headingPath().isEmpty()) {
            metadata.put(HEADINGS, String.join(" > ", c.headingPath()));
        }
        metadata.put(START, Integer.toString(c.start()));
        metadata.put(END, Integer.toString(c.end()));
        return new Passage(c.id(), c.text(), metadata);
    }

    private void writeDocuments() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ObjectNode docs = root.putObject("documents");
        new TreeMap<>(recorded).forEach((id, r) -> {
            ObjectNode doc = docs.putObject(id).put("sha256", r.sha256());
            if (!r.source().isEmpty()) {
                doc.put("source", r.source());
            }
        });
        try {
            AtomicWrite.text(index.directory().resolve(DOCUMENTS), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Recorded> readDocuments(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DataFormatException.of(file.toString(), "missing: this index is not a knowledge base (no document hashes)");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode docs = root == null ? null : root.get("documents");
            if (docs == null || !docs.isObject()) {
                throw DataFormatException.of(file.toString(), "/documents: expected an object of document ids");
            }
            Map<String, Recorded> out = new TreeMap<>();
            docs.fields().forEachRemaining(e -> {
                JsonNode hash = e.getValue().get("sha256");
                if (hash == null || !hash.isTextual()) {
                    throw DataFormatException.of(file.toString(), "/documents/" + e.getKey() + "/sha256: expected a hash");
                }
                JsonNode source = e.getValue().get("source");
                out.put(e.getKey(), new Recorded(hash.asText(), source == null ? "" : source.asText()));
            });
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DataFormatException.of(file.toString(), "expected a JSON object (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            sentences.close();
        } finally {
            index.close();
        }
    }
}
