package dev.kiln.text.vectors;

import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one word2vec run shared by its workers: the input vectors (syn0), the output
 * vectors of negative sampling (syn1neg), the noise and sub-sampling tables, and the tokens, cut
 * into chunks of whole sentences of about {@link #CHUNK_TOKENS} tokens. In each epoch the workers
 * take chunks in order from a shared counter, as gensim's workers take jobs from its queue, so a
 * worker whose core is busy with other work delays the epoch by at most one chunk. Chunk c of
 * epoch e draws from random stream (e, c), whichever worker trains it. {@link #train(int[], int,
 * float, Rng, float[], float[])} is the C tool's {@code TrainModelThread} for one sentence.
 */
final class Word2VecTraining {
    /** How many tokens a chunk holds at least (but the last), gensim's 10,000 words per job. */
    static final int CHUNK_TOKENS = 10_000;
    /** σ(x) tabulated on [−6, 6] in 1,000 steps, as the C tool's {@code expTable}. */
    private static final int SIGMOID_STEPS = 1000;
    private static final float MAX_EXP = 6;
    private static final float[] SIGMOID = sigmoidTable();

    private final Word2Vec.Params params;
    private final int dim;
    private final float[] syn0;
    private final float[] syn1;
    private final NegativeSampler sampler;
    /** Word i is kept when 32 random bits, as unsigned, are below keep[i]. */
    private final long[] keep;
    private final int[] tokens;
    private final int[] sentenceStarts;
    /** Chunk c holds sentences [chunkStarts[c], chunkStarts[c + 1]). */
    private final int[] chunkStarts;
    private final long totalTokens;
    private final AtomicLong tokensDone = new AtomicLong();
    private final AtomicLong effectiveWords = new AtomicLong();

    Word2VecTraining(Word2Vec.Params params, Vocabulary vocabulary, int[] tokens, int[] sentenceStarts) {
        this.params = params;
        this.dim = params.vectorSize();
        this.tokens = tokens;
        this.sentenceStarts = sentenceStarts;
        int n = vocabulary.size();
        this.syn0 = new float[n * dim];
        this.syn1 = new float[n * dim];
        Rng init = Rng.seeded(params.seed());
        for (int i = 0; i < syn0.length; i++) {
            syn0[i] = (init.nextFloat() - 0.5f) / dim;
        }
        long[] counts = new long[n];
        this.keep = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = vocabulary.count(i);
            keep[i] = Math.round(Word2Vec.keepProbability(counts[i], vocabulary.totalCount(), params.sample()) * 4294967296.0);
        }
        this.sampler = NegativeSampler.of(counts, 0.75);
        this.chunkStarts = chunks(sentenceStarts, CHUNK_TOKENS);
        this.totalTokens = (long) params.epochs() * tokens.length;
    }

    float[] inputVectors() {
        return syn0;
    }

    long effectiveWords() {
        return effectiveWords.get();
    }

    /** One pass over the corpus, on {@code workers} threads taking chunks in turn. */
    void epoch(int epoch, int workers, Progress progress) {
        AtomicInteger next = new AtomicInteger();
        Parallelism.forEachPart(workers, worker -> work(epoch, next, progress));
    }

    private void work(int epoch, AtomicInteger next, Progress progress) {
        float[] err = new float[dim];
        float[] hidden = new float[dim];
        int[] sentence = new int[Word2Vec.MAX_SENTENCE_WORDS];
        boolean subsample = params.sample() > 0;
        int chunks = chunkStarts.length - 1;
        long effective = 0;
        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
            Rng rng = Rng.seeded(params.seed()).stream((long) epoch * chunks + c);
            float alpha = alpha();
            for (int s = chunkStarts[c]; s < chunkStarts[c + 1]; s++) {
                int length = 0;
                for (int t = sentenceStarts[s]; t < sentenceStarts[s + 1]; t++) {
                    int w = tokens[t];
                    if (w < 0 || subsample && (rng.nextLong() >>> 32) >= keep[w]) {
                        continue;
                    }
                    sentence[length++] = w;
                    if (length == sentence.length) {
                        train(sentence, length, alpha, rng, err, hidden);
                        effective += length;
                        length = 0;
                    }
                }
                train(sentence, length, alpha, rng, err, hidden);
                effective += length;
            }
            int done = sentenceStarts[chunkStarts[c + 1]] - sentenceStarts[chunkStarts[c]];
            tokensDone.addAndGet(done);
            progress.advance(done);
        }
        effectiveWords.addAndGet(effective);
    }

    private float alpha() {
        return (float) Word2Vec.learningRate(params.alpha(), params.minAlpha(), (double) tokensDone.get() / totalTokens);
    }

    private void train(int[] sentence, int length, float alpha, Rng rng, float[] err, float[] hidden) {
        int window = params.window();
        boolean skipGram = params.architecture() == Word2Vec.Architecture.SKIP_GRAM;
        for (int pos = 0; pos < length; pos++) {
            int shrink = rng.nextInt(window);
            int from = Math.max(0, pos - window + shrink);
            int to = Math.min(length, pos + window + 1 - shrink);
            if (skipGram) {
                for (int c = from; c < to; c++) {
                    if (c != pos) {
                        skipGram(sentence[pos], sentence[c] * dim, alpha, rng, err);
                    }
                }
            } else {
                cbow(sentence, pos, from, to, alpha, rng, err, hidden);
            }
        }
    }

    /** One (word, context word) pair: the context word's input vector predicts the word. */
    private void skipGram(int word, int in, float alpha, Rng rng, float[] err) {
        negativeSampling(word, syn0, in, alpha, rng, err);
        VectorKernels.axpy(1f, err, 0, syn0, in, dim);
    }

    /**
     * Negative sampling (Mikolov et al. 2013): the input vector at {@code input[offset]} scores
     * {@code word} as 1 and {@code negative} drawn words as 0; output vectors are updated and the
     * input's gradient is left in {@code err}.
     */
    private void negativeSampling(int word, float[] input, int offset, float alpha, Rng rng, float[] err) {
        Arrays.fill(err, 0f);
        for (int k = 0; k <= params.negative(); k++) {
            int target;
            float label;
            if (k == 0) {
                target = word;
                label = 1;
            } else {
                target = sampler.draw(rng.nextLong());
                if (target == word) {
                    continue;
                }
                label = 0;
            }
            int out = target * dim;
            float g = gradient(VectorKernels.dot(input, offset, syn1, out, dim), label, alpha);
            VectorKernels.update(g, syn1, out, input, offset, err, dim);
        }
    }

    /** The mean of the context's input vectors predicts the word at {@code pos}. */
    private void cbow(int[] sentence, int pos, int from, int to, float alpha, Rng rng, float[] err, float[] hidden) {
        Arrays.fill(hidden, 0f);
        int count = 0;
        for (int c = from; c < to; c++) {
            if (c != pos) {
                VectorKernels.axpy(1f, syn0, sentence[c] * dim, hidden, 0, dim);
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        float inverse = 1f / count;
        for (int j = 0; j < dim; j++) {
            hidden[j] *= inverse;
        }
        negativeSampling(sentence[pos], hidden, 0, alpha, rng, err);
        for (int c = from; c < to; c++) {
            if (c != pos) {
                VectorKernels.axpy(1f, err, 0, syn0, sentence[c] * dim, dim);
            }
        }
    }

    /** (label − σ(f))·alpha, σ from the nearest table entry and saturated to 0 or 1 beyond ±6 as in the C tool. */
    static float gradient(float f, float label, float alpha) {
        if (f >= MAX_EXP) {
            return (label - 1) * alpha;
        }
        if (f <= -MAX_EXP) {
            return label * alpha;
        }
        return (label - SIGMOID[(int) ((f + MAX_EXP) * (SIGMOID_STEPS / (2 * MAX_EXP)) + 0.5f)]) * alpha;
    }

    private static float[] sigmoidTable() {
        float[] table = new float[SIGMOID_STEPS + 1];
        for (int i = 0; i <= SIGMOID_STEPS; i++) {
            double x = (2.0 * i / SIGMOID_STEPS - 1) * MAX_EXP;
            table[i] = (float) (1 / (1 + Math.exp(-x)));
        }
        return table;
    }

    /** Sentence indices cutting the corpus into runs of whole sentences of at least {@code size} tokens each, but the last. */
    static int[] chunks(int[] sentenceStarts, int size) {
        int sentences = sentenceStarts.length - 1;
        int[] starts = new int[sentences + 1];
        int n = 0;
        int s = 0;
        while (s < sentences) {
            starts[n++] = s;
            int from = sentenceStarts[s];
            while (s < sentences && sentenceStarts[s] - from < size) {
                s++;
            }
        }
        starts[n++] = sentences;
        return Arrays.copyOf(starts, n);
    }
}
