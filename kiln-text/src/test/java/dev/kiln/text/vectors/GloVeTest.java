package dev.kiln.text.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.text.vectors.GloVe.Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GloVeTest {
    private static final Params SMALL = Params.defaults().withVectorSize(20).withWindow(4).withMinCount(1).withXMax(10)
            .withEpochs(30).withWorkers(1).withSeed(5);

    @Test
    void defaultsAreTheReferenceCodes() {
        Params p = Params.defaults();
        // glove.c: vector_size 50, num_iter 25, eta 0.05, alpha 0.75, x_max 100, grad_clip_value 100; cooccur.c: window_size 15;
        // demo.sh: VOCAB_MIN_COUNT 5.
        assertThat(List.of(p.vectorSize(), p.window(), p.minCount(), p.epochs())).containsExactly(50, 15, 5, 25);
        assertThat(List.of(p.xMax(), p.alpha(), p.learningRate(), p.gradientClip())).containsExactly(100.0, 0.75, 0.05, 100.0);
    }

    @Test
    void invalidHyperparametersAreNamed() {
        assertThatThrownBy(() -> SMALL.withXMax(0)).hasMessage("x_max must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> SMALL.withWindow(0)).hasMessage("window must be >= 1, got 0");
        assertThatThrownBy(() -> SMALL.withLearningRate(-1)).hasMessage("learning_rate must be a finite number > 0, got -1.0");
    }

    @Test
    void cooccurrenceAddsOneOverDistanceBothWays() {
        // Sentence [0 1 2 0] with window 2: pairs at distance 1: (0,1) (1,2) (2,0); at distance 2: (0,2) (1,0).
        // X(0,1) = 1 + 1/2 (the second pair is 1 then 0 at distance 2) = 1.5, X(1,2) = 1, X(0,2) = 1 + 1/2 = 1.5,
        // X(0,0) = 0 (the two 0s are 3 apart), each mirrored.
        Cooccurrence x = Cooccurrence.count(new int[] {0, 1, 2, 0}, new int[] {0, 4}, 2, 1);
        Map<String, Float> m = asMap(x);
        assertThat(m).containsOnly(Map.entry("0,1", 1.5f), Map.entry("1,0", 1.5f), Map.entry("1,2", 1f), Map.entry("2,1", 1f),
                Map.entry("0,2", 1.5f), Map.entry("2,0", 1.5f));
    }

    @Test
    void cooccurrenceDropsUnknownWordsFirstAndStopsAtSentenceEnds() {
        // [0 −1 1 | 1 0]: within the first sentence 0 and 1 become neighbours once −1 is gone (distance 1);
        // the second sentence adds another 1 each way; window 1 never reaches across the boundary.
        Cooccurrence x = Cooccurrence.count(new int[] {0, -1, 1, 1, 0}, new int[] {0, 3, 5}, 1, 1);
        assertThat(asMap(x)).containsOnly(Map.entry("0,1", 2f), Map.entry("1,0", 2f));
    }

    @Test
    void shardsChangeOnlyTheOrderOfTheEntries() {
        Corpus corpus = PlantedClusters.corpus(200, 2);
        Vocabulary v = corpus.vocabulary(1);
        Map<String, Float> one = asMap(Cooccurrence.count(corpus.encode(v), corpus.sentenceStarts(), 5, 1));
        Map<String, Float> three = asMap(Cooccurrence.count(corpus.encode(v), corpus.sentenceStarts(), 5, 3));
        assertThat(three).isEqualTo(one);
        // 20 words, each co-occurring only with the 10 words of its topic (itself included, when repeated).
        assertThat(one).hasSize(2 * 10 * 10);
    }

    @Test
    void weightingFunctionIsCappedPowerLaw() {
        assertThat(GloVe.weight(100, 100, 0.75)).isEqualTo(1.0);
        assertThat(GloVe.weight(250, 100, 0.75)).isEqualTo(1.0);
        // (1/16)^0.75 = 2^−3 = 0.125.
        assertThat(GloVe.weight(6.25, 100, 0.75)).isCloseTo(0.125, within(1e-15));
    }

    @Test
    void costFallsAndEachWordEndsNearItsOwnTopic() {
        TrainedVectors t = new GloVe(SMALL).train(PlantedClusters.corpus(2000, 13));
        List<Double> losses = t.summary().epochLosses();
        assertThat(losses).hasSize(30);
        for (int e = 1; e < 10; e++) {
            assertThat(losses.get(e)).as("cost of epoch %d", e + 1).isLessThan(losses.get(e - 1));
        }
        assertThat(losses.get(29)).isLessThan(0.1 * losses.get(0));
        PlantedClusters.assertNeighboursShareTopic(t.vectors(), 5);
    }

    @Test
    void oneWorkerIsDeterministicGivenTheSeed() {
        Corpus corpus = PlantedClusters.corpus(200, 4);
        WordVectors a = new GloVe(SMALL.withEpochs(3)).fit(corpus);
        WordVectors b = new GloVe(SMALL.withEpochs(3)).fit(corpus);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.vector(i)).containsExactly(b.vector(i));
        }
        assertThat(new GloVe(SMALL.withEpochs(3).withSeed(6)).fit(corpus).vector(0)).isNotEqualTo(a.vector(0));
    }

    @Test
    void aCorpusWithoutPairsIsRefused() {
        Corpus lonely = Corpus.ofSentences(List.of(List.of("one"), List.of("two")));
        assertThatThrownBy(() -> new GloVe(SMALL).fit(lonely))
                .hasMessage("no two vocabulary words share a sentence within 4 words of each other; GloVe has nothing to fit");
    }

    private static Map<String, Float> asMap(Cooccurrence x) {
        Map<String, Float> m = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            m.put(x.rows[i] + "," + x.columns[i], x.values[i]);
        }
        return m;
    }
}
