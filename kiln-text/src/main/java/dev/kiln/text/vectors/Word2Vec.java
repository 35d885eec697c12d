package dev.kiln.text.vectors;

import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * word2vec (Mikolov, Chen, Corrado and Dean 2013, "Efficient Estimation of Word Representations
 * in Vector Space"; Mikolov, Sutskever et al. 2013, "Distributed Representations of Words and
 * Phrases and their Compositionality"): skip-gram or CBOW (mean of the context vectors) with
 * negative sampling from the unigram distribution raised to 3/4, sub-sampling of frequent words,
 * a context window shrunk at random for each position and a learning rate falling linearly,
 * as in the original C tool and gensim. Training is Hogwild (Recht et al. 2011): worker threads
 * take chunks of about 10,000 tokens in turn and update the shared weights without locks. With
 * one worker the result depends only on the seed, bit for bit; with more it also depends on how
 * the threads' updates interleave.
 */
public final class Word2Vec {
    /** gensim's {@code MAX_WORDS_IN_BATCH}: longer sentences are trained as consecutive pieces of this many words. */
    static final int MAX_SENTENCE_WORDS = 10_000;

    private final Params params;

    public Word2Vec(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** How context predicts word: skip-gram predicts each context word from the word, CBOW the word from its context's mean. */
    public enum Architecture {
        SKIP_GRAM("skip-gram"),
        CBOW("CBOW");

        private final String label;

        Architecture(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Hyperparameters, named as gensim's {@code Word2Vec} names them, in camel case.
     *
     * @param architecture CBOW (gensim's {@code sg=0}, the default) or SKIP_GRAM ({@code sg=1})
     * @param vectorSize   dimensions of a word vector, ≥ 1 (100)
     * @param window       the most words on each side of a word that count as its context, ≥ 1 (5); at
     *                     each position a reduced window of 1 to {@code window} is drawn
     * @param minCount     words rarer than this get no vector, ≥ 1 (5)
     * @param sample       sub-sampling threshold t in [0, 1] (1e-3); a word of count c among N is kept
     *                     with probability (√(c/(tN)) + 1)·tN/c, capped at 1; 0 keeps every word
     * @param negative     noise words drawn per positive example, ≥ 1 (5)
     * @param alpha        the learning rate at the start, > 0 (0.025)
     * @param minAlpha     the learning rate at the end, in [0, alpha] (0.0001)
     * @param epochs       passes over the corpus, ≥ 1 (5)
     * @param workers      training threads, ≥ 1 (default: {@link Parallelism#threads()})
     * @param seed         seeds the initial vectors and every worker's random draws (1, as gensim)
     */
    public record Params(Architecture architecture, int vectorSize, int window, int minCount, double sample, int negative,
                         double alpha, double minAlpha, int epochs, int workers, long seed) {

        public Params {
            Objects.requireNonNull(architecture, "architecture");
            if (vectorSize < 1) {
                throw new IllegalArgumentException("vector_size must be >= 1, got " + vectorSize);
            }
            if (window < 1) {
                throw new IllegalArgumentException("window must be >= 1, got " + window);
            }
            if (minCount < 1) {
                throw new IllegalArgumentException("min_count must be >= 1, got " + minCount);
            }
            if (!(sample >= 0 && sample <= 1)) {
                throw new IllegalArgumentException("sample must be in [0, 1] (0 turns sub-sampling off), got " + sample);
            }
            if (negative < 1) {
                throw new IllegalArgumentException("negative must be >= 1 (noise words per example), got " + negative);
            }
            if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha must be a finite number > 0, got " + alpha);
            }
            if (!(minAlpha >= 0 && minAlpha <= alpha)) {
                throw new IllegalArgumentException("min_alpha must be in [0, alpha = " + alpha + "], got " + minAlpha);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
        }

        /** gensim 4's defaults (CBOW, 100 dimensions, window 5, min_count 5, sample 1e-3, negative 5, alpha 0.025 → 0.0001, 5 epochs, seed 1), on all of Kiln's threads. */
        public static Params defaults() {
            return new Params(Architecture.CBOW, 100, 5, 5, 1e-3, 5, 0.025, 0.0001, 5, Parallelism.threads(), 1);
        }

        public Params withArchitecture(Architecture v) {
            return new Params(v, vectorSize, window, minCount, sample, negative, alpha, minAlpha, epochs, workers, seed);
        }

        public Params withVectorSize(int v) {
            return new Params(architecture, v, window, minCount, sample, negative, alpha, minAlpha, epochs, workers, seed);
        }

        public Params withWindow(int v) {
            return new Params(architecture, vectorSize, v, minCount, sample, negative, alpha, minAlpha, epochs, workers, seed);
        }

        public Params withMinCount(int v) {
            return new Params(architecture, vectorSize, window, v, sample, negative, alpha, minAlpha, epochs, workers, seed);
        }

        public Params withSample(double v) {
            return new Params(architecture, vectorSize, window, minCount, v, negative, alpha, minAlpha, epochs, workers, seed);
        }

        public Params withNegative(int v) {
            return new Params(architecture, vectorSize, window, minCount, sample, v, alpha, minAlpha, epochs, workers, seed);
        }

        public Params withAlpha(double v) {
            return new Params(architecture, vectorSize, window, minCount, sample, negative, v, minAlpha, epochs, workers, seed);
        }

        public Params withMinAlpha(double v) {
            return new Params(architecture, vectorSize, window, minCount, sample, negative, alpha, v, epochs, workers, seed);
        }

        public Params withEpochs(int v) {
            return new Params(architecture, vectorSize, window, minCount, sample, negative, alpha, minAlpha, v, workers, seed);
        }

        public Params withWorkers(int v) {
            return new Params(architecture, vectorSize, window, minCount, sample, negative, alpha, minAlpha, epochs, v, seed);
        }

        public Params withSeed(long v) {
            return new Params(architecture, vectorSize, window, minCount, sample, negative, alpha, minAlpha, epochs, workers, v);
        }
    }

    public Params params() {
        return params;
    }

    /** Trains on {@code corpus} and returns the vectors. */
    public WordVectors fit(Corpus corpus) {
        return train(corpus).vectors();
    }

    /** Trains on {@code corpus}, reporting progress, and returns the vectors with a summary of the run. */
    public TrainedVectors train(Corpus corpus) {
        Vocabulary vocabulary = corpus.vocabulary(params.minCount());
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("no word occurs at least min_count = " + params.minCount() + " times in the corpus ("
                    + corpus.tokenCount() + " tokens, " + corpus.distinctWords() + " distinct words); lower min_count");
        }
        Word2VecTraining training = new Word2VecTraining(params, vocabulary, corpus.encode(vocabulary), corpus.sentenceStarts());
        long total = (long) params.epochs() * corpus.tokenCount();
        long started = System.nanoTime();
        try (Progress progress = Progress.start("Training word2vec " + params.architecture().label(), total)) {
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                progress.status(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, params.epochs()));
                training.epoch(epoch, params.workers(), progress);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        WordVectors vectors = WordVectors.of(vocabulary.words(), training.inputVectors(), params.vectorSize());
        TrainingSummary summary = new TrainingSummary("word2vec " + params.architecture().label(), vocabulary.size(),
                corpus.tokenCount(), training.effectiveWords(), seconds, List.of());
        return new TrainedVectors(vectors, summary);
    }

    /**
     * The probability that sub-sampling keeps one occurrence of a word seen {@code count} times
     * among {@code total}: (√(c/(tN)) + 1)·tN/c capped at 1, with t = {@code sample}, as in the
     * C tool and gensim; 1 when {@code sample} is 0.
     */
    static double keepProbability(long count, long total, double sample) {
        if (sample == 0) {
            return 1;
        }
        double threshold = sample * total;
        return Math.min(1, (Math.sqrt(count / threshold) + 1) * threshold / count);
    }

    /** The learning rate after {@code fraction} of all training: linear from alpha to minAlpha. */
    static double learningRate(double alpha, double minAlpha, double fraction) {
        return Math.max(minAlpha, alpha - (alpha - minAlpha) * fraction);
    }
}
