package dev.kiln.bench.text;

import ai.onnxruntime.OrtEnvironment;
import dev.kiln.bench.MachineDescription;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.text.encode.SentenceEncoder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Kiln's sentence encoder beside langchain4j's in-process model on 1,000 and on 10,000
 * mixed-length texts, in one JVM: the "encoder-scale" section that {@code ./kiln bench search}
 * writes. Both sides cut texts at 128 tokens (langchain4j's limit); Kiln otherwise runs its
 * defaults (2 threads, batches of 16, no spinning).
 */
public final class EncoderScaling {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final int PASSES_1K = 3;
    private static final int PASSES_10K = 2;

    private EncoderScaling() {
    }

    private record Timing(double seconds, double cpuSeconds, String load, float[][] vectors) {
    }

    /**
     * Times both encoders and returns the section's markdown. {@code sentences}: the search
     * benchmark's real sentences, 4,000 of which (evenly spaced) join the 10,000 texts.
     */
    public static String section(List<String> sentences, String command) throws IOException {
        List<String> small = EmbeddingComparison.texts();
        List<String> large = tenThousand(sentences);
        SentenceEncoder kiln = SentenceEncoder.allMiniLmL6V2(SentenceEncoder.Settings.defaults().withMaxLength(128));
        EmbeddingModel peer = Langchain4jMiniLm.model();
        Function<List<String>, float[][]> kilnEmbed = kiln::encode;
        Function<List<String>, float[][]> peerEmbed = t -> Langchain4jMiniLm.embed(peer, t);
        System.err.println("encoder-scale: warming up both encoders on 1,000 texts…");
        kilnEmbed.apply(small);
        peerEmbed.apply(small);
        Timing kilnSmall = time("Kiln, 1,000", kilnEmbed, small, PASSES_1K);
        Timing peerSmall = time("langchain4j, 1,000", peerEmbed, small, PASSES_1K);
        Timing kilnLarge = time("Kiln, 10,000", kilnEmbed, large, PASSES_10K);
        Timing peerLarge = time("langchain4j, 10,000", peerEmbed, large, PASSES_10K);

        StringBuilder sb = new StringBuilder("## Encoder on 1,000 and 10,000 texts\n\n");
        sb.append("all-MiniLM-L6-v2, Kiln's `SentenceEncoder` (its defaults: 2 ONNX Runtime threads, batches of 16, no spinning; "
                + "cut at 128 tokens) beside langchain4j's `AllMiniLmL6V2EmbeddingModel.embedAll` (its defaults: one text per call on "
                + "as many threads as cores, 128 tokens), in the same JVM, same ONNX file and ONNX Runtime ")
                .append(OrtEnvironment.getEnvironment().getVersion()).append(".\n\n");
        sb.append("| texts | Kiln texts/s | langchain4j texts/s | Kiln / langchain4j | CPU s per 1,000: Kiln, langchain4j | worst cosine "
                + "Kiln vs langchain4j | load (1 min) at each side's best pass |\n|---:|---:|---:|---:|---:|---:|---|\n");
        sb.append(line(small.size(), kilnSmall, peerSmall));
        sb.append(line(large.size(), kilnLarge, peerLarge));
        sb.append(String.format(Locale.ROOT, "%nTexts: the 1,000 of section \"encoder\" (700 labelled review sentences, 300 Jane Austen "
                + "paragraphs); the 10,000 keep that mix of short and long: the 3,000 labelled review sentences, 4,000 sentences of the "
                + "search benchmark's corpus sample (evenly spaced), 3,000 Jane Austen paragraphs (evenly spaced). Each side embedded the "
                + "1,000 once to warm up; then best of %d passes on 1,000 and of %d on 10,000 (a 10,000-text pass takes 20–40 s).%n%n",
                PASSES_1K, PASSES_10K));
        sb.append(MachineDescription.markdown()).append("\n- Run on ").append(LocalDate.now()).append("\n\n```\n").append(command)
                .append("\n```\n");
        return sb.toString();
    }

    private static String line(int texts, Timing kiln, Timing peer) {
        double worst = 1;
        for (int i = 0; i < kiln.vectors.length; i++) {
            worst = Math.min(worst, EmbeddingComparison.cosine(kiln.vectors[i], peer.vectors[i]));
        }
        return String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.2f× | %.2f, %.2f | 1 − %.1e | %s; %s |%n", texts, texts / kiln.seconds,
                texts / peer.seconds, peer.seconds / kiln.seconds, 1000 * kiln.cpuSeconds / texts, 1000 * peer.cpuSeconds / texts,
                1 - worst, kiln.load, peer.load);
    }

    private static Timing time(String what, Function<List<String>, float[][]> embed, List<String> texts, int passes) throws IOException {
        double best = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        String load = "?";
        float[][] vectors = null;
        for (int p = 0; p < passes; p++) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            vectors = embed.apply(texts);
            double seconds = (System.nanoTime() - t0) / 1e9;
            cpu = Math.min(cpu, (OS.getProcessCpuTime() - c0) / 1e9);
            if (seconds < best) {
                best = seconds;
                load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            }
        }
        System.err.printf(Locale.ROOT, "encoder-scale: %s texts: %.1f texts/s%n", what, texts.size() / best);
        return new Timing(best, cpu, load, vectors);
    }

    private static List<String> tenThousand(List<String> sentences) throws IOException {
        List<String> out = new ArrayList<>();
        Frame labelled = CsvReader.read(Path.of("kiln-text/src/test/resources/sentiment/sentences.csv"));
        for (int i = 0; i < labelled.rowCount(); i++) {
            out.add(labelled.column("text").text(i));
        }
        for (int k = 0; k < 4000; k++) {
            out.add(sentences.get((int) ((long) k * sentences.size() / 4000)));
        }
        List<String> paragraphs = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(Path.of("../shared/datasets/jane_austen/paragraphs.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                paragraphs.add(json.readTree(line).path("text").asText());
            }
        }
        for (int k = 0; k < 3000; k++) {
            out.add(paragraphs.get(k * paragraphs.size() / 3000));
        }
        return out;
    }
}
