package dev.kiln.bench.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.bench.MachineDescription;
import dev.kiln.text.vectors.Corpus;
import dev.kiln.text.vectors.Neighbour;
import dev.kiln.text.vectors.TrainedVectors;
import dev.kiln.text.vectors.VectorFormat;
import dev.kiln.text.vectors.Word2Vec;
import dev.kiln.text.vectors.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * word2vec training speed and quality beside gensim's, in one run: skip-gram and CBOW with
 * gensim's default hyperparameters on Jane Austen's six novels and the State of the Union
 * addresses, two worker threads on each side. Kiln tokenises the corpus once and writes it one
 * sentence per line; both sides train on that file, so they see the same tokens. Each repeat
 * trains Kiln's models, then runs {@code kiln-bench/peers/gensim_side.py}; throughput is
 * gensim's "effective words" (in-vocabulary words kept by sub-sampling) per second of
 * {@code train()}. Both sides' last vectors answer the same {@link AnalogyProbe} and list the
 * neighbours of a few words. Writes {@code kiln-bench/results/text-vectors.md}.
 *
 * <p>Arguments: {@code [--data DIR] [--epochs N] [--repeats N] [--seed S] [cbow] [skip-gram]}.
 */
public final class TextVectorsComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROBE_WORDS = List.of("sister", "happy", "letter", "war", "congress", "money");
    private static final int WORKERS = 2;

    private TextVectorsComparison() {
    }

    /** One training run: seconds of training, effective words trained, vocabulary size. */
    record Run(double seconds, long effectiveWords, int vocabulary) {
        double wordsPerSecond() {
            return effectiveWords / seconds;
        }
    }

    /** One side's runs of one architecture and the vectors of its last run. */
    static final class Side {
        final List<Run> runs = new ArrayList<>();
        WordVectors vectors;

        Run median() {
            List<Run> sorted = runs.stream().sorted(Comparator.comparingDouble(Run::wordsPerSecond)).toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/datasets");
        int epochs = 5;
        int repeats = 3;
        long seed = 1;
        List<String> archs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "cbow", "skip-gram" -> archs.add(args[i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; use [--data DIR] [--epochs N] [--repeats N] [--seed S] [cbow] [skip-gram]");
            }
        }
        if (archs.isEmpty()) {
            archs = List.of("skip-gram", "cbow");
        }
        Path austen = data.resolve("jane_austen/paragraphs.jsonl");
        Path sotu = data.resolve("sotu/speeches.jsonl");
        for (Path p : List.of(austen, sotu)) {
            if (!Files.isRegularFile(p)) {
                System.err.println("bench text-vectors: " + p + " is missing; it needs shared/datasets/jane_austen and sotu (see their READMEs)");
                System.exit(2);
            }
        }
        String loadBefore = loadAverage();
        Path work = Files.createTempDirectory("kiln-text-vectors");
        Path tokenised = work.resolve("corpus.txt");
        Corpus.read(austen, "text").concat(Corpus.read(sotu, "text")).writeTokenised(tokenised);
        Corpus corpus = Corpus.readTokenised(tokenised);
        System.out.printf(Locale.ROOT, "corpus: %,d sentences, %,d tokens, %,d distinct words (%s)%n", corpus.sentenceCount(),
                corpus.tokenCount(), corpus.distinctWords(), tokenised);

        Map<String, Side> kiln = new LinkedHashMap<>();
        Map<String, Side> gensim = new LinkedHashMap<>();
        String gensimVersion = "?";
        for (int r = 0; r < repeats; r++) {
            for (String arch : archs) {
                Word2Vec.Params p = Word2Vec.Params.defaults().withEpochs(epochs).withWorkers(WORKERS).withSeed(seed)
                        .withArchitecture(arch.equals("skip-gram") ? Word2Vec.Architecture.SKIP_GRAM : Word2Vec.Architecture.CBOW);
                TrainedVectors t = new Word2Vec(p).train(corpus);
                Side side = kiln.computeIfAbsent(arch, a -> new Side());
                side.runs.add(new Run(t.summary().seconds(), t.summary().trainedWords(), t.summary().vocabularySize()));
                side.vectors = t.vectors();
                System.out.printf(Locale.ROOT, "repeat %d kiln %s: %,.0f words/s (%.2f s)%n", r + 1, arch,
                        t.summary().wordsPerSecond(), t.summary().seconds());
            }
            gensimVersion = gensimSide(tokenised, work, epochs, seed, archs, gensim, r + 1);
        }
        String loadAfter = loadAverage();
        try (var files = Files.list(work)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(work);
        String command = "./kiln bench text-vectors" + (args.length > 0 ? " " + String.join(" ", args) : "");
        Path out = Path.of("kiln-bench/results/text-vectors.md");
        Files.writeString(out, report(archs, kiln, gensim, corpus, epochs, repeats, gensimVersion, loadBefore, loadAfter, command));
        System.out.println(Files.readString(out));
    }

    private static String gensimSide(Path corpus, Path work, int epochs, long seed, List<String> archs, Map<String, Side> out,
                                     int repeat) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "kiln-bench/peers/gensim_side.py", corpus.toString(),
                work.toString(), Integer.toString(epochs), Long.toString(seed)));
        cmd.addAll(archs);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String version = "?";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                Side side = out.computeIfAbsent(n.path("arch").asText(), a -> new Side());
                Run run = new Run(n.path("seconds").asDouble(), n.path("effective_words").asLong(), n.path("vocabulary").asInt());
                side.runs.add(run);
                side.vectors = WordVectors.read(Path.of(n.path("vectors").asText()), VectorFormat.TEXT);
                version = n.path("gensim").asText() + " (FAST_VERSION " + n.path("fast_version").asInt() + ", compiled routines), "
                        + n.path("workers").asInt() + " workers";
                System.out.printf(Locale.ROOT, "repeat %d gensim %s: %,.0f words/s (%.2f s)%n", repeat, n.path("arch").asText(),
                        run.wordsPerSecond(), run.seconds());
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("gensim_side.py failed with exit code " + p.exitValue() + " (is python3-gensim installed?)");
        }
        return version;
    }

    static String report(List<String> archs, Map<String, Side> kiln, Map<String, Side> gensim, Corpus corpus, int epochs, int repeats,
                         String gensimVersion, String loadBefore, String loadAfter, String command) {
        StringBuilder sb = new StringBuilder("# Word vectors: word2vec beside gensim\n\n");
        sb.append(String.format(Locale.ROOT, "Corpus: Jane Austen's six novels (10,029 paragraphs) and the State of the Union addresses "
                + "1790–2021 (233 speeches), split into sentences and lower-cased words by Kiln's `Corpus` (punctuation dropped) "
                + "and written one sentence per line: %,d sentences, %,d tokens, %,d distinct words. Both sides train on that file, "
                + "held in memory. Hyperparameters: gensim's defaults on both sides — vector size 100, window 5, min_count 5, "
                + "sample 1e-3, negative 5, alpha 0.025 → 0.0001, %d epochs — and %d worker threads each. Words/s is gensim's "
                + "\"effective words\" (in-vocabulary words kept by sub-sampling, over all epochs) per second of training (building "
                + "the vocabulary is not timed on either side). Each of %d repeats trains Kiln's models and then gensim's; the table "
                + "gives the median repeat by words/s.%n%n", corpus.sentenceCount(), corpus.tokenCount(), corpus.distinctWords(), epochs,
                WORKERS, repeats));
        sb.append("| architecture | Kiln words/s | gensim words/s | Kiln / gensim | Kiln seconds | gensim seconds | vocabulary (Kiln, gensim) "
                + "| analogy probe: Kiln | analogy probe: gensim |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String a : archs) {
            Run k = kiln.get(a).median();
            Run g = gensim.get(a).median();
            AnalogyProbe.Score ks = AnalogyProbe.score(kiln.get(a).vectors);
            AnalogyProbe.Score gs = AnalogyProbe.score(gensim.get(a).vectors);
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f× | %.2f | %.2f | %,d, %,d | %.3f (%d/%d) | %.3f (%d/%d) |%n",
                    a, k.wordsPerSecond(), g.wordsPerSecond(), k.wordsPerSecond() / g.wordsPerSecond(), k.seconds(), g.seconds(),
                    k.vocabulary(), g.vocabulary(), ks.accuracy(), ks.correct(), ks.questions(), gs.accuracy(), gs.correct(),
                    gs.questions()));
        }
        sb.append("\nWords/s of every repeat:\n\n| architecture | side | ")
                .append(String.join(" | ", java.util.stream.IntStream.rangeClosed(1, repeats).mapToObj(i -> "repeat " + i).toList()))
                .append(" |\n|---|---|").append("---:|".repeat(repeats)).append("\n");
        for (String a : archs) {
            for (var side : List.of(Map.entry("Kiln", kiln.get(a)), Map.entry("gensim", gensim.get(a)))) {
                sb.append("| ").append(a).append(" | ").append(side.getKey()).append(" | ")
                        .append(side.getValue().runs.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.wordsPerSecond()))
                                .collect(Collectors.joining(" | ")))
                        .append(" |\n");
            }
        }
        sb.append("\nAnalogy probe: gender analogies \"a : b :: c : ?\" over every ordered couple of ").append(AnalogyProbe.PAIRS.size())
                .append(" pairs (he/she, his/her, man/woman, brother/sister, mr/mrs, sir/madam, …: the family pairs of Mikolov et al.'s ")
                .append("2013 analogy test set that occur here, plus Austen's forms of address), answered by 3CosAdd with the inputs left ")
                .append("out and counted correct when the top answer is d. Both sides' vectors are scored by the same Kiln code (gensim's ")
                .append("read from the word2vec text format it wrote). ")
                .append(String.format(Locale.ROOT, "A corpus of %.1f million tokens gives low absolute accuracy; ", corpus.tokenCount() / 1e6))
                .append("the probe is there to show that both sides learn comparably, not to rank them.\n\n");
        sb.append("Nearest neighbours (last repeat, cosine, top 5):\n\n| word | architecture | Kiln | gensim |\n|---|---|---|---|\n");
        for (String w : PROBE_WORDS) {
            for (String a : archs) {
                sb.append("| ").append(w).append(" | ").append(a).append(" | ").append(neighbours(kiln.get(a).vectors, w)).append(" | ")
                        .append(neighbours(gensim.get(a).vectors, w)).append(" |\n");
            }
        }
        sb.append("\n## Machine\n\n").append(MachineDescription.markdown())
                .append("\n- gensim ").append(gensimVersion).append(" (Debian python3-gensim)")
                .append("\n- Load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append(" (the machine is shared; other work ran beside the benchmark)")
                .append("\n- Run on ").append(LocalDate.now())
                .append("\n\n## Command\n\n```\n").append(command).append("\n```\n");
        return sb.toString();
    }

    private static String neighbours(WordVectors v, String word) {
        if (!v.contains(word)) {
            return "(not in vocabulary)";
        }
        List<Neighbour> near = v.nearest(word, 5);
        return near.stream().map(n -> String.format(Locale.ROOT, "%s %.2f", n.word(), n.similarity())).collect(Collectors.joining(", "));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
