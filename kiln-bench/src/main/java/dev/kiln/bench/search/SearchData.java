package dev.kiln.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.linalg.Blas;
import dev.kiln.text.encode.SentenceEncoder;
import dev.kiln.text.sentence.SentenceSplitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The two data sets of {@code ./kiln bench search}: iid Gaussian vectors scaled to unit length,
 * and all-MiniLM-L6-v2 embeddings of sentences from the shared corpora, each with held-out queries
 * and their exact top-10 by cosine. The embeddings are cached under {@code kiln-bench/target}.
 */
final class SearchData {
    static final int K = 10;
    static final int DIMENSION = 384;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sentences shorter than this many words are left out (mostly fragments: "Yes.", "Chapter 3"). */
    static final int MIN_WORDS = 3;
    /** Longer "sentences" are left out: e-mail bodies without punctuation, tables, signatures. */
    static final int MAX_CHARS = 1000;

    /** One data set: {@code n} base rows and {@code q} queries of unit length, the exact top-10 of each query, the base rows' texts. */
    record Dataset(String name, int n, int q, float[] base, float[] queries, int[][] truth, List<String> texts,
                   String description, Neighbours neighbours) {
        float[] query(int i) {
            return java.util.Arrays.copyOfRange(queries, i * DIMENSION, (i + 1) * DIMENSION);
        }

        float[][] rows() {
            float[][] rows = new float[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = java.util.Arrays.copyOfRange(base, i * DIMENSION, (i + 1) * DIMENSION);
            }
            return rows;
        }
    }

    /**
     * Mean cosine of the queries' nearest and 10th-nearest base rows, and of a query and a base row
     * at random; how many queries have a tie (within 1e-6) between their 10th and 11th nearest, and
     * how many base rows repeat an earlier row exactly.
     */
    record Neighbours(double first, double tenth, double anyRow, int tiesAtTenth, int duplicateRows) {
    }

    /** How the real data set came about: its sentences by corpus, the pool it was drawn from, whether the vectors came from the cache. */
    record RealProvenance(Map<String, int[]> byCorpus, int pool, int poolBeforeDedupe, boolean cached, double embedSeconds,
                          String modelSha256) {
    }

    private SearchData() {
    }

    /** {@code n + q} iid N(0, 1) vectors of {@link #DIMENSION} scaled to unit length, from {@code seed}; the last q are the queries. */
    static Dataset random(int n, int q, long seed) {
        Random random = new Random(seed);
        float[] base = gaussianUnitRows(random, n);
        float[] queries = gaussianUnitRows(random, q);
        Truth t = exactTopK(base, n, queries, q);
        List<String> texts = Collections.nCopies(n, "");
        return new Dataset("random", n, q, base, queries, t.topK, texts,
                String.format(Locale.ROOT, "%,d × %d iid N(0, 1) vectors scaled to unit length (java.util.Random, seed %d), "
                        + "%,d more drawn after them as queries", n, DIMENSION, seed, q), t.neighbours);
    }

    private static float[] gaussianUnitRows(Random random, int rows) {
        float[] out = new float[rows * DIMENSION];
        double[] v = new double[DIMENSION];
        for (int i = 0; i < rows; i++) {
            double norm = 0;
            for (int j = 0; j < DIMENSION; j++) {
                v[j] = random.nextGaussian();
                norm += v[j] * v[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < DIMENSION; j++) {
                out[i * DIMENSION + j] = (float) (v[j] / norm);
            }
        }
        return out;
    }

    /** The corpora in the order their sentences enter the pool (a sentence found in two belongs to the first). */
    static final List<String> CORPORA = List.of("jane_austen", "sotu", "sentiment_labelled_sentences", "spam_assassin");

    /**
     * Every distinct sentence of the corpora (split by Kiln's English splitter, white space
     * collapsed, {@value #MIN_WORDS}+ words, at most {@value #MAX_CHARS} characters), shuffled with
     * {@code seed}; the first n are the base rows, the next q the queries. Their embeddings by
     * {@link SentenceEncoder#allMiniLmL6V2()} (the encoder {@code kiln index build} uses) are read
     * from {@code cache} when it holds those of the same sentences and model, else computed and written there.
     */
    static Dataset real(Path datasets, Path cache, int n, int q, long seed, RealProvenance[] provenance) throws IOException {
        Map<String, String> corpusOf = new LinkedHashMap<>();
        int[] before = {0};
        SentenceSplitter splitter = SentenceSplitter.english();
        for (String corpus : CORPORA) {
            for (String text : corpusTexts(datasets, corpus)) {
                for (String s : splitter.sentences(text)) {
                    String clean = s.strip().replaceAll("\\s+", " ");
                    if (clean.length() > MAX_CHARS || words(clean) < MIN_WORDS) {
                        continue;
                    }
                    before[0]++;
                    corpusOf.putIfAbsent(clean, corpus);
                }
            }
        }
        List<String> pool = new ArrayList<>(corpusOf.keySet());
        if (pool.size() < n + q) {
            throw new IllegalStateException("the corpora give " + pool.size() + " distinct sentences; " + (n + q) + " are needed");
        }
        Collections.shuffle(pool, new Random(seed));
        List<String> baseTexts = List.copyOf(pool.subList(0, n));
        List<String> queryTexts = List.copyOf(pool.subList(n, n + q));
        Map<String, int[]> byCorpus = new LinkedHashMap<>();
        for (String c : CORPORA) {
            byCorpus.put(c, new int[2]);
        }
        baseTexts.forEach(s -> byCorpus.get(corpusOf.get(s))[0]++);
        queryTexts.forEach(s -> byCorpus.get(corpusOf.get(s))[1]++);

        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2();
        String key = sha256(String.join("\n", baseTexts) + "\n\u0000\n" + String.join("\n", queryTexts)) + " "
                + encoder.modelSha256() + " " + encoder.settings();
        cache = cache.resolve("embeddings-" + n + "-" + q);
        Path baseFile = cache.resolve("base.f32");
        Path queryFile = cache.resolve("queries.f32");
        Path keyFile = cache.resolve("key.txt");
        float[] base;
        float[] queries;
        boolean cached = Files.isRegularFile(keyFile) && Files.readString(keyFile).strip().equals(key)
                && Files.isRegularFile(baseFile) && Files.size(baseFile) == 4L * n * DIMENSION
                && Files.isRegularFile(queryFile) && Files.size(queryFile) == 4L * q * DIMENSION;
        double embedSeconds = Double.NaN;
        if (cached) {
            System.err.println("search: reusing the cached embeddings of the " + (n + q) + " sentences in " + cache
                    + " (delete " + keyFile + " to embed them again)");
            base = readFloats(baseFile, n * DIMENSION);
            queries = readFloats(queryFile, q * DIMENSION);
        } else {
            System.err.println("search: embedding " + (n + q) + " sentences with all-MiniLM-L6-v2 (several minutes; cached in "
                    + cache + " for the next run)…");
            long t0 = System.nanoTime();
            base = embed(encoder, baseTexts);
            queries = embed(encoder, queryTexts);
            embedSeconds = (System.nanoTime() - t0) / 1e9;
            Files.createDirectories(cache);
            writeFloats(baseFile, base);
            writeFloats(queryFile, queries);
            Files.writeString(keyFile, key + "\n");
        }
        provenance[0] = new RealProvenance(byCorpus, pool.size(), before[0], cached, embedSeconds, encoder.modelSha256());
        Truth t = exactTopK(base, n, queries, q);
        return new Dataset("real", n, q, base, queries, t.topK, baseTexts,
                String.format(Locale.ROOT, "all-MiniLM-L6-v2 embeddings (Kiln's SentenceEncoder, default settings: 256 tokens) of %,d "
                        + "distinct sentences of the shared corpora, and of %,d further held-out sentences as queries", n, q),
                t.neighbours);
    }

    private static int words(String s) {
        int count = 0;
        for (String w : s.split(" ")) {
            if (w.codePoints().anyMatch(Character::isLetter)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> corpusTexts(Path datasets, String corpus) throws IOException {
        List<String> out = new ArrayList<>();
        switch (corpus) {
            case "jane_austen" -> jsonl(datasets.resolve("jane_austen/paragraphs.jsonl"), out, "text");
            case "sotu" -> jsonl(datasets.resolve("sotu/speeches.jsonl"), out, "text");
            case "spam_assassin" -> jsonl(datasets.resolve("spam_assassin/messages.jsonl"), out, "subject", "body");
            case "sentiment_labelled_sentences" -> {
                Frame f = CsvReader.read(datasets.resolve("sentiment_labelled_sentences/sentences.csv"));
                for (int i = 0; i < f.rowCount(); i++) {
                    out.add(f.column("text").text(i));
                }
            }
            default -> throw new IllegalArgumentException(corpus);
        }
        return out;
    }

    private static void jsonl(Path file, List<String> out, String... fields) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode node = JSON.readTree(line);
                for (String f : fields) {
                    if (node.hasNonNull(f)) {
                        out.add(node.get(f).asText());
                    }
                }
            }
        }
    }

    private static float[] embed(SentenceEncoder encoder, List<String> texts) {
        float[] out = new float[texts.size() * DIMENSION];
        int chunk = 10_000;
        for (int from = 0; from < texts.size(); from += chunk) {
            float[][] rows = encoder.encode(texts.subList(from, Math.min(texts.size(), from + chunk)));
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(rows[i], 0, out, (from + i) * DIMENSION, DIMENSION);
            }
            System.err.printf(Locale.ROOT, "search: embedded %,d of %,d%n", Math.min(texts.size(), from + chunk), texts.size());
        }
        return out;
    }

    /** The exact top-k of each query and the neighbour statistics. */
    record Truth(int[][] topK, Neighbours neighbours) {
    }

    /**
     * Each query's {@link #K} base rows of highest cosine, best first: a float GEMM ranks all rows,
     * and the best {@code 4K} are re-scored in double precision so that float rounding does not
     * decide the order of near ties.
     */
    static Truth exactTopK(float[] base, int n, float[] queries, int q) {
        int[][] out = new int[q][];
        int block = 50;
        int shortlist = 4 * K;
        float[] scores = new float[block * n];
        double first = 0;
        double tenth = 0;
        double any = 0;
        int ties = 0;
        for (int from = 0; from < q; from += block) {
            int rows = Math.min(block, q - from);
            Blas.sgemm(false, true, rows, n, DIMENSION, 1f, queries, from * DIMENSION, DIMENSION, base, 0, DIMENSION, 0f, scores, 0, n);
            for (int r = 0; r < rows; r++) {
                int offset = r * n;
                int qi = from + r;
                Integer[] best = topByFloat(scores, offset, n, shortlist);
                double[] exact = new double[best.length];
                for (int i = 0; i < best.length; i++) {
                    double dot = 0;
                    for (int j = 0; j < DIMENSION; j++) {
                        dot += (double) queries[qi * DIMENSION + j] * base[best[i] * DIMENSION + j];
                    }
                    exact[i] = dot;
                }
                Integer[] order = new Integer[best.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (a, b) -> exact[a] != exact[b] ? Double.compare(exact[b], exact[a])
                        : Integer.compare(best[a], best[b]));
                out[qi] = new int[K];
                for (int i = 0; i < K; i++) {
                    out[qi][i] = best[order[i]];
                }
                first += exact[order[0]];
                tenth += exact[order[K - 1]];
                ties += exact[order[K - 1]] - exact[order[K]] < 1e-6 ? 1 : 0;
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += scores[offset + j];
                }
                any += sum / n;
            }
        }
        return new Truth(out, new Neighbours(first / q, tenth / q, any / q, ties, duplicateRows(base, n)));
    }

    private record Row(float[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && java.util.Arrays.equals(v, r.v);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(v);
        }
    }

    private static int duplicateRows(float[] base, int n) {
        java.util.Set<Row> seen = new java.util.HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < n; i++) {
            duplicates += seen.add(new Row(java.util.Arrays.copyOfRange(base, i * DIMENSION, (i + 1) * DIMENSION))) ? 0 : 1;
        }
        return duplicates;
    }

    private static Integer[] topByFloat(float[] scores, int offset, int n, int k) {
        java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(k + 1,
                (a, b) -> Float.compare(scores[offset + a], scores[offset + b]));
        for (int j = 0; j < n; j++) {
            if (heap.size() < k) {
                heap.add(j);
            } else if (scores[offset + j] > scores[offset + heap.peek()]) {
                heap.poll();
                heap.add(j);
            }
        }
        return heap.toArray(new Integer[0]);
    }

    /** Writes the files the Python side reads: NAME-base.f32, NAME-queries.f32, NAME-truth.i32 (little-endian). */
    static void writeForPeers(Dataset data, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeFloats(dir.resolve(data.name() + "-base.f32"), data.base());
        writeFloats(dir.resolve(data.name() + "-queries.f32"), data.queries());
        ByteBuffer b = ByteBuffer.allocate(data.q() * K * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] row : data.truth()) {
            for (int v : row) {
                b.putInt(v);
            }
        }
        b.flip();
        try (FileChannel ch = FileChannel.open(dir.resolve(data.name() + "-truth.i32"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    static float[] readFloats(Path file, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read all
            }
        }
        b.flip();
        float[] out = new float[count];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
