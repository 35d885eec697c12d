package dev.kiln.serve.kb;

import dev.kiln.rag.answer.QuestionAnswerer;
import dev.kiln.rag.generate.Generator;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.search.index.IndexCatalog;
import dev.kiln.text.encode.Embedder;
import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.encode.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The knowledge bases in {@code HOME/kb} (made by {@code kiln rag ingest}) as the server answers
 * from them. Each is opened read-only on first use and kept open; when an ingest changes it (its
 * {@code documents.json}, written last, changes) the next request opens it afresh, and the old
 * one is closed once the requests using it finish. Safe for concurrent use.
 */
public final class ServedKnowledgeBases implements AutoCloseable {
    private static final String DOCUMENTS = "documents.json";

    private final IndexCatalog catalog;
    private final Function<String, Embedder> encoders;
    private final String generator;
    private final Map<String, String> environment;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    /**
     * The knowledge bases under {@code root}, answered by the generator called {@code generator}
     * ({@code auto}, {@code extractive} or {@code llm}, see {@link Generator#choose}), whose chat
     * server, if any, {@code environment} configures.
     */
    public ServedKnowledgeBases(Path root, String generator, Map<String, String> environment) {
        this(root, generator, environment, name -> SentenceEncoder.of(EncoderModel.named(name), SentenceEncoder.Settings.defaults()));
    }

    /** As above, with the encoder of each encoder name given by {@code encoders} (tests use small ones). */
    public ServedKnowledgeBases(Path root, String generator, Map<String, String> environment, Function<String, Embedder> encoders) {
        this.catalog = new IndexCatalog(root, "knowledge base", "kiln rag ingest --kb %s PATH");
        this.encoders = encoders;
        this.generator = generator;
        this.environment = Map.copyOf(environment);
        Generator.checkChoice(generator, this.environment);   // a bad choice fails now, not at the first question
    }

    /** Where the knowledge bases live. */
    public Path root() {
        return catalog.root();
    }

    /** The names of the knowledge bases there. */
    public List<String> names() {
        return catalog.names();
    }

    /**
     * Knowledge base {@code name}, held until the lease is closed.
     *
     * @throws UnknownKnowledgeBaseException when there is none of that name
     */
    public Lease lease(String name) {
        Path dir;
        try {
            dir = catalog.existing(name);
        } catch (IllegalArgumentException e) {
            throw new UnknownKnowledgeBaseException(e.getMessage());
        }
        while (true) {
            String stamp = stamp(dir);
            Opened current = opened.get(name);
            if (current == null || !current.stamp.equals(stamp)) {
                current = reopen(name, dir, stamp);
            }
            current.users.incrementAndGet();
            if (!current.retired.get()) {
                return new Lease(current);
            }
            current.release();
        }
    }

    private synchronized Opened reopen(String name, Path dir, String stamp) {
        Opened current = opened.get(name);
        if (current != null && current.stamp.equals(stamp)) {
            return current;
        }
        KnowledgeBase kb = KnowledgeBase.open(dir, false);
        Opened fresh;
        try {
            Embedder embedder = kb.sentenceEmbedder(encoders.apply(kb.index().settings().encoder()));
            fresh = new Opened(kb, new QuestionAnswerer(kb, embedder, Generator.choose(generator, embedder, environment),
                    QuestionAnswerer.Settings.defaults()), embedder, stamp);
        } catch (RuntimeException e) {
            kb.close();
            throw e;
        }
        opened.put(name, fresh);
        if (current != null) {
            current.retire();
        }
        return fresh;
    }

    /** The size and modification time of the knowledge base's documents.json, which every ingest rewrites last. */
    private static String stamp(Path dir) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir.resolve(DOCUMENTS), BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    @Override
    public synchronized void close() {
        opened.values().forEach(Opened::retire);
        opened.clear();
    }

    /** An open knowledge base, the answerer over it, and the requests using it. */
    private static final class Opened {
        final KnowledgeBase kb;
        final QuestionAnswerer answerer;
        final Embedder embedder;
        final String stamp;
        final AtomicInteger users = new AtomicInteger();
        final AtomicBoolean retired = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();

        Opened(KnowledgeBase kb, QuestionAnswerer answerer, Embedder embedder, String stamp) {
            this.kb = kb;
            this.answerer = answerer;
            this.embedder = embedder;
            this.stamp = stamp;
        }

        void retire() {
            retired.set(true);
            if (users.get() == 0) {
                closeOnce();
            }
        }

        void release() {
            if (users.decrementAndGet() == 0 && retired.get()) {
                closeOnce();
            }
        }

        private void closeOnce() {
            if (closed.compareAndSet(false, true)) {
                kb.close();
            }
        }
    }

    /** A knowledge base in use by one request; closing it lets a newer ingest's replacement close the old one. */
    public static final class Lease implements AutoCloseable {
        private final Opened opened;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Opened opened) {
            this.opened = opened;
        }

        public KnowledgeBase knowledgeBase() {
            return opened.kb;
        }

        /** The answerer with the default settings (5 sources, hybrid search). */
        public QuestionAnswerer answerer() {
            return opened.answerer;
        }

        /** The answerer citing up to {@code k} sources. */
        public QuestionAnswerer answerer(int k) {
            QuestionAnswerer standard = opened.answerer;
            return k == standard.settings().k() ? standard
                    : new QuestionAnswerer(opened.kb, opened.embedder, standard.generator(), standard.settings().withK(k));
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                opened.release();
            }
        }
    }
}
