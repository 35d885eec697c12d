package dev.kiln.bench.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bench.MachineDescription;
import dev.kiln.bench.ResultSections;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.learn.selection.Fold;
import dev.kiln.learn.selection.StratifiedKFold;
import dev.kiln.text.classify.TfidfLogisticRegression;
import dev.kiln.text.classify.TfidfLogisticRegressionModel;
import dev.kiln.text.vectorize.TfidfVectorizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./kiln bench text}: tokenizing + TF-IDF throughput on two corpora and TF-IDF + logistic
 * regression fit time and 5-fold accuracy on the labelled sentences, Kiln and scikit-learn
 * ({@code kiln-bench/peers/sklearn_text.py}) side by side with their default settings, on the
 * same documents and the same folds. Writes the "tfidf" section of
 * {@code kiln-bench/results/text.md}.
 */
public final class TextComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPEAT = 5;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final Path DATASETS = Path.of("../shared/datasets");
    private static final Path SENTENCES = Path.of("kiln-text/src/test/resources/sentiment/sentences.csv");

    private TextComparison() {
    }

    @FunctionalInterface
    private interface Work {
        Object run();
    }

    public static void main(String[] args) throws Exception {
        Map<String, Path> corpora = new LinkedHashMap<>();
        corpora.put("jane_austen paragraphs", DATASETS.resolve("jane_austen/paragraphs.jsonl"));
        corpora.put("sotu speeches", DATASETS.resolve("sotu/speeches.jsonl"));
        corpora.put("labelled sentences", writeSentencesAsJsonl());
        Frame sentences = CsvReader.read(SENTENCES);
        Frame text = sentences.select(List.of("text"));
        Column label = sentences.column("label");
        List<Fold> folds = new StratifiedKFold(5, true, 42).folds(sentences.rowCount(), label);
        Path foldFile = writeFolds(folds, sentences.rowCount());

        StringBuilder rows = new StringBuilder();
        ObjectNode request = JSON.createObjectNode();
        ObjectNode paths = request.putObject("corpora");
        Map<String, double[]> kiln = new LinkedHashMap<>();
        for (Map.Entry<String, Path> c : corpora.entrySet()) {
            List<String> docs = readTexts(c.getValue());
            System.err.println("Kiln TF-IDF on " + c.getKey() + "…");
            var w = new TfidfVectorizer().fitTransform(docs);
            double seconds = best(() -> new TfidfVectorizer().fitTransform(docs));
            kiln.put(c.getKey(), new double[] {docs.size(), seconds, w.vectorizer().vocabulary().size(), w.vectors().nonZeros()});
            paths.put(c.getKey(), c.getValue().toAbsolutePath().toString());
        }
        System.err.println("Kiln TF-IDF + logistic regression…");
        double kilnFit = best(() -> new TfidfLogisticRegression().fit(text, label));
        double[] kilnAccuracy = new double[folds.size()];
        for (int k = 0; k < folds.size(); k++) {
            Fold f = folds.get(k);
            TfidfLogisticRegressionModel m = new TfidfLogisticRegression().fit(text.take(f.train()), label.take(f.train()));
            int[] predicted = m.predict(text.take(f.test())).labels();
            Column truth = label.take(f.test());
            int right = 0;
            for (int i = 0; i < predicted.length; i++) {
                right += m.classes().get(predicted[i]).equals(truth.text(i)) ? 1 : 0;
            }
            kilnAccuracy[k] = (double) right / predicted.length;
        }

        request.put("sentences", SENTENCES.toAbsolutePath().toString());
        request.put("folds", foldFile.toString());
        request.put("repeat", REPEAT);
        Path requestFile = Files.createTempFile("kiln-text-bench", ".json");
        Files.writeString(requestFile, JSON.writeValueAsString(request));
        System.err.println("scikit-learn…");
        JsonNode sk = sklearn(requestFile);

        rows.append("| data | documents | Kiln s | Kiln docs/s | sklearn s | sklearn docs/s | speed-up | Kiln terms | sklearn terms |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> e : kiln.entrySet()) {
            double[] k = e.getValue();
            JsonNode s = sk.path("corpora").path(e.getKey());
            double ss = s.path("seconds").asDouble();
            rows.append(String.format(Locale.ROOT, "| %s | %,d | %.4f | %,.0f | %.4f | %,.0f | %.2f× | %,d | %,d |%n", e.getKey(), (long) k[0],
                    k[1], k[0] / k[1], ss, k[0] / ss, ss / k[1], (long) k[2], s.path("terms").asLong()));
        }
        double skFit = sk.path("fit_seconds").asDouble();
        double[] skAccuracy = new double[folds.size()];
        for (int k = 0; k < folds.size(); k++) {
            skAccuracy[k] = sk.path("fold_accuracies").get(k).asDouble();
        }
        StringBuilder body = new StringBuilder();
        body.append("## TF-IDF and TF-IDF + logistic regression\n\n")
                .append("Each side with its default settings (`TfidfVectorizer()`, `LogisticRegression()`: smooth idf, L2 rows, ")
                .append("C = 1, L-BFGS); each side tokenizes with its own default (scikit-learn's `(?u)\\b\\w\\w+\\b` regex, Kiln's ")
                .append("WordTokenizer, which also keeps one-letter words, numbers, URLs and emoticons), so the vocabularies differ ")
                .append("slightly. Times are the best of ").append(REPEAT).append(" runs (Kiln's after two seconds of warm-up).\n\n")
                .append("### Tokenize + TF-IDF (fit_transform)\n\n").append(rows)
                .append(String.format(Locale.ROOT, "%n### TF-IDF + logistic regression on the labelled sentences (3,000)%n%n"))
                .append("| | Kiln | scikit-learn |\n|---|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| fit on all 3,000, s | %.4f | %.4f |%n", kilnFit, skFit))
                .append(String.format(Locale.ROOT, "| fit speed-up | %.2f× | |%n", skFit / kilnFit))
                .append(String.format(Locale.ROOT, "| 5-fold accuracy (same folds) | %.4f ± %.4f | %.4f ± %.4f |%n", mean(kilnAccuracy),
                        std(kilnAccuracy), mean(skAccuracy), std(skAccuracy)))
                .append("| per fold | ").append(join(kilnAccuracy)).append(" | ").append(join(skAccuracy)).append(" |\n")
                .append("\nFolds: Kiln's `StratifiedKFold(5, shuffle, seed 42)` on the label, written to a file both sides read.\n")
                .append("\nword2vec beside gensim (words/s and an analogy probe) is in [text-vectors.md](text-vectors.md) "
                        + "(`./kiln bench text-vectors`).\n")
                .append("\n### Machine\n\n").append(MachineDescription.markdown())
                .append("\n- Kiln threads: ").append(Parallelism.threads())
                .append("\n- scikit-learn ").append(sk.path("sklearn_version").asText()).append(" (Debian python3-sklearn)")
                .append("\n- Run on ").append(LocalDate.now()).append("\n\n```\n./kiln bench text\n```\n");
        Files.createDirectories(Path.of("kiln-bench/results"));
        ResultSections.write(Path.of("kiln-bench/results/text.md"), "Text: Kiln beside scikit-learn and gensim", "tfidf", body.toString());
        System.out.println(body);
    }

    private static double best(Work work) {
        long until = System.nanoTime() + WARM_UP_NANOS;
        for (int w = 0; w < 2 || System.nanoTime() < until; w++) {
            work.run();
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPEAT; r++) {
            long t0 = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static List<String> readTexts(Path jsonl) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line).path("text").asText());
                }
            }
        }
        return out;
    }

    private static Path writeSentencesAsJsonl() throws IOException {
        Frame f = CsvReader.read(SENTENCES);
        Path out = Files.createTempFile("kiln-sentences", ".jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.rowCount(); i++) {
            sb.append(JSON.writeValueAsString(Map.of("text", f.column("text").text(i)))).append('\n');
        }
        Files.writeString(out, sb);
        return out;
    }

    private static Path writeFolds(List<Fold> folds, int rows) throws IOException {
        int[] fold = new int[rows];
        for (int k = 0; k < folds.size(); k++) {
            for (int i : folds.get(k).test()) {
                fold[i] = k;
            }
        }
        StringBuilder sb = new StringBuilder("row,fold\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(fold[i]).append('\n');
        }
        Path out = Files.createTempFile("kiln-folds", ".csv");
        Files.writeString(out, sb);
        return out;
    }

    private static JsonNode sklearn(Path request) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "kiln-bench/peers/sklearn_text.py", request.toString());
        for (String v : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
            pb.environment().put(v, "2");
        }
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sklearn_text.py failed with exit code " + p.exitValue() + " (is python3-sklearn installed?)");
        }
        return JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    private static String join(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double x : v) {
            parts.add(String.format(Locale.ROOT, "%.4f", x));
        }
        return String.join(", ", parts);
    }
}
