package dev.kiln.text.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic corpus with planted structure: two topics of ten words each ("a0".."a9" and
 * "b0".."b9"), every sentence eight words drawn uniformly from one topic. Words co-occur only
 * within their topic, so any working word-vector method puts each word's nearest neighbours in
 * its own topic, and vectors that training left random do not.
 */
final class PlantedClusters {
    static final int TOPIC_WORDS = 10;

    private PlantedClusters() {
    }

    static Corpus corpus(int sentences, long seed) {
        Rng rng = Rng.seeded(seed);
        List<List<String>> out = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
            String topic = rng.nextBoolean() ? "a" : "b";
            List<String> sentence = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                sentence.add(topic + rng.nextInt(TOPIC_WORDS));
            }
            out.add(sentence);
        }
        return Corpus.ofSentences(out);
    }

    /** Asserts that each word's {@code k} nearest neighbours share its topic (its first letter). */
    static void assertNeighboursShareTopic(WordVectors vectors, int k) {
        assertThat(vectors.size()).isEqualTo(2 * TOPIC_WORDS);
        for (String word : vectors.words()) {
            List<String> near = vectors.nearest(word, k).stream().map(Neighbour::word).toList();
            assertThat(near).as("neighbours of %s", word).allMatch(n -> n.charAt(0) == word.charAt(0));
        }
    }
}
