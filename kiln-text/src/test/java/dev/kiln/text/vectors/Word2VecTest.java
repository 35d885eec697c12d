package dev.kiln.text.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.text.vectors.Word2Vec.Architecture;
import dev.kiln.text.vectors.Word2Vec.Params;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Word2VecTest {
    private static final Params SMALL = Params.defaults().withVectorSize(20).withWindow(3).withMinCount(1).withSample(0)
            .withEpochs(5).withWorkers(1).withSeed(7);

    @Test
    void defaultsAreGensims() {
        Params p = Params.defaults();
        // gensim 4.2 Word2Vec signature: vector_size=100, alpha=0.025, window=5, min_count=5, sample=1e-3,
        // seed=1, min_alpha=0.0001, sg=0, negative=5, epochs=5.
        assertThat(p.architecture()).isEqualTo(Architecture.CBOW);
        assertThat(List.of(p.vectorSize(), p.window(), p.minCount(), p.negative(), p.epochs())).containsExactly(100, 5, 5, 5, 5);
        assertThat(List.of(p.sample(), p.alpha(), p.minAlpha())).containsExactly(1e-3, 0.025, 0.0001);
        assertThat(p.seed()).isEqualTo(1);
    }

    @Test
    void invalidHyperparametersAreNamed() {
        assertThatThrownBy(() -> SMALL.withVectorSize(0)).hasMessage("vector_size must be >= 1, got 0");
        assertThatThrownBy(() -> SMALL.withSample(1.5)).hasMessage("sample must be in [0, 1] (0 turns sub-sampling off), got 1.5");
        assertThatThrownBy(() -> SMALL.withNegative(0)).hasMessage("negative must be >= 1 (noise words per example), got 0");
        assertThatThrownBy(() -> SMALL.withMinAlpha(0.5)).hasMessage("min_alpha must be in [0, alpha = 0.025], got 0.5");
        assertThatThrownBy(() -> SMALL.withAlpha(Double.NaN)).hasMessage("alpha must be a finite number > 0, got NaN");
        assertThatThrownBy(() -> SMALL.withWorkers(0)).hasMessage("workers must be >= 1, got 0");
    }

    @Test
    void subSamplingKeepsWordsWithTheCToolsProbability() {
        // t = 1e-3, N = 1e6, so tN = 1000. c = 10,000: (√10 + 1)·0.1 = 0.4162278; c = 4000: (√4 + 1)/4 = 0.75;
        // c = 1000: (1 + 1)·1 = 2, capped at 1.
        assertThat(Word2Vec.keepProbability(10_000, 1_000_000, 1e-3)).isCloseTo(0.41622777, within(1e-8));
        assertThat(Word2Vec.keepProbability(4000, 1_000_000, 1e-3)).isCloseTo(0.75, within(1e-12));
        assertThat(Word2Vec.keepProbability(1000, 1_000_000, 1e-3)).isEqualTo(1.0);
        assertThat(Word2Vec.keepProbability(10_000, 1_000_000, 0)).isEqualTo(1.0);
    }

    @Test
    void learningRateFallsLinearly() {
        assertThat(Word2Vec.learningRate(0.025, 0.0001, 0)).isEqualTo(0.025);
        assertThat(Word2Vec.learningRate(0.025, 0.0001, 0.5)).isCloseTo(0.01255, within(1e-12));
        assertThat(Word2Vec.learningRate(0.025, 0.0001, 1)).isCloseTo(0.0001, within(1e-12));
        assertThat(Word2Vec.learningRate(0.025, 0.0001, 1.2)).isEqualTo(0.0001);
    }

    @Test
    void gradientUsesTheTabulatedSigmoidAndSaturatesBeyondSix() {
        for (double f = -5.99; f < 6; f += 0.0137) {
            double sigma = 1 / (1 + Math.exp(-f));
            // Nearest of 1,000 steps over [−6, 6]: off by at most 0.006 in f, so by 0.006·σ' ≤ 0.0015 in σ.
            assertThat(Word2VecTraining.gradient((float) f, 1, 0.5f)).isCloseTo((float) ((1 - sigma) * 0.5), within(0.0008f));
            assertThat(Word2VecTraining.gradient((float) f, 0, 0.5f)).isCloseTo((float) (-sigma * 0.5), within(0.0008f));
        }
        assertThat(Word2VecTraining.gradient(7, 1, 0.5f)).isZero();
        assertThat(Word2VecTraining.gradient(7, 0, 0.5f)).isEqualTo(-0.5f);
        assertThat(Word2VecTraining.gradient(-7, 1, 0.5f)).isEqualTo(0.5f);
        assertThat(Word2VecTraining.gradient(-7, 0, 0.5f)).isZero();
    }

    @Test
    void bothArchitecturesPutEachWordNearItsOwnTopic() {
        Corpus corpus = PlantedClusters.corpus(2000, 11);
        for (Architecture a : Architecture.values()) {
            WordVectors v = new Word2Vec(SMALL.withArchitecture(a)).fit(corpus);
            PlantedClusters.assertNeighboursShareTopic(v, 5);
        }
    }

    @Test
    void untrainedVectorsFailThePlantedTopicCheck() {
        // The check above must be able to fail: one step at a vanishing learning rate leaves the random start.
        Corpus corpus = PlantedClusters.corpus(50, 11);
        WordVectors v = new Word2Vec(SMALL.withEpochs(1).withMinAlpha(0).withAlpha(1e-9)).fit(corpus);
        assertThatThrownBy(() -> PlantedClusters.assertNeighboursShareTopic(v, 5))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void oneWorkerIsDeterministicGivenTheSeed() {
        Corpus corpus = PlantedClusters.corpus(300, 3);
        Params p = SMALL.withSample(0.01).withArchitecture(Architecture.SKIP_GRAM);
        WordVectors a = new Word2Vec(p).fit(corpus);
        WordVectors b = new Word2Vec(p).fit(corpus);
        WordVectors c = new Word2Vec(p.withSeed(8)).fit(corpus);
        assertThat(a.words()).isEqualTo(b.words());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.vector(i)).containsExactly(b.vector(i));
        }
        assertThat(a.vector(0)).isNotEqualTo(c.vector(0));
    }

    @Test
    void severalWorkersTrainAsWell() {
        Corpus corpus = PlantedClusters.corpus(2000, 5);
        TrainedVectors t = new Word2Vec(SMALL.withWorkers(3).withArchitecture(Architecture.SKIP_GRAM)).train(corpus);
        PlantedClusters.assertNeighboursShareTopic(t.vectors(), 5);
        // Without sub-sampling every in-vocabulary token is trained once per epoch, whichever worker has it.
        assertThat(t.summary().trainedWords()).isEqualTo(5 * corpus.tokenCount());
    }

    @Test
    void subSamplingTrainsTheExpectedNumberOfWords() {
        // 20 words, 16,000 tokens: each word ~800 times; sample = 0.01 gives tN = 160 and keep ≈ (√5 + 1)/5 ≈ 0.647.
        Corpus corpus = PlantedClusters.corpus(2000, 9);
        Vocabulary vocabulary = corpus.vocabulary(1);
        double expected = 0;
        for (int i = 0; i < vocabulary.size(); i++) {
            expected += vocabulary.count(i) * Word2Vec.keepProbability(vocabulary.count(i), vocabulary.totalCount(), 0.01);
        }
        long trained = new Word2Vec(SMALL.withSample(0.01).withEpochs(1)).train(corpus).summary().trainedWords();
        // A sum of 16,000 Bernoulli draws: standard deviation below √(16000/4) ≈ 63; allow 5σ.
        assertThat((double) trained).isCloseTo(expected, within(320.0));
        assertThat(expected).isLessThan(0.7 * corpus.tokenCount());
    }

    @Test
    void wordsBelowMinCountGetNoVector() {
        List<List<String>> sentences = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sentences.add(List.of("common", "words", "here"));
        }
        sentences.add(List.of("rare", "common"));
        WordVectors v = new Word2Vec(SMALL.withMinCount(2)).fit(Corpus.ofSentences(sentences));
        assertThat(v.words()).containsExactlyInAnyOrder("common", "words", "here");
        assertThat(v.contains("rare")).isFalse();
        assertThatThrownBy(() -> new Word2Vec(SMALL.withMinCount(100)).fit(Corpus.ofSentences(sentences)))
                .hasMessage("no word occurs at least min_count = 100 times in the corpus (152 tokens, 4 distinct words); lower min_count");
    }

    @Test
    void chunksAreRunsOfWholeSentencesOfAtLeastTheirSize() {
        // Ten sentences of 10 tokens: starts 0, 10, ..., 100. Chunks of at least 25 tokens take 3 sentences (30 tokens),
        // and the last takes what is left.
        int[] starts = new int[11];
        for (int i = 0; i <= 10; i++) {
            starts[i] = 10 * i;
        }
        assertThat(Word2VecTraining.chunks(starts, 25)).containsExactly(0, 3, 6, 9, 10);
        assertThat(Word2VecTraining.chunks(starts, 1000)).containsExactly(0, 10);
        // A sentence of 100 tokens fills a chunk of 50 on its own; 5 + 100 tokens end the first chunk after the long one.
        assertThat(Word2VecTraining.chunks(new int[] {0, 100, 105}, 50)).containsExactly(0, 1, 2);
        assertThat(Word2VecTraining.chunks(new int[] {0, 5, 105, 106}, 50)).containsExactly(0, 2, 3);
        assertThat(Word2VecTraining.chunks(new int[] {0}, 50)).containsExactly(0);
    }
}
