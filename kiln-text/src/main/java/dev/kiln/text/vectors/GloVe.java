package dev.kiln.text.vectors;

import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * GloVe (Pennington, Socher and Manning 2014, "GloVe: Global Vectors for Word Representation"),
 * as the Stanford reference code computes it: co-occurrence counts X weighted 1/distance in a
 * symmetric window ({@link Cooccurrence}), then AdaGrad on Σ f(X_ij)·(w_iᵀw̃_j + b_i + b̃_j −
 * log X_ij)² with f(x) = min(1, (x/x_max)^α), over the non-zero entries in one fixed shuffled
 * order, each element's step clipped to ±{@code gradientClip}. A word's vector is w + w̃ (the
 * reference's {@code -model 2}). Training is Hogwild: worker threads take chunks of the entries
 * in turn and update the shared weights without locks; with one worker the result depends only
 * on the seed.
 */
public final class GloVe {
    private final Params params;

    public GloVe(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * Hyperparameters, with the reference code's defaults.
     *
     * @param vectorSize   dimensions of a word vector, ≥ 1 (50)
     * @param window       the farthest two words can be and still co-occur, ≥ 1 (15, {@code cooccur.c})
     * @param minCount     words rarer than this get no vector, ≥ 1 (5, as in the reference's {@code demo.sh})
     * @param xMax         counts at or above this get full weight, > 0 (100)
     * @param alpha        the exponent of the weighting function, > 0 (0.75)
     * @param learningRate AdaGrad's initial step η, > 0 (0.05)
     * @param epochs       passes over the co-occurrence entries, ≥ 1 (25)
     * @param gradientClip the largest step any one element takes before AdaGrad's scaling, > 0 (100)
     * @param workers      threads for counting and training, ≥ 1 (default: {@link Parallelism#threads()})
     * @param seed         seeds the initial vectors and the order of the entries (1)
     */
    public record Params(int vectorSize, int window, int minCount, double xMax, double alpha, double learningRate, int epochs,
                         double gradientClip, int workers, long seed) {

        public Params {
            if (vectorSize < 1) {
                throw new IllegalArgumentException("vector_size must be >= 1, got " + vectorSize);
            }
            if (window < 1) {
                throw new IllegalArgumentException("window must be >= 1, got " + window);
            }
            if (minCount < 1) {
                throw new IllegalArgumentException("min_count must be >= 1, got " + minCount);
            }
            positive("x_max", xMax);
            positive("alpha", alpha);
            positive("learning_rate", learningRate);
            positive("gradient_clip", gradientClip);
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
        }

        private static void positive(String name, double v) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
            }
        }

        /** The reference's defaults: 50 dimensions, window 15, min_count 5, x_max 100, α 0.75, η 0.05, 25 epochs, clip 100, seed 1. */
        public static Params defaults() {
            return new Params(50, 15, 5, 100, 0.75, 0.05, 25, 100, Parallelism.threads(), 1);
        }

        public Params withVectorSize(int v) {
            return new Params(v, window, minCount, xMax, alpha, learningRate, epochs, gradientClip, workers, seed);
        }

        public Params withWindow(int v) {
            return new Params(vectorSize, v, minCount, xMax, alpha, learningRate, epochs, gradientClip, workers, seed);
        }

        public Params withMinCount(int v) {
            return new Params(vectorSize, window, v, xMax, alpha, learningRate, epochs, gradientClip, workers, seed);
        }

        public Params withXMax(double v) {
            return new Params(vectorSize, window, minCount, v, alpha, learningRate, epochs, gradientClip, workers, seed);
        }

        public Params withAlpha(double v) {
            return new Params(vectorSize, window, minCount, xMax, v, learningRate, epochs, gradientClip, workers, seed);
        }

        public Params withLearningRate(double v) {
            return new Params(vectorSize, window, minCount, xMax, alpha, v, epochs, gradientClip, workers, seed);
        }

        public Params withEpochs(int v) {
            return new Params(vectorSize, window, minCount, xMax, alpha, learningRate, v, gradientClip, workers, seed);
        }

        public Params withGradientClip(double v) {
            return new Params(vectorSize, window, minCount, xMax, alpha, learningRate, epochs, v, workers, seed);
        }

        public Params withWorkers(int v) {
            return new Params(vectorSize, window, minCount, xMax, alpha, learningRate, epochs, gradientClip, v, seed);
        }

        public Params withSeed(long v) {
            return new Params(vectorSize, window, minCount, xMax, alpha, learningRate, epochs, gradientClip, workers, v);
        }
    }

    public Params params() {
        return params;
    }

    /** Trains on {@code corpus} and returns the vectors. */
    public WordVectors fit(Corpus corpus) {
        return train(corpus).vectors();
    }

    /** Counts co-occurrences in {@code corpus}, trains, reports progress, and returns the vectors with a summary. */
    public TrainedVectors train(Corpus corpus) {
        Vocabulary vocabulary = corpus.vocabulary(params.minCount());
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("no word occurs at least min_count = " + params.minCount() + " times in the corpus ("
                    + corpus.tokenCount() + " tokens, " + corpus.distinctWords() + " distinct words); lower min_count");
        }
        long started = System.nanoTime();
        Cooccurrence x;
        try (Progress progress = Progress.start("Counting co-occurrences", -1)) {
            x = Cooccurrence.count(corpus.encode(vocabulary), corpus.sentenceStarts(), params.window(), params.workers());
            progress.advance(corpus.tokenCount());
        }
        if (x.size() == 0) {
            throw new IllegalArgumentException("no two vocabulary words share a sentence within " + params.window()
                    + " words of each other; GloVe has nothing to fit");
        }
        GloVeTraining training = new GloVeTraining(params, vocabulary.size(), x);
        List<Double> losses = new ArrayList<>();
        try (Progress progress = Progress.start("Training GloVe", (long) params.epochs() * x.size())) {
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                double loss = training.epoch(progress);
                losses.add(loss);
                progress.status(String.format(Locale.ROOT, "epoch %d/%d, cost %.4f", epoch + 1, params.epochs(), loss));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        WordVectors vectors = WordVectors.of(vocabulary.words(), training.wordVectors(), params.vectorSize());
        TrainingSummary summary = new TrainingSummary("GloVe", vocabulary.size(), corpus.tokenCount(), vocabulary.totalCount(),
                seconds, losses);
        return new TrainedVectors(vectors, summary);
    }

    /** f(x) = (x/x_max)^α below x_max, 1 from there on. */
    static double weight(double x, double xMax, double alpha) {
        return x < xMax ? Math.pow(x / xMax, alpha) : 1;
    }
}
