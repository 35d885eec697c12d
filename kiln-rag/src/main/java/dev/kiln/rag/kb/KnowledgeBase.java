package dev.kiln.rag.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.progress.Progress;
import dev.kiln.rag.chunk.Chunk;
import dev.kiln.rag.chunk.Chunker;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A knowledge base: a {@link PassageIndex} of document chunks plus {@code documents.json}, the
 * content hash of every ingested document. Ingesting a document again replaces its chunks when its
 * content changed and skips it when it did not. Chunks carry their document's id, title, source,
 * heading path and character range as metadata; the title (document title and headings) is
 * searched with the chunk text.
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

    private final PassageIndex index;
    private final Map<String, String> hashes;

    private KnowledgeBase(PassageIndex index, Map<String, String> hashes) {
        this.index = index;
        this.hashes = hashes;
    }

    /** A new, empty knowledge base in {@code dir} for vectors of {@code embedder}. */
    public static KnowledgeBase create(Path dir, String encoderName, int dimension) {
        PassageIndex index = PassageIndex.create(dir, IndexSettings.of(dimension, encoderName));
        KnowledgeBase kb = new KnowledgeBase(index, new TreeMap<>());
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
        return hashes.size();
    }

    /** What an ingest did. */
    public record IngestReport(int added, int replaced, int unchanged, int chunks) {
    }

    /**
     * Chunks, embeds and indexes {@code documents}; a document whose content hash is recorded is
     * skipped, one whose hash changed has its old chunks removed first. Progress advances by one
     * a chunk. Changes are committed, then the hashes written.
     */
    public IngestReport ingest(List<Document> documents, Chunker chunker, Embedder embedder, Progress progress) {
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        List<Passage> passages = new ArrayList<>();
        Map<String, String> newHashes = new LinkedHashMap<>();
        for (Document d : documents) {
            String hash = d.contentHash();
            String before = hashes.get(d.id());
            if (hash.equals(before)) {
                unchanged++;
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
            newHashes.put(d.id(), hash);
        }
        index.add(passages, embedder, progress);
        index.commit();
        hashes.putAll(newHashes);
        writeDocuments();
        return new IngestReport(added, replaced, unchanged, passages.size());
    }

    /** Removes document {@code id} and its chunks; false when it was not there. */
    public boolean remove(String id) {
        boolean present = hashes.remove(id) != null;
        index.deleteWhere(DOCUMENT_ID, id);
        index.commit();
        writeDocuments();
        return present;
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
        new TreeMap<>(hashes).forEach((id, hash) -> docs.putObject(id).put("sha256", hash));
        try {
            AtomicWrite.text(index.directory().resolve(DOCUMENTS), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readDocuments(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DataFormatException.of(file.toString(), "missing: this index is not a knowledge base (no document hashes)");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode docs = root == null ? null : root.get("documents");
            if (docs == null || !docs.isObject()) {
                throw DataFormatException.of(file.toString(), "/documents: expected an object of document ids");
            }
            Map<String, String> out = new TreeMap<>();
            docs.fields().forEachRemaining(e -> {
                JsonNode hash = e.getValue().get("sha256");
                if (hash == null || !hash.isTextual()) {
                    throw DataFormatException.of(file.toString(), "/documents/" + e.getKey() + "/sha256: expected a hash");
                }
                out.put(e.getKey(), hash.asText());
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
        index.close();
    }
}
