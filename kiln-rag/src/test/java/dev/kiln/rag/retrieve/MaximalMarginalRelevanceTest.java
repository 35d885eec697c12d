package dev.kiln.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageHit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaximalMarginalRelevanceTest {
    private static final float S = (float) Math.sqrt(0.5);
    // query along x; a and a2 are the same direction (a duplicate), b is 45 degrees away from both x and y
    private static final Map<String, float[]> VECTORS = Map.of(
            "a", new float[] {1, 0, 0}, "a2", new float[] {1, 0, 0}, "b", new float[] {S, S, 0}, "c", new float[] {0, 0, 1});
    private static final List<PassageHit> CANDIDATES = List.of(hit("a"), hit("a2"), hit("b"), hit("c"));

    private static PassageHit hit(String id) {
        return new PassageHit(new Passage(id, id), 0);
    }

    @Test
    void aDuplicateGivesWayToNewEvidence() {
        List<PassageHit> mmr = new MaximalMarginalRelevance(0.7).select(new float[] {1, 0, 0}, CANDIDATES, VECTORS, 2);
        // after a, lambda 0.7: a2 = 0.7 - 0.3 = 0.4; b = 0.495 - 0.212 = 0.283; c = 0 -> the duplicate still wins
        assertThat(mmr).extracting(PassageHit::id).containsExactly("a", "a2");
        List<PassageHit> diverse = new MaximalMarginalRelevance(0.3).select(new float[] {1, 0, 0}, CANDIDATES, VECTORS, 2);
        // lambda 0.3: a2 = 0.3 - 0.7 = -0.4; b = 0.212 - 0.495 = -0.283; c = 0 - 0 = 0 -> c
        assertThat(diverse).extracting(PassageHit::id).containsExactly("a", "c");
    }

    @Test
    void lambdaOneIsRelevanceOrder() {
        assertThat(new MaximalMarginalRelevance(1).select(new float[] {1, 0, 0}, List.of(hit("c"), hit("b"), hit("a")), VECTORS, 3))
                .extracting(PassageHit::id).containsExactly("a", "b", "c");
    }

    @Test
    void candidatesWithoutVectorsAreLeftOutAndLambdaIsChecked() {
        assertThat(new MaximalMarginalRelevance(0.5).select(new float[] {1, 0, 0}, List.of(hit("zz"), hit("c")), VECTORS, 5))
                .extracting(PassageHit::id).containsExactly("c");
        assertThatThrownBy(() -> new MaximalMarginalRelevance(1.5)).hasMessageContaining("lambda");
    }
}
