package dev.kiln.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bench.MachineDescription;
import dev.kiln.bench.ResultSections;
import dev.kiln.bench.text.EncoderScaling;
import dev.kiln.search.exact.ExactIndex;
import dev.kiln.search.exact.Hit;
import dev.kiln.search.index.IndexSettings;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageHit;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.text.encode.EncoderModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code ./kiln bench search}: exact and HNSW nearest-neighbour search over 100,000 × 384 vectors,
 * single-threaded, beside faiss and hnswlib, on random unit vectors and on all-MiniLM-L6-v2
 * embeddings of sentences (see {@link SearchData}). Kiln's rows: {@link ExactIndex}; a
 * {@link PassageIndex} built as {@code kiln index build} builds one (M 16, beam 100, one segment,
 * efSearch calibrated to recall@10 0.99) searched at its calibrated efSearch and at fixed ones; and
 * Lucene's own {@link KnnFloatVectorQuery} on that index without loading stored passages. The peers
 * run in {@code kiln-bench/peers/search_side.py} on the same vectors and ground truth. Every
 * configuration searches the queries once to warm up, then {@value #PASSES} times; the fastest
 * pass counts. Writes section "search" of {@code kiln-bench/results/embeddings.md}, and section
 * "encoder-scale" (the sentence encoder beside langchain4j on 1,000 and 10,000 texts) unless
 * {@code --no-encoder}.
 *
 * <p>Arguments: {@code [--n N] [--queries Q] [--ef A,B,…] [--datasets random,real] [--no-peers]
 * [--no-encoder] [--out FILE]} (smaller N for a quick look; the report says what ran).
 */
public final class SearchComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final int PASSES = 3;
    /** A configuration whose warm-up pass takes longer than this is timed over one more pass instead of {@link #PASSES}. */
    static final double LONG_PASS_SECONDS = 20;
    private static final int ADD_BATCH = 128;
    /** Lucene's bare query is timed at the calibrated efSearch and at the fixed ones up to this (to keep the run short). */
    private static final int RAW_MAX_EF = 1024;
    private static final long RANDOM_SEED = 42;
    private static final long SHUFFLE_SEED = 42;
    private static final Path WORK = Path.of("kiln-bench/target/search-bench");
    private static final Path DATASETS = Path.of("../shared/datasets");
    private static final String SECTION = "search";
    private static final String TITLE = "Sentence embeddings: Kiln beside langchain4j";
    /** Lucene's messages about its use of the Vector API, kept for the report. */
    private static final List<String> LUCENE_VECTOR_LOG = new ArrayList<>();

    private SearchComparison() {
    }

    /** One configuration's outcome. {@code ef} is null for exact search; sizes in bytes, or -1. */
    record Row(String dataset, String system, String method, Integer ef, double recall, double qps, int passes, double buildSeconds,
               double buildCpuSeconds, String buildThreads, long sizeBytes, String notes) {
    }

    /** What the default index's build and calibration took. */
    record Build(double addSeconds, double mergeSeconds, double cpuSeconds, double callerCpuSeconds, int segmentsBeforeMerge,
                 int segmentsAfter, double calibrationSeconds, PassageIndex.Calibration calibration, long totalBytes,
                 String files) {
        double seconds() {
            return addSeconds + mergeSeconds;
        }
    }

    record DatasetResult(SearchData.Dataset data, List<Row> rows, Build build, String loadBefore, String loadAfter) {
    }

    public static void main(String[] args) throws Exception {
        int n = 100_000;
        int q = 1_000;
        int[] efs = {16, 64, 100, 256, 1024, 2048};
        List<String> datasets = List.of("random", "real");
        boolean peers = true;
        boolean encoder = true;
        Path out = Path.of("kiln-bench/results/embeddings.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--queries" -> q = Integer.parseInt(args[++i]);
                case "--ef" -> efs = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--datasets" -> datasets = List.of(args[++i].split(","));
                case "--no-peers" -> peers = false;
                case "--no-encoder" -> encoder = false;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; use [--n N] [--queries Q] "
                        + "[--ef A,B,…] [--datasets random,real] [--no-peers] [--no-encoder] [--out FILE]");
            }
        }
        if (!Files.isDirectory(DATASETS.resolve("jane_austen"))) {
            System.err.println("bench search: " + DATASETS.toAbsolutePath().normalize() + " is missing; it needs shared/datasets "
                    + "(jane_austen, sotu, sentiment_labelled_sentences, spam_assassin)");
            System.exit(2);
        }
        captureLuceneVectorLog();
        String command = "./kiln bench search" + (args.length > 0 ? " " + String.join(" ", args) : "");
        String loadStart = loadAverage();
        long started = System.nanoTime();
        Files.createDirectories(WORK);
        List<DatasetResult> results = new ArrayList<>();
        SearchData.RealProvenance[] provenance = new SearchData.RealProvenance[1];
        List<String> realTexts = null;
        PeerInfo peerInfo = new PeerInfo();
        for (String name : datasets) {
            SearchData.Dataset data = switch (name) {
                case "random" -> SearchData.random(n, q, RANDOM_SEED);
                case "real" -> SearchData.real(DATASETS, WORK, n, q, SHUFFLE_SEED, provenance);
                default -> throw new IllegalArgumentException("unknown data set '" + name + "'; use random and/or real");
            };
            if (name.equals("real")) {
                realTexts = data.texts();
            }
            String loadBefore = loadAverage();
            System.err.printf(Locale.ROOT, "search: %s, %,d × %d, %,d queries; load %s%n", name, data.n(), SearchData.DIMENSION,
                    data.q(), loadBefore);
            List<Row> rows = new ArrayList<>();
            Build build = kilnSide(data, efs, rows);
            if (peers) {
                SearchData.writeForPeers(data, WORK);
                TreeSet<Integer> peerEfs = new TreeSet<>();
                Arrays.stream(efs).forEach(peerEfs::add);
                peerEfs.add(build.calibration().efSearch());
                peerSide(data, peerEfs, rows, peerInfo);
            }
            results.add(new DatasetResult(data, rows, build, loadBefore, loadAverage()));
        }
        double searchMinutes = (System.nanoTime() - started) / 60e9;
        String loadEnd = loadAverage();
        String body = report(results, provenance[0], peerInfo, efs, command, loadStart, loadEnd, searchMinutes, peers);
        ResultSections.write(out, TITLE, SECTION, body);
        System.out.println(body);
        if (encoder) {
            List<String> sentences = realTexts != null ? realTexts : SearchData.real(DATASETS, WORK, n, q, SHUFFLE_SEED, provenance).texts();
            String encoderBody = EncoderScaling.section(sentences, command);
            ResultSections.write(out, TITLE, "encoder-scale", encoderBody);
            System.out.println(encoderBody);
        }
        System.err.printf(Locale.ROOT, "search: done in %.1f minutes%n", (System.nanoTime() - started) / 60e9);
    }

    /** Kiln's rows for one data set; returns the default index's build. */
    private static Build kilnSide(SearchData.Dataset data, int[] efs, List<Row> rows) throws IOException {
        float[][] queries = new float[data.q()][];
        for (int i = 0; i < data.q(); i++) {
            queries[i] = data.query(i);
        }
        String name = data.name();

        // Exact search.
        List<String> ids = new ArrayList<>(data.n());
        for (int i = 0; i < data.n(); i++) {
            ids.add(Integer.toString(i));
        }
        float[][] vectors = data.rows();
        long t0 = System.nanoTime();
        long c0 = OS.getProcessCpuTime();
        ExactIndex exact = ExactIndex.of(ids, vectors);
        double exactBuild = (System.nanoTime() - t0) / 1e9;
        double exactCpu = (OS.getProcessCpuTime() - c0) / 1e9;
        Measured m = measure(data, i -> exact.search(queries[i], SearchData.K).stream().mapToInt(Hit::index).toArray());
        rows.add(new Row(name, "Kiln", "ExactIndex (SIMD dot products, one query at a time)", null, m.recall, m.qps, m.passes, exactBuild,
                exactCpu, "1", 4L * data.n() * SearchData.DIMENSION, "vectors copied to unit length into one float[]"));
        progress(rows);

        // The index as `kiln index build` makes it: IndexCatalog.build's steps, timed one by one.
        Path dir = WORK.resolve(name + "-index");
        deleteTree(dir);
        IndexSettings settings = IndexSettings.of(SearchData.DIMENSION, EncoderModel.ALL_MINILM_L6_V2.name());
        Build build;
        long callerCpu0 = THREADS.getCurrentThreadCpuTime();
        c0 = OS.getProcessCpuTime();
        t0 = System.nanoTime();
        try (PassageIndex index = PassageIndex.create(dir, settings)) {
            for (int from = 0; from < data.n(); from += ADD_BATCH) {
                int to = Math.min(data.n(), from + ADD_BATCH);
                List<Passage> passages = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    passages.add(new Passage(ids.get(i), data.texts().get(i)));
                }
                index.add(passages, Arrays.copyOfRange(vectors, from, to));
            }
            double addSeconds = (System.nanoTime() - t0) / 1e9;
            long cpuAdd = OS.getProcessCpuTime() - c0;
            long callerAdd = THREADS.getCurrentThreadCpuTime() - callerCpu0;
            int segmentsBefore = index.segments();
            callerCpu0 = THREADS.getCurrentThreadCpuTime();
            c0 = OS.getProcessCpuTime();
            t0 = System.nanoTime();
            index.optimize();
            double mergeSeconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuAdd + OS.getProcessCpuTime() - c0) / 1e9;
            double callerCpu = (callerAdd + THREADS.getCurrentThreadCpuTime() - callerCpu0) / 1e9;
            t0 = System.nanoTime();
            PassageIndex.Calibration calibration = index.calibrate(PassageIndex.DEFAULT_TARGET_RECALL, PassageIndex.CALIBRATION_QUERIES, 42);
            double calibrationSeconds = (System.nanoTime() - t0) / 1e9;
            build = new Build(addSeconds, mergeSeconds, cpu, callerCpu, segmentsBefore, index.segments(), calibrationSeconds, calibration,
                    bytes(dir), filesByExtension(dir));
        }
        System.err.printf(Locale.ROOT, "search: %s index built in %.1f s (add %.1f, merge %.1f; %d segments before the merge); "
                        + "calibrated efSearch %d (recall %.4f) in %.1f s%n", name, build.seconds(), build.addSeconds, build.mergeSeconds,
                build.segmentsBeforeMerge, build.calibration.efSearch(), build.calibration.recall(), build.calibrationSeconds);
        vectors = null;

        // searchDense at the calibrated efSearch, then at fixed ones (set in the index's manifest).
        int chosen = build.calibration.efSearch();
        TreeSet<Integer> all = new TreeSet<>();
        all.add(chosen);
        Arrays.stream(efs).forEach(all::add);
        for (int ef : all) {
            setEfSearch(dir, ef);
            try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
                m = measure(data, i -> {
                    List<PassageHit> hits = index.searchDense(queries[i], SearchData.K, MetadataFilter.none());
                    int[] found = new int[hits.size()];
                    for (int j = 0; j < found.length; j++) {
                        found[j] = Integer.parseInt(hits.get(j).passage().id());
                    }
                    return found;
                });
            }
            boolean isDefault = ef == chosen;
            rows.add(new Row(name, "Kiln", isDefault ? "PassageIndex.searchDense, **as `kiln index build` makes it**"
                    : "PassageIndex.searchDense", ef, m.recall, m.qps, m.passes, build.seconds(), build.cpuSeconds, "1 (+ merges)",
                    build.totalBytes, isDefault ? String.format(Locale.ROOT, "calibrated efSearch; + %.1f s calibration",
                    build.calibrationSeconds) : "loads each hit's stored passage"));
            progress(rows);
        }
        setEfSearch(dir, chosen);

        // Lucene's own query on the same index: no stored fields, the top 10 collected.
        try (Directory directory = FSDirectory.open(dir.resolve("lucene")); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int[] rowOf = new int[reader.maxDoc()];
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < rowOf.length; doc++) {
                rowOf[doc] = Integer.parseInt(stored.document(doc, java.util.Set.of("id")).get("id"));
            }
            for (int ef : all) {
                if (ef > RAW_MAX_EF && ef != chosen) {
                    continue;
                }
                m = measure(data, i -> {
                    try {
                        TopDocs top = searcher.search(new KnnFloatVectorQuery("vector", queries[i], Math.max(ef, SearchData.K)),
                                SearchData.K);
                        int[] found = new int[top.scoreDocs.length];
                        int j = 0;
                        for (ScoreDoc sd : top.scoreDocs) {
                            found[j++] = rowOf[sd.doc];
                        }
                        return found;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                rows.add(new Row(name, "Lucene 10.3.2", "KnnFloatVectorQuery on the same index, top 10, no stored fields", ef, m.recall,
                        m.qps, m.passes, build.seconds(), build.cpuSeconds, "1 (+ merges)", build.totalBytes, ""));
                progress(rows);
            }
        }
        deleteTree(dir);
        return build;
    }

    private record Measured(double recall, double qps, int passes) {
    }

    /**
     * Searches every query once to warm up, then {@value #PASSES} times on this thread (once when the
     * warm-up pass took over {@value #LONG_PASS_SECONDS} s); the fastest pass and the last results.
     */
    private static Measured measure(SearchData.Dataset data, IntFunction<int[]> search) {
        int q = data.q();
        int[][] found = new int[q][];
        long w0 = System.nanoTime();
        for (int i = 0; i < q; i++) {
            found[i] = search.apply(i);
        }
        int passes = (System.nanoTime() - w0) / 1e9 > LONG_PASS_SECONDS ? 1 : PASSES;
        double best = Double.MAX_VALUE;
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < q; i++) {
                found[i] = search.apply(i);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return new Measured(recall(found, data.truth()), q / best, passes);
    }

    static double recall(int[][] found, int[][] truth) {
        long hits = 0;
        for (int i = 0; i < truth.length; i++) {
            java.util.Set<Integer> gold = new java.util.HashSet<>();
            for (int t : truth[i]) {
                gold.add(t);
            }
            for (int j = 0; j < Math.min(SearchData.K, found[i].length); j++) {
                hits += gold.contains(found[i][j]) ? 1 : 0;
            }
        }
        return hits / ((double) SearchData.K * truth.length);
    }

    /** Rewrites hnsw.ef_search in the index's manifest: PassageIndex has no setter, and openReadOnly reads it from there. */
    private static void setEfSearch(Path dir, int ef) throws IOException {
        Path manifest = dir.resolve("kiln-index.json");
        ObjectNode root = (ObjectNode) JSON.readTree(manifest.toFile());
        ((ObjectNode) root.get("hnsw")).put("ef_search", ef);
        Files.writeString(manifest, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** The peers' versions and settings as search_side.py reports them. */
    static final class PeerInfo {
        String faiss = "?";
        String faissBuild = "?";
        String packages = "?";
        String threads = "?";
    }

    private static void peerSide(SearchData.Dataset data, TreeSet<Integer> efs, List<Row> rows, PeerInfo info)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "kiln-bench/peers/search_side.py", WORK.toString(), data.name(),
                Integer.toString(SearchData.DIMENSION)));
        efs.forEach(ef -> cmd.add(Integer.toString(ef)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("MKL_NUM_THREADS", "1");
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode node = JSON.readTree(line);
                if (node.path("kind").asText().equals("versions")) {
                    info.faiss = node.path("faiss").asText();
                    info.faissBuild = node.path("faiss_build").asText();
                    info.packages = node.path("packages").asText();
                    info.threads = "OpenMP " + node.path("omp_threads").asInt() + ", OPENBLAS_NUM_THREADS="
                            + node.path("openblas_threads_env").asText();
                    continue;
                }
                Integer ef = node.path("ef").isNull() || node.path("ef").isMissingNode() ? null : node.path("ef").asInt();
                rows.add(new Row(data.name(), node.path("system").asText(), node.path("method").asText(), ef, node.path("recall").asDouble(),
                        node.path("qps").asDouble(), node.path("passes").asInt(), node.path("build_seconds").asDouble(),
                        node.has("build_cpu_seconds") ? node.path("build_cpu_seconds").asDouble() : Double.NaN,
                        node.path("build_threads").asText(), node.path("size_bytes").asLong(), node.path("notes").asText("")));
                progress(rows);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("search_side.py failed with exit code " + p.exitValue()
                    + " (it needs /usr/bin/python3 with python3-faiss and python3-hnswlib)");
        }
    }

    private static void progress(List<Row> rows) {
        Row r = rows.get(rows.size() - 1);
        System.err.printf(Locale.ROOT, "search: %s | %s | %s | ef %s | recall@10 %.4f | %,.0f q/s%n", r.dataset, r.system, r.method,
                r.ef == null ? "-" : r.ef, r.recall, r.qps);
    }

    // ------------------------------------------------------------------------------------------ report

    static String report(List<DatasetResult> results, SearchData.RealProvenance real, PeerInfo peers, int[] efs, String command,
                         String loadStart, String loadEnd, double minutes, boolean withPeers) {
        DatasetResult first = results.get(0);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "## Vector search: exact and HNSW, %,d × %d, one thread%n%n",
                first.data.n(), SearchData.DIMENSION));
        sb.append(String.format(Locale.ROOT, "Top-10 nearest neighbours by cosine of %,d queries among %,d vectors of 384 dimensions, "
                + "searched one query at a time on one thread; recall@10 against exact search (computed apart, in double precision "
                + "for the final order). Kiln's HNSW is a `PassageIndex` built as `kiln index build` builds one (M = %d, beam width %d, "
                + "merged into one segment, efSearch calibrated by `calibrate(%.2f, %d, 42)`).%n%n", first.data.q(), first.data.n(),
                IndexSettings.DEFAULT_MAX_CONNECTIONS, IndexSettings.DEFAULT_BEAM_WIDTH, PassageIndex.DEFAULT_TARGET_RECALL,
                PassageIndex.CALIBRATION_QUERIES));

        // Summary table.
        sb.append("| data | Kiln ExactIndex q/s | Kiln HNSW default: efSearch | recall@10 | q/s | × exact | build s (+ calibration s) "
                + "| ≥ 0.98? |" + (withPeers ? " faiss HNSW at that efSearch: recall, q/s | hnswlib at that efSearch: recall, q/s |" : "")
                + "\n|---|---:|---:|---:|---:|---:|---:|---|" + (withPeers ? "---:|---:|" : "") + "\n");
        for (DatasetResult d : results) {
            Row exact = find(d.rows, "Kiln", "ExactIndex", null);
            int ef = d.build.calibration.efSearch();
            Row def = find(d.rows, "Kiln", "PassageIndex", ef);
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %d | %.4f | %,.0f | %.1f× | %.1f (+ %.1f) | %s |", d.data.name(), exact.qps,
                    ef, def.recall, def.qps, def.qps / exact.qps, d.build.seconds(), d.build.calibrationSeconds,
                    def.recall >= 0.98 ? "yes" : "**no**"));
            if (withPeers) {
                Row f = find(d.rows, "faiss", "IndexHNSWFlat", ef);
                Row h = find(d.rows, "hnswlib", "Index", ef);
                sb.append(String.format(Locale.ROOT, " %.4f, %,.0f | %.4f, %,.0f |", f.recall, f.qps, h.recall, h.qps));
            }
            sb.append("\n");
        }
        sb.append("\n").append(reading(results, withPeers)).append("\n");

        // Full tables.
        for (DatasetResult d : results) {
            sb.append("### ").append(d.data.name().equals("random") ? "Random vectors" : "Real vectors (sentence embeddings)").append("\n\n")
                    .append(d.data.description()).append(". ");
            SearchData.Neighbours nb = d.data.neighbours();
            sb.append(String.format(Locale.ROOT, "Mean cosine of a query to its nearest vector %.3f, to its 10th nearest %.3f, to any "
                    + "vector %.3f.%s%s%n%n", nb.first(), nb.tenth(), nb.anyRow(), nb.duplicateRows() == 0 ? ""
                    : String.format(Locale.ROOT, " %,d indexed vectors repeat another exactly (distinct texts that the uncased model "
                    + "reads alike, e.g. differing only in case).", nb.duplicateRows()), nb.tiesAtTenth() == 0 ? ""
                    : String.format(Locale.ROOT, " %d %s a tie within 1e-6 between the 10th and 11th nearest; recall counts the exact "
                    + "top 10 (ties to the lower row), which can cost any search up to %.4f of recall here.", nb.tiesAtTenth(),
                    nb.tiesAtTenth() == 1 ? "query has" : "queries have", nb.tiesAtTenth() / (10.0 * d.data.q()))));
            sb.append("| system | index / method | efSearch | recall@10 | queries/s | timed passes | build s | build CPU s | build threads "
                    + "| size | notes |\n|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|\n");
            List<Row> sorted = new ArrayList<>(d.rows);
            sorted.sort(Comparator.comparing((Row r) -> order(r)).thenComparing(r -> r.ef == null ? -1 : r.ef));
            for (Row r : sorted) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %,.0f | %d | %.2f | %s | %s | %s | %s |%n", r.system, r.method,
                        r.ef == null ? "–" : r.ef.toString(), r.recall, r.qps, r.passes, r.buildSeconds,
                        Double.isNaN(r.buildCpuSeconds) ? "" : String.format(Locale.ROOT, "%.1f", r.buildCpuSeconds), r.buildThreads,
                        r.sizeBytes < 0 ? "" : String.format(Locale.ROOT, "%.0f MB", r.sizeBytes / 1e6), r.notes));
            }
            Build b = d.build;
            sb.append(String.format(Locale.ROOT, "%nKiln's index: adding the %,d passages took %.1f s (%d segment%s flushed), the merge into "
                            + "one segment %.1f s; %.1f CPU s in all, %.1f of them on the calling thread (the rest: Lucene's merge thread, the "
                            + "JIT compiler, the garbage collector). Index on disk %.0f MB (%s). "
                            + "Calibration (%d smoothed-bootstrap queries; exact scores by a GEMM on %s) took %.1f s and tried efSearch ",
                    d.data.n(), b.addSeconds, b.segmentsBeforeMerge, b.segmentsBeforeMerge == 1 ? "" : "s", b.mergeSeconds, b.cpuSeconds,
                    b.callerCpuSeconds, b.totalBytes / 1e6, b.files, b.calibration.queries(), dev.kiln.core.parallel.Parallelism.threads() + " threads",
                    b.calibrationSeconds));
            List<String> ladder = new ArrayList<>();
            b.calibration.recallByEf().forEach((ef, r) -> ladder.add(String.format(Locale.ROOT, "%d → %.4f", ef, r)));
            sb.append(String.join(", ", ladder)).append(String.format(Locale.ROOT, " (recall@10 on its queries); chosen: %d. "
                    + "Load average before / after this data set: %s / %s.%n%n", b.calibration.efSearch(), d.loadBefore, d.loadAfter));
        }

        // How, where, what.
        sb.append("### How it was measured\n\n");
        sb.append("- One thread searches, one query per call, for every row but the faiss batch row: Kiln's calls on the benchmark's "
                + "thread (Lucene's `IndexSearcher` without an executor); faiss with `omp_set_num_threads(1)` (and OMP_NUM_THREADS=1, "
                + "OPENBLAS_NUM_THREADS=1); hnswlib with `set_num_threads(1)` and `knn_query(…, num_threads=1)`. The HNSW peers take "
                + "all queries in one call, which on one thread is a loop in C++ (no Python per query); faiss's flat index is timed both "
                + "one query per call (its SIMD scan, like Kiln's) and with all queries in one call (a BLAS GEMM: batched exact search, "
                + "which Kiln's `ExactIndex.search` does not offer).\n");
        sb.append(String.format(Locale.ROOT, "- Each of Kiln's configurations searches all queries once to warm the JVM up, then %d times "
                + "(once where the warm-up pass took over %.0f s); the peers, compiled code, search them %d times (once where a pass "
                + "takes over %.0f s, e.g. faiss's generic build at efSearch in the thousands). Queries/s is the fastest timed pass; "
                + "recall@10 is over all %,d queries.%n", PASSES, LONG_PASS_SECONDS, PASSES, LONG_PASS_SECONDS, results.get(0).data.q()));
        sb.append("- efSearch is the candidate list: Kiln asks Lucene for max(10, efSearch) hits (`KnnFloatVectorQuery` k = efSearch) and "
                + "keeps the best 10; faiss's `hnsw.efSearch` and hnswlib's `set_ef` keep the same list for a search of k = 10. Kiln's rows "
                + "at fixed efSearch set `hnsw.ef_search` in the index's `kiln-index.json` and reopen it (`PassageIndex` has no setter).\n");
        sb.append("- `PassageIndex.searchDense` loads each hit's stored passage (id, text; for the random vectors the text is empty, for "
                + "the real ones the sentence), as an application would; the Lucene rows run `KnnFloatVectorQuery` on the same index "
                + "through a plain `IndexSearcher` and read no stored fields, so the difference is the cost of the passages and of "
                + "collecting efSearch hits instead of 10.\n");
        sb.append("- Builds: Kiln adds the vectors from one thread in batches of " + ADD_BATCH + " (as `kiln index build` does), then "
                + "`optimize()` merges the segments on Lucene's merge thread while the caller waits; build s is adding + merging, "
                + "calibration apart; the graph is built as vectors arrive and rebuilt by the merge. faiss and hnswlib build on one "
                + "thread (faiss with efConstruction 100 and its default L2 metric, which orders unit vectors as cosine does; hnswlib "
                + "with space 'ip', M 16, ef_construction 100). faiss's generic build takes minutes for this (table), so "
                + "search_side.py keeps its HNSW index in `kiln-bench/target/search-bench/` keyed by the vectors' SHA-256 and a later "
                + "run reads it instead of building again; its build s and the note then come from the run that built it. Size: Kiln's "
                + "index directory on disk (vectors, graph, stored passages, BM25 postings; one flushed segment stays one compound "
                + "file, .cfs), faiss's serialised index, hnswlib's saved index.\n");
        sb.append("- Build CPU s is the process's CPU time over all its threads (for Python, `time.process_time`).\n");
        if (real != null) {
            sb.append(String.format(Locale.ROOT, "- Real sentences: every text of the corpora split by `SentenceSplitter.english()`, white "
                            + "space collapsed, sentences of fewer than %d words or more than %,d characters left out (%,d kept), exact "
                            + "duplicates dropped (%,d distinct; a sentence in two corpora counts for the first), shuffled with "
                            + "`java.util.Random(%d)`: the first %,d are indexed, the next %,d are the queries. By corpus (indexed / queries): ",
                    SearchData.MIN_WORDS, SearchData.MAX_CHARS, real.poolBeforeDedupe(), real.pool(), SHUFFLE_SEED, first.data.n(),
                    first.data.q()));
            List<String> parts = new ArrayList<>();
            real.byCorpus().forEach((c, counts) -> parts.add(String.format(Locale.ROOT, "%s %,d / %,d", c, counts[0], counts[1])));
            sb.append(String.join(", ", parts)).append(". ");
            String cacheDir = "`kiln-bench/target/search-bench/embeddings-" + first.data.n() + "-" + first.data.q() + "/`";
            sb.append(real.cached() ? "The embeddings were read from the cache in " + cacheDir + " (written by an earlier run from the "
                    + "same sentences, model file and encoder settings; computing them takes about 3.5 minutes).\n"
                    : String.format(Locale.ROOT, "The embeddings were computed in this run (%.0f s, %.0f sentences/s, 2 threads) and cached "
                    + "in %s.%n", real.embedSeconds(), (first.data.n() + first.data.q()) / real.embedSeconds(), cacheDir));
            sb.append("- Model file SHA-256: `").append(real.modelSha256()).append("`.\n");
        }
        sb.append("\n### Versions and machine\n\n");
        sb.append("- Lucene 10.3.2 (kiln-search's), ")
                .append(LUCENE_VECTOR_LOG.isEmpty() ? "no message from Lucene about the Vector API"
                        : "Lucene says: \"" + String.join("\"; \"", LUCENE_VECTOR_LOG) + "\"")
                .append("\n");
        if (withPeers) {
            sb.append("- faiss ").append(peers.faiss).append(" and hnswlib from Debian (").append(peers.packages)
                    .append("), run by /usr/bin/python3; faiss's compile options: `").append(peers.faissBuild)
                    .append("` (the generic build, without faiss's AVX2 kernels; its Python loader finds no AVX2 module in the "
                            + "package); ").append(peers.threads).append(". Both are Debian builds for baseline x86-64: hnswlib's "
                            + "library holds no AVX or AVX-512 instruction (objdump), so its distances run on 128-bit SSE, where "
                            + "Lucene's run on 512-bit vectors (below). Builds for this CPU (e.g. `-march=native`, or faiss's AVX2 "
                            + "wheels) would be faster; these are the installed ones.\n");
        }
        sb.append(MachineDescription.markdown()).append("\n");
        sb.append(String.format(Locale.ROOT, "- Load average (1, 5, 15 min) at the start: %s; at the end: %s. The machine's 2 cores are shared "
                + "with other work.%n", loadStart, loadEnd));
        sb.append(String.format(Locale.ROOT, "- Run on %s; the search part took %.1f minutes.%n%n```%n%s%n```%n", LocalDate.now(), minutes,
                command));
        return sb.toString();
    }

    /** The generated reading of the results. */
    private static String reading(List<DatasetResult> results, boolean withPeers) {
        StringBuilder sb = new StringBuilder();
        for (DatasetResult d : results) {
            Row exact = find(d.rows, "Kiln", "ExactIndex", null);
            int ef = d.build.calibration.efSearch();
            Row def = find(d.rows, "Kiln", "PassageIndex", ef);
            List<Row> curve = d.rows.stream().filter(r -> r.system.equals("Kiln") && r.method.startsWith("PassageIndex"))
                    .sorted(Comparator.comparing(r -> r.ef)).toList();
            Row least = curve.stream().filter(r -> r.recall >= 0.98).findFirst().orElse(null);
            sb.append(String.format(Locale.ROOT, "**%s:** calibration chose efSearch %d (recall@10 %.4f on its 200 bootstrap queries); on "
                            + "the %,d fresh queries that gives recall@10 %.4f at %,.0f queries/s, %.1f× exact search (%,.0f queries/s)",
                    d.data.name().equals("random") ? "Random vectors" : "Sentence embeddings", ef, d.build.calibration.recall(),
                    d.data.q(), def.recall, def.qps, def.qps / exact.qps, exact.qps));
            if (least != null && least.ef != ef) {
                sb.append(String.format(Locale.ROOT, "; of the fixed values, efSearch %d is the smallest to reach 0.98 (%.4f, %,.0f queries/s, "
                        + "%.1f× exact)", least.ef, least.recall, least.qps, least.qps / exact.qps));
            } else if (least == null) {
                sb.append("; no efSearch tried reaches 0.98");
            }
            Row at100 = curve.stream().filter(r -> r.ef == IndexSettings.DEFAULT_EF_SEARCH).findFirst().orElse(null);
            if (at100 != null && IndexSettings.DEFAULT_EF_SEARCH != ef) {
                sb.append(String.format(Locale.ROOT, "; the uncalibrated default efSearch %d gives %.4f", IndexSettings.DEFAULT_EF_SEARCH,
                        at100.recall));
            }
            Row raw = find(d.rows, "Lucene 10.3.2", "KnnFloatVectorQuery", ef);
            sb.append(String.format(Locale.ROOT, ". Lucene's bare query at the same efSearch runs %,.0f queries/s, so loading passages "
                    + "costs %.0f %% of a search there", raw.qps, 100 * (1 - def.qps / raw.qps)));
            if (withPeers) {
                Row f = find(d.rows, "faiss", "IndexHNSWFlat", ef);
                Row h = find(d.rows, "hnswlib", "Index", ef);
                Row fb = find(d.rows, "faiss", "IndexFlatIP, all", null);
                sb.append(String.format(Locale.ROOT, "; faiss's HNSW and hnswlib at that efSearch: recall %.4f and %.4f at %,.0f and %,.0f "
                        + "queries/s (%.1f× and %.1f× Kiln's bare Lucene query); faiss's exact search over all queries in one "
                        + "GEMM call: %,.0f queries/s", f.recall, h.recall, f.qps, h.qps, f.qps / raw.qps, h.qps / raw.qps, fb.qps));
            }
            sb.append(".\n\n");
        }
        List<String> contrast = new ArrayList<>();
        for (DatasetResult d : results) {
            SearchData.Neighbours nb = d.data.neighbours();
            contrast.add(String.format(Locale.ROOT, "%s: nearest %.2f, 10th %.2f, any %.2f", d.data.name(), nb.first(), nb.tenth(),
                    nb.anyRow()));
        }
        sb.append("Why the two differ: random vectors in 384 dimensions have no neighbourhoods to speak of. A query's nearest vector "
                + "is barely nearer than its 10th or than the rest (mean cosines, " + String.join("; ", contrast) + "), so a greedy "
                + "walk of the graph meets many near-equal candidates and must keep a long candidate list to find the true 10: HNSW "
                + "needs an efSearch in the thousands to reach 0.98 there, and at that size it visits so much of the graph that "
                + randomVerdict(results) + ". Sentence embeddings have real neighbourhoods, a short list finds them, and "
                + "HNSW wins by a wide margin. The calibration measures which case an index is in, so `kiln index build` picks a "
                + "large efSearch only where the data need it; it does not make HNSW worth having on data like the random set, where "
                + "exact search is as fast and always right.\n");
        return sb.toString();
    }

    private static String randomVerdict(List<DatasetResult> results) {
        for (DatasetResult d : results) {
            if (d.data.name().equals("random")) {
                Row exact = find(d.rows, "Kiln", "ExactIndex", null);
                Row def = find(d.rows, "Kiln", "PassageIndex", d.build.calibration.efSearch());
                double ratio = def.qps / exact.qps;
                return String.format(Locale.ROOT, "it %s (here %.2f× exact search's queries/s at the calibrated efSearch %d)",
                        ratio < 1 ? "is slower than a plain scan" : ratio < 2 ? "keeps little of its speed over a plain scan"
                                : "keeps only part of its speed over a plain scan", ratio, d.build.calibration.efSearch());
            }
        }
        return "it gives up much of its speed over a plain scan";
    }

    private static int order(Row r) {
        return switch (r.system) {
            case "Kiln" -> r.method.startsWith("Exact") ? 0 : 1;
            case "Lucene 10.3.2" -> 2;
            case "faiss" -> r.method.startsWith("IndexFlat") ? 3 : 4;
            default -> 5;
        };
    }

    private static Row find(List<Row> rows, String system, String methodPrefix, Integer ef) {
        return rows.stream().filter(r -> r.system.equals(system) && r.method.startsWith(methodPrefix) && java.util.Objects.equals(r.ef, ef))
                .findFirst().orElseThrow(() -> new IllegalStateException("no row " + system + " " + methodPrefix + " " + ef));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long bytes(Path dir) {
        return sizesByExtension(dir).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The index's files by extension, largest first, those of 1 MB or more: "vec 154 MB, vex 13 MB, …". */
    private static String filesByExtension(Path dir) {
        List<String> parts = new ArrayList<>();
        sizesByExtension(dir).entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 1_000_000)
                .forEach(e -> parts.add(String.format(Locale.ROOT, ".%s %.0f MB", e.getKey(), e.getValue() / 1e6)));
        return String.join(", ", parts);
    }

    private static java.util.Map<String, Long> sizesByExtension(Path dir) {
        java.util.Map<String, Long> sizes = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                sizes.merge(ext, Files.size(p), Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Keeps Lucene's log lines about the Vector API (which it writes through java.util.logging) for the report. */
    private static void captureLuceneVectorLog() {
        Logger logger = Logger.getLogger("org.apache.lucene.internal.vectorization");
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (LUCENE_VECTOR_LOG) {
                    LUCENE_VECTOR_LOG.add(new java.util.logging.SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        // Keep a reference: java.util.logging holds loggers weakly.
        HELD.add(logger);
    }

    private static final List<Logger> HELD = new ArrayList<>();
}
