package dev.kiln.cli.text;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.text.vectors.Corpus;
import dev.kiln.text.vectors.GloVe;
import dev.kiln.text.vectors.TrainedVectors;
import dev.kiln.text.vectors.TrainingSummary;
import dev.kiln.text.vectors.VectorFormat;
import dev.kiln.text.vectors.Word2Vec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln text vectors}: trains word2vec or GloVe vectors on a corpus file and writes them
 * in the word2vec text or binary format.
 */
@Command(name = "vectors", description = {"Train word vectors (word2vec CBOW or skip-gram, or GloVe) on a corpus and write them",
    "in the word2vec text or binary format. The corpus is plain text (each line a document) or JSON Lines (--text-field);",
    "documents are split into sentences and lower-cased words. Options left out take the algorithm's defaults",
    "(gensim's for word2vec, the Stanford reference code's for GloVe)."})
public final class VectorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "Plain text, or JSON Lines (.jsonl, .ndjson).")
    Path corpus;

    @Option(names = "--text-field", paramLabel = "NAME", description = "The text field of JSON Lines records (default: ${DEFAULT-VALUE}).")
    String textField = "text";

    @Option(names = "--algo", paramLabel = "word2vec|glove", description = "The algorithm (default: ${DEFAULT-VALUE}).")
    String algo = "word2vec";

    @Option(names = "--arch", paramLabel = "cbow|skip-gram", description = "word2vec's architecture (default: cbow, as gensim).")
    String arch;

    @Option(names = "--dim", paramLabel = "N", description = "Dimensions of a vector (default: ${DEFAULT-VALUE}).")
    int dim = 100;

    @Option(names = "--window", paramLabel = "N", description = "Context words on each side (word2vec 5, GloVe 15).")
    Integer window;

    @Option(names = "--min-count", paramLabel = "N", description = "Leave out words rarer than this (5).")
    Integer minCount;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the corpus (word2vec 5, GloVe 25).")
    Integer epochs;

    @Option(names = "--sample", paramLabel = "T", description = "word2vec's sub-sampling threshold; 0 keeps every word (1e-3).")
    Double sample;

    @Option(names = "--negative", paramLabel = "N", description = "word2vec's noise words per example (5).")
    Integer negative;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: Kiln's thread count).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the initial vectors and the random draws (1).")
    Long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the vectors.")
    Path out;

    @Option(names = "--format", paramLabel = "text|binary", description = "File format (default: binary for a .bin file, text otherwise).")
    String format;

    @Option(names = "--json", description = "Print one JSON object instead of a summary.")
    boolean json;

    @Override
    public Integer call() {
        VectorFormat fileFormat = format == null ? VectorFormat.forFile(out) : VectorFormat.parse(format);
        Trainer trainer = trainer();
        long t0 = System.nanoTime();
        Corpus text = Corpus.read(corpus, textField);
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        TrainedVectors trained = trainer.train().apply(text);
        long t1 = System.nanoTime();
        trained.vectors().write(out, fileFormat);
        double writeSeconds = (System.nanoTime() - t1) / 1e9;
        TrainingSummary s = trained.summary();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("algo", s.algorithm());
        result.put("corpus", corpus.toString());
        result.put("sentences", text.sentenceCount());
        result.put("tokens", text.tokenCount());
        result.put("vocabulary_size", s.vocabularySize());
        result.put("dimension", dim);
        result.put("params", trainer.params());
        result.put("trained_words", s.trainedWords());
        result.put("words_per_second", s.wordsPerSecond());
        if (!s.epochLosses().isEmpty()) {
            result.put("epoch_losses", s.epochLosses());
        }
        result.put("timings", Map.of("read_seconds", readSeconds, "fit_seconds", s.seconds(), "write_seconds", writeSeconds));
        result.put("out", out.toString());
        result.put("format", fileFormat.name().toLowerCase(Locale.ROOT));
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), result);
            return 0;
        }
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s on %s: %,d sentences, %,d tokens%n", s.algorithm(), corpus, text.sentenceCount(), text.tokenCount());
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("vocabulary", String.format(Locale.ROOT, "%,d words of %,d", s.vocabularySize(), text.distinctWords()));
        shown.put("dimension", dim);
        shown.put("trained words", String.format(Locale.ROOT, "%,d", s.trainedWords()));
        shown.put("words/s", String.format(Locale.ROOT, "%,.0f", s.wordsPerSecond()));
        shown.put("fit seconds", s.seconds());
        if (!s.epochLosses().isEmpty()) {
            shown.put("final cost", s.epochLosses().get(s.epochLosses().size() - 1));
        }
        w.print(Table.keyValues(shown));
        w.println("written: " + out + " (" + fileFormat.name().toLowerCase(Locale.ROOT) + ")");
        return 0;
    }

    /** A configured trainer and the parameters it runs with, as shown in the output. */
    private record Trainer(Function<Corpus, TrainedVectors> train, Map<String, Object> params) {
    }

    private Trainer trainer() {
        int workers = threads != null ? threads : Parallelism.threads();
        return switch (algo.toLowerCase(Locale.ROOT)) {
            case "word2vec" -> {
                Word2Vec.Params d = Word2Vec.Params.defaults();
                Word2Vec.Params p = new Word2Vec.Params(architecture(), dim, or(window, d.window()), or(minCount, d.minCount()),
                        sample != null ? sample : d.sample(), or(negative, d.negative()), d.alpha(), d.minAlpha(),
                        or(epochs, d.epochs()), workers, seed != null ? seed : d.seed());
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("architecture", p.architecture().label());
                shown.put("window", p.window());
                shown.put("min_count", p.minCount());
                shown.put("sample", p.sample());
                shown.put("negative", p.negative());
                shown.put("alpha", p.alpha());
                shown.put("min_alpha", p.minAlpha());
                shown.put("epochs", p.epochs());
                shown.put("workers", p.workers());
                shown.put("seed", p.seed());
                yield new Trainer(new Word2Vec(p)::train, shown);
            }
            case "glove" -> {
                if (sample != null || negative != null || arch != null) {
                    throw new IllegalArgumentException("--sample, --negative and --arch are word2vec's options; GloVe has none of them");
                }
                GloVe.Params d = GloVe.Params.defaults();
                GloVe.Params p = new GloVe.Params(dim, or(window, d.window()), or(minCount, d.minCount()), d.xMax(), d.alpha(),
                        d.learningRate(), or(epochs, d.epochs()), d.gradientClip(), workers, seed != null ? seed : d.seed());
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("window", p.window());
                shown.put("min_count", p.minCount());
                shown.put("x_max", p.xMax());
                shown.put("alpha", p.alpha());
                shown.put("learning_rate", p.learningRate());
                shown.put("epochs", p.epochs());
                shown.put("workers", p.workers());
                shown.put("seed", p.seed());
                yield new Trainer(new GloVe(p)::train, shown);
            }
            default -> throw new IllegalArgumentException("--algo must be word2vec or glove, got '" + algo + "'");
        };
    }

    private Word2Vec.Architecture architecture() {
        return switch (arch == null ? "cbow" : arch.toLowerCase(Locale.ROOT)) {
            case "cbow" -> Word2Vec.Architecture.CBOW;
            case "skip-gram", "skipgram", "sg" -> Word2Vec.Architecture.SKIP_GRAM;
            default -> throw new IllegalArgumentException("--arch must be cbow or skip-gram, got '" + arch + "'");
        };
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
