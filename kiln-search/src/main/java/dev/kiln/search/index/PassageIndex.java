package dev.kiln.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.KilnVersion;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.progress.Progress;
import dev.kiln.search.UnitVectors;
import dev.kiln.text.encode.Embedder;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * A persistent passage index on Apache Lucene: every passage is keyword-indexed for BM25
 * (Robertson &amp; Zaragoza 2009; Lucene's English analyzer: stop words, Porter stemming) and its
 * unit-length vector goes into an HNSW graph (Malkov &amp; Yashunin 2018) for approximate
 * nearest-neighbour search, both filterable by metadata. Adding a passage whose id is present
 * replaces it. Changes are visible to searches at once and durable after {@link #commit()}
 * (Lucene commits are atomic: a crash leaves the last commit intact). Thread-safe.
 *
 * <p>On disk, a directory holding {@code kiln-index.json} (format, encoder, dimension, HNSW
 * parameters) and the Lucene index under {@code lucene/}.
 */
public final class PassageIndex implements AutoCloseable {
    static final String MANIFEST = "kiln-index.json";
    private static final String LUCENE = "lucene";
    private static final int FORMAT = 1;
    private static final String KIND = "kiln-passage-index";
    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String VECTOR = "vector";
    private static final String META = "meta.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EMBED_BATCH = 128;
    /** The recall@10 that {@link IndexCatalog#build} calibrates efSearch for, on the index's own vectors. */
    public static final double DEFAULT_TARGET_RECALL = 0.99;
    /** How many of its own vectors an index is calibrated with. */
    public static final int CALIBRATION_QUERIES = 200;

    private final Path dir;
    private volatile IndexSettings settings;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = new EnglishAnalyzer();
    /** Changes made, and changes a refreshed searcher has seen: searches refresh lazily, so bulk adds flush no tiny segments. */
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong refreshed = new AtomicLong();

    private PassageIndex(Path dir, IndexSettings settings, Directory directory, IndexWriter writer,
                         SearcherManager searchers) {
        this.dir = dir;
        this.settings = settings;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /**
     * A new, empty index in {@code dir}, which must not exist or be empty.
     *
     * @throws IllegalArgumentException when {@code dir} holds files
     */
    public static PassageIndex create(Path dir, IndexSettings settings) {
        try {
            if (Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + " is not empty; an index is created in a new directory");
                    }
                }
            }
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir.resolve(LUCENE));
            IndexWriter writer = new IndexWriter(directory, writerConfig(settings).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            writer.commit();
            writeManifest(dir, settings);
            return new PassageIndex(dir, settings, directory, writer, new SearcherManager(writer, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens the index in {@code dir} to search and change it; one process at a time may hold it writable. */
    public static PassageIndex open(Path dir) {
        return open(dir, true);
    }

    /** Opens the index in {@code dir} to search only; any number of readers may share it. */
    public static PassageIndex openReadOnly(Path dir) {
        return open(dir, false);
    }

    private static PassageIndex open(Path dir, boolean writable) {
        IndexSettings settings = readManifest(dir);
        Path lucene = dir.resolve(LUCENE);
        Directory directory = null;
        try {
            directory = FSDirectory.open(lucene);
            IndexWriter writer = null;
            SearcherManager searchers;
            if (writable) {
                writer = new IndexWriter(directory, writerConfig(settings).setOpenMode(IndexWriterConfig.OpenMode.APPEND));
                searchers = new SearcherManager(writer, null);
            } else {
                searchers = new SearcherManager(directory, null);
            }
            PassageIndex index = new PassageIndex(dir, settings, directory, writer, searchers);
            index.checkDimension();
            return index;
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IllegalArgumentException("the index in " + dir + " is open for writing in another process;"
                    + " try again when that finishes", e);
        } catch (IndexNotFoundException | NoSuchFileException e) {
            closeQuietly(directory);
            throw DataFormatException.of(lucene.toString(), "the Lucene index is missing (" + e.getMessage()
                    + "); rebuild the index");
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException e) {
            closeQuietly(directory);
            throw DataFormatException.of(lucene.toString(), "the Lucene index is damaged or of another version ("
                    + e.getMessage() + "); rebuild the index");
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return dir;
    }

    public IndexSettings settings() {
        return settings;
    }

    /** The number of passages. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /**
     * Adds {@code passages} with their {@code vectors} (any length but zero; stored at unit
     * length), replacing passages of the same ids.
     *
     * @throws IllegalArgumentException for a count or dimension mismatch, a vector with no
     *     direction or a non-finite value, or an id given twice; nothing is added then
     */
    public void add(List<Passage> passages, float[][] vectors) {
        requireWritable();
        if (passages.size() != vectors.length) {
            throw new IllegalArgumentException(passages.size() + " passages for " + vectors.length + " vectors");
        }
        List<Document> docs = new ArrayList<>(passages.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("passage id '" + p.id() + "' appears twice in one batch");
            }
            if (vectors[i].length != settings.dimension()) {
                throw new IllegalArgumentException("passage '" + p.id() + "' has a vector of " + vectors[i].length
                        + " dimensions; the index holds " + settings.dimension());
            }
            docs.add(document(p, UnitVectors.unit(vectors[i], "the vector of passage '" + p.id() + "'")));
        }
        try {
            for (int i = 0; i < docs.size(); i++) {
                writer.updateDocument(new Term(ID, passages.get(i).id()), docs.get(i));
            }
            changes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Embeds {@code passages} ({@link Passage#embeddingText()}: title and text) with {@code embedder} in batches and adds them, advancing
     * {@code progress} by one a passage.
     */
    public void add(List<Passage> passages, Embedder embedder, Progress progress) {
        if (embedder.dimension() != settings.dimension()) {
            throw new IllegalArgumentException("the embedder makes " + embedder.dimension() + "-dimensional vectors; the index in "
                    + dir + " holds " + settings.dimension());
        }
        for (int from = 0; from < passages.size(); from += EMBED_BATCH) {
            List<Passage> batch = passages.subList(from, Math.min(passages.size(), from + EMBED_BATCH));
            add(batch, embedder.embed(batch.stream().map(Passage::embeddingText).toList()));
            progress.advance(batch.size());
        }
    }

    /** Removes the passage {@code id}; false when there is none. */
    public boolean delete(String id) {
        return deleteMatching(new Term(ID, id)) > 0;
    }

    /** Removes every passage whose metadata {@code key} is {@code value}; returns how many there were. */
    public int deleteWhere(String key, String value) {
        return deleteMatching(new Term(META + key, value));
    }

    private int deleteMatching(Term term) {
        requireWritable();
        int present = withSearcher(s -> s.count(new TermQuery(term)));
        if (present > 0) {
            try {
                writer.deleteDocuments(term);
                changes.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete from the index in " + dir + ": " + e.getMessage(), e);
            }
        }
        return present;
    }

    /** The passage {@code id}, if present. */
    public Optional<Passage> get(String id) {
        return withSearcher(s -> {
            TopDocs top = s.search(new TermQuery(new Term(ID, id)), 1);
            return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(passage(s.storedFields(), top.scoreDocs[0].doc));
        });
    }

    /**
     * The stored unit vectors of the passages {@code ids} that are present, by id (for re-ranking,
     * e.g. maximal marginal relevance, without embedding the passages again).
     */
    public Map<String, float[]> vectors(java.util.Collection<String> ids) {
        return withSearcher(s -> {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (String id : ids) {
                TopDocs top = s.search(new TermQuery(new Term(ID, id)), 1);
                if (top.scoreDocs.length == 0) {
                    continue;
                }
                int doc = top.scoreDocs[0].doc;
                LeafReaderContext leaf = s.getIndexReader().leaves().get(
                        org.apache.lucene.index.ReaderUtil.subIndex(doc, s.getIndexReader().leaves()));
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                if (values == null) {
                    continue;
                }
                var it = values.iterator();
                if (it.advance(doc - leaf.docBase) == doc - leaf.docBase) {
                    out.put(id, values.vectorValue(it.index()).clone());
                }
            }
            return out;
        });
    }

    /** Hands every passage of the index to {@code action}, in index order. */
    public void forEach(Consumer<Passage> action) {
        withSearcher(s -> {
            StoredFields stored = s.storedFields();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live == null || live.get(d)) {
                        action.accept(passage(stored, leaf.docBase + d));
                    }
                }
            }
            return null;
        });
    }

    /** Makes every change so far durable. */
    public void commit() {
        requireWritable();
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Merges the index into one segment, so a search walks one HNSW graph instead of one per
     * segment (faster queries, at the cost of rebuilding the graph once), and commits.
     */
    public void optimize() {
        requireWritable();
        try {
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #calibrate} measured: the efSearch chosen and recall@10 at each candidate value tried. */
    public record Calibration(int efSearch, double recall, int queries, Map<Integer, Double> recallByEf) {
    }

    /**
     * Sets efSearch to the smallest value whose recall@10 against exact search reaches
     * {@code targetRecall}, and records it in the manifest. How many candidates HNSW needs depends
     * on the data (embeddings of real text need few, vectors with no structure many), so it is
     * measured: each of {@code samples} queries is a stored vector moved, in a random direction, as
     * far as that vector's nearest neighbour lies from it (a smoothed-bootstrap draw from the data,
     * not a point of the graph, which would flatter the search).
     */
    public Calibration calibrate(double targetRecall, int samples, long seed) {
        requireWritable();
        if (!(targetRecall > 0 && targetRecall <= 1) || samples < 1) {
            throw new IllegalArgumentException("calibrate needs a target recall in (0, 1] and samples >= 1");
        }
        int k = 10;
        return withSearcher(s -> {
            int d = settings.dimension();
            int n = 0;
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                n += values == null ? 0 : values.size();
            }
            float[] all = new float[Math.multiplyExact(n, d)];
            int[] docs = new int[n];
            int at = 0;
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                Bits live = leaf.reader().getLiveDocs();
                for (int ord = 0; values != null && ord < values.size(); ord++) {
                    int doc = values.ordToDoc(ord);
                    if (live == null || live.get(doc)) {
                        System.arraycopy(values.vectorValue(ord), 0, all, at * d, d);
                        docs[at++] = leaf.docBase + doc;
                    }
                }
            }
            n = at;
            if (n <= k + 1) {
                return new Calibration(settings.efSearch(), 1.0, 0, Map.of());
            }
            int q = Math.min(samples, n);
            java.util.Random random = new java.util.Random(seed);
            int[] picks = random.ints(0, n).distinct().limit(q).toArray();
            float[] queries = new float[q * d];
            for (int i = 0; i < q; i++) {
                System.arraycopy(all, picks[i] * d, queries, i * d, d);
            }
            int[][] nearest = exactTopK(all, n, d, queries, q, picks, 1);
            for (int i = 0; i < q; i++) {
                double dot = 0;
                double[] u = new double[d];
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    dot += (double) queries[i * d + j] * all[nearest[i][0] * d + j];
                    u[j] = random.nextGaussian();
                    norm += u[j] * u[j];
                }
                double radius = Math.sqrt(Math.max(0, 2 - 2 * dot)) / Math.sqrt(norm);
                float[] moved = new float[d];
                for (int j = 0; j < d; j++) {
                    moved[j] = (float) (queries[i * d + j] + radius * u[j]);
                }
                System.arraycopy(UnitVectors.unit(moved, "a calibration query"), 0, queries, i * d, d);
            }
            int[][] truth = exactTopK(all, n, d, queries, q, null, k);
            Map<Integer, Double> byEf = new LinkedHashMap<>();
            int chosen = -1;
            double chosenRecall = 0;
            for (int ef : EF_LADDER) {
                int candidates = Math.min(Math.max(ef, k), n);
                double found = 0;
                for (int i = 0; i < q; i++) {
                    Set<Integer> gold = new HashSet<>();
                    for (int j : truth[i]) {
                        gold.add(docs[j]);
                    }
                    float[] query = java.util.Arrays.copyOfRange(queries, i * d, (i + 1) * d);
                    TopDocs top = s.search(new KnnFloatVectorQuery(VECTOR, query, candidates), k);
                    for (ScoreDoc sd : top.scoreDocs) {
                        found += gold.contains(sd.doc) ? 1 : 0;
                    }
                }
                double recall = found / ((double) k * q);
                byEf.put(candidates, recall);
                if (recall >= targetRecall || candidates >= n || ef == EF_LADDER[EF_LADDER.length - 1]) {
                    chosen = candidates;
                    chosenRecall = recall;
                    break;
                }
            }
            settings = settings.withEfSearch(chosen);
            writeManifest(dir, settings);
            if (chosen >= SLOW_EF_SEARCH) {
                LOG.warn("{}: HNSW needs efSearch {} to reach recall@10 {}; vectors with so little neighbourhood structure"
                        + " are searched about as fast, and exactly, by ExactIndex", dir, chosen, targetRecall);
            }
            return new Calibration(chosen, chosenRecall, q, byEf);
        });
    }

    /** From here on HNSW visits so much of the graph that a full scan is as fast (embeddings.md, random vectors). */
    private static final int SLOW_EF_SEARCH = 2048;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PassageIndex.class);

    private static final int[] EF_LADDER = {16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096,
        6144, 10_000};

    /** Each query's k nearest rows of {@code all} by dot product, best first; {@code exclude[i]} (if given) left out. */
    private static int[][] exactTopK(float[] all, int n, int d, float[] queries, int q, int[] exclude, int k) {
        int[][] out = new int[q][];
        int block = 32;
        float[] scores = new float[block * n];
        for (int from = 0; from < q; from += block) {
            int rows = Math.min(block, q - from);
            Blas.sgemm(false, true, rows, n, d, 1f, queries, from * d, d, all, 0, d, 0f, scores, 0, n);
            for (int r = 0; r < rows; r++) {
                int self = exclude == null ? -1 : exclude[from + r];
                int offset = r * n;
                java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(k + 1,
                        (a, b) -> Float.compare(scores[offset + a], scores[offset + b]));
                for (int j = 0; j < n; j++) {
                    if (j == self) {
                        continue;
                    }
                    if (heap.size() < k) {
                        heap.add(j);
                    } else if (scores[offset + j] > scores[offset + heap.peek()]) {
                        heap.poll();
                        heap.add(j);
                    }
                }
                int[] best = new int[heap.size()];
                for (int i = best.length - 1; i >= 0; i--) {
                    best[i] = heap.poll();
                }
                out[from + r] = best;
            }
        }
        return out;
    }

    /** The number of Lucene segments (each carries its own HNSW graph). */
    public int segments() {
        return withSearcher(s -> s.getIndexReader().leaves().size());
    }

    /**
     * The {@code k} passages whose vectors are nearest {@code query} by cosine similarity, through
     * the HNSW graph with a candidate list of {@code max(k, efSearch)}; best first.
     */
    public List<PassageHit> searchDense(float[] query, int k, MetadataFilter filter) {
        requireK(k);
        if (query.length != settings.dimension()) {
            throw new IllegalArgumentException("the query vector has " + query.length + " dimensions; the index holds "
                    + settings.dimension());
        }
        float[] unit = UnitVectors.unit(query, "the query vector");
        int candidates = Math.max(k, settings.efSearch());
        Query knn = new KnnFloatVectorQuery(VECTOR, unit, candidates, filterQuery(filter));
        return withSearcher(s -> {
            TopDocs top = s.search(knn, candidates);
            List<PassageHit> hits = new ArrayList<>(Math.min(k, top.scoreDocs.length));
            StoredFields stored = s.storedFields();
            for (int i = 0; i < Math.min(k, top.scoreDocs.length); i++) {
                ScoreDoc d = top.scoreDocs[i];
                // Lucene scores a dot product of unit vectors as (1 + cos) / 2.
                hits.add(new PassageHit(passage(stored, d.doc), 2.0 * d.score - 1.0));
            }
            return hits;
        });
    }

    /**
     * The {@code k} passages that best match the words of {@code query} by BM25 (k1 = 1.2,
     * b = 0.75); best first. A query of stop words only finds nothing.
     */
    public List<PassageHit> searchKeywords(String query, int k, MetadataFilter filter) {
        requireK(k);
        List<String> terms = analyze(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms.subList(0, Math.min(terms.size(), IndexSearcher.getMaxClauseCount() - 1))) {
            words.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
        }
        Query filterQuery = filterQuery(filter);
        Query q = filterQuery == null ? words.build()
                : new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST)
                        .add(filterQuery, BooleanClause.Occur.FILTER).build();
        return withSearcher(s -> {
            TopDocs top = s.search(q, k);
            List<PassageHit> hits = new ArrayList<>(top.scoreDocs.length);
            StoredFields stored = s.storedFields();
            for (ScoreDoc d : top.scoreDocs) {
                hits.add(new PassageHit(passage(stored, d.doc), d.score));
            }
            return hits;
        });
    }

    /** Commits pending changes (when writable) and releases the index. */
    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code dir} looks like an index (it holds {@code kiln-index.json}). */
    public static boolean isIndex(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** The settings recorded in the manifest of the index in {@code dir}. */
    public static IndexSettings readManifest(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no index directory " + dir);
        }
        if (!Files.isRegularFile(manifest)) {
            throw DataFormatException.of(dir.toString(), "not a Kiln index: " + MANIFEST + " is missing");
        }
        JsonNode root;
        try {
            root = JSON.readTree(manifest.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DataFormatException.of(manifest.toString(), "expected a JSON object (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !KIND.equals(root.path("kind").asText())) {
            throw DataFormatException.of(manifest.toString(), "expected \"kind\": \"" + KIND + "\"");
        }
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw DataFormatException.of(manifest.toString(), "/format: this Kiln reads index format " + FORMAT
                    + ", the file says " + root.path("format"));
        }
        JsonNode hnsw = root.path("hnsw");
        try {
            return new IndexSettings(required(root, "/dimension", manifest).asInt(),
                    required(root, "/encoder", manifest).asText(),
                    required(hnsw, "/hnsw/max_connections", manifest).asInt(),
                    required(hnsw, "/hnsw/beam_width", manifest).asInt(),
                    required(hnsw, "/hnsw/ef_search", manifest).asInt());
        } catch (IllegalArgumentException e) {
            throw DataFormatException.of(manifest.toString(), e.getMessage());
        }
    }

    private static JsonNode required(JsonNode node, String pointer, Path manifest) {
        JsonNode v = node.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw DataFormatException.of(manifest.toString(), pointer + ": missing");
        }
        return v;
    }

    private static void writeManifest(Path dir, IndexSettings s) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", KIND);
        root.put("format", FORMAT);
        root.put("encoder", s.encoder());
        root.put("dimension", s.dimension());
        root.put("similarity", "cosine");
        ObjectNode hnsw = root.putObject("hnsw");
        hnsw.put("max_connections", s.maxConnections());
        hnsw.put("beam_width", s.beamWidth());
        hnsw.put("ef_search", s.efSearch());
        root.put("bm25", "lucene EnglishAnalyzer, k1=1.2, b=0.75");
        root.put("kiln_version", KilnVersion.current());
        root.put("created", Instant.now().toString());
        AtomicWrite.text(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static IndexWriterConfig writerConfig(IndexSettings s) {
        KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(s.maxConnections(), s.beamWidth());
        Codec codec = new Lucene103Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return hnsw;
            }
        };
        return new IndexWriterConfig(new EnglishAnalyzer()).setCodec(codec).setRAMBufferSizeMB(256)
                .setCommitOnClose(true);
    }

    private void checkDimension() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(VECTOR);
                if (info != null && info.getVectorDimension() != settings.dimension()) {
                    throw DataFormatException.of(dir.resolve(MANIFEST).toString(), "/dimension: says "
                            + settings.dimension() + " but the stored vectors have " + info.getVectorDimension());
                }
            }
        } finally {
            searchers.release(s);
        }
    }

    private static Document document(Passage p, float[] unit) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new TextField(TEXT, p.text(), Field.Store.YES));
        if (!p.title().isBlank()) {
            doc.add(new TextField(TEXT, p.title(), Field.Store.NO));
        }
        for (Map.Entry<String, String> m : new java.util.TreeMap<>(p.metadata()).entrySet()) {
            doc.add(new StringField(META + m.getKey(), m.getValue(), Field.Store.YES));
        }
        doc.add(new KnnFloatVectorField(VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    private static Passage passage(StoredFields stored, int docId) throws IOException {
        Document doc = stored.document(docId);
        Map<String, String> metadata = new LinkedHashMap<>();
        for (IndexableField f : doc) {
            if (f.name().startsWith(META)) {
                metadata.put(f.name().substring(META.length()), f.stringValue());
            }
        }
        return new Passage(doc.get(ID), doc.get(TEXT), metadata);
    }

    private static Query filterQuery(MetadataFilter filter) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        filter.allowed().forEach((key, values) -> {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String v : values) {
                any.add(new TermQuery(new Term(META + key, v)), BooleanClause.Occur.SHOULD);
            }
            all.add(any.build(), BooleanClause.Occur.FILTER);
        });
        return all.build();
    }

    private List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> f) {
        try {
            long seen = changes.get();
            if (refreshed.get() < seen) {
                searchers.maybeRefreshBlocking();
                refreshed.accumulateAndGet(seen, Math::max);
            }
            IndexSearcher s = searchers.acquire();
            try {
                return f.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void requireWritable() {
        if (writer == null) {
            throw new IllegalStateException("the index in " + dir + " was opened read-only");
        }
    }

    private static void requireK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    private static void closeQuietly(Directory d) {
        if (d != null) {
            try {
                d.close();
            } catch (IOException ignored) {
                // the open failure is the error worth reporting
            }
        }
    }
}
