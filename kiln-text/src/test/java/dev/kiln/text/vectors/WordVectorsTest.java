package dev.kiln.text.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

    /** Five 2-d vectors at 0°, 10°, 30°, 90° and 180°, of different lengths (cosines ignore length). */
    private static WordVectors angles() {
        String[] words = {"east", "east10", "east30", "north", "west"};
        double[] degrees = {0, 10, 30, 90, 180};
        double[] lengths = {1, 3, 0.5, 2, 7};
        float[] v = new float[10];
        for (int i = 0; i < 5; i++) {
            v[2 * i] = (float) (lengths[i] * Math.cos(Math.toRadians(degrees[i])));
            v[2 * i + 1] = (float) (lengths[i] * Math.sin(Math.toRadians(degrees[i])));
        }
        return WordVectors.of(List.of(words), v, 2);
    }

    /** man (1,0,0), woman (1,1,0), king (1,0,1), queen (1,1,1), and apple (0,−1,−1) far from all. */
    private static WordVectors royals() {
        return WordVectors.of(List.of("man", "woman", "king", "queen", "apple"),
                new float[] {1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, -1, -1}, 3);
    }

    @Test
    void nearestNeighboursAreRankedByCosine() {
        List<Neighbour> near = angles().nearest("east", 4);
        assertThat(near).extracting(Neighbour::word).containsExactly("east10", "east30", "north", "west");
        assertThat(near.get(0).similarity()).isCloseTo(Math.cos(Math.toRadians(10)), within(1e-6));
        assertThat(near.get(1).similarity()).isCloseTo(Math.cos(Math.toRadians(30)), within(1e-6));
        assertThat(near.get(2).similarity()).isCloseTo(0, within(1e-6));
        assertThat(near.get(3).similarity()).isCloseTo(-1, within(1e-6));
        // From 90°: 30° is 60° away, 10° is 80°, 0° is 90°, 180° is 90°; ties go to the earlier row.
        assertThat(angles().nearest("north", 10)).extracting(Neighbour::word).containsExactly("east30", "east10", "east", "west");
        assertThat(angles().similarity("east10", "east30")).isCloseTo(Math.cos(Math.toRadians(20)), within(1e-6));
    }

    @Test
    void nearestToAVectorIncludesEveryWord() {
        List<Neighbour> near = angles().nearest(new float[] {0.1f, 0.1f}, 2);
        // 45°: 30° is 15° away, 10° is 35° away.
        assertThat(near).extracting(Neighbour::word).containsExactly("east30", "east10");
        assertThat(near.get(0).similarity()).isCloseTo(Math.cos(Math.toRadians(15)), within(1e-6));
    }

    @Test
    void analogyAddsUnitVectorsAndLeavesOutTheInputs() {
        List<Neighbour> queen = royals().analogy("man", "king", "woman", 2);
        // b̂ − â + ĉ = (1/√2 − 1 + 1/√2, 1/√2, 1/√2); its cosine with (1,1,1)/√3 is (2√2 − 1)/(√3·√(4 − 2√2)) = 0.9752869.
        assertThat(queen.get(0).word()).isEqualTo("queen");
        assertThat(queen.get(0).similarity()).isCloseTo(0.9752869, within(1e-6));
        assertThat(queen.get(1).word()).isEqualTo("apple");
        // "king is to king as queen is to ?" points at queen itself, which is an input and so left out.
        assertThat(royals().analogy("king", "king", "queen", 5)).extracting(Neighbour::word)
                .doesNotContain("king", "queen").hasSize(3);
    }

    @Test
    void allZeroVectorsAreSimilarToNothing() {
        WordVectors v = WordVectors.of(List.of("zero", "one"), new float[] {0, 0, 1, 0}, 2);
        assertThat(v.similarity("zero", "one")).isZero();
        assertThat(v.nearest("one", 1).get(0).similarity()).isZero();
    }

    @Test
    void unknownWordsAreNamedWithCloseVocabularyWords() {
        assertThatThrownBy(() -> royals().nearest("kings", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'kings' is not in the vocabulary (5 words); close words: king");
        assertThatThrownBy(() -> royals().analogy("man", "king", "zebra", 3))
                .hasMessage("'zebra' is not in the vocabulary (5 words)");
        // Closer words first whatever their row: "kin" is 1 from king (row 2) and 2 from man (row 0); "kan" the reverse.
        assertThat(royals().closeWords("kin", 5)).containsExactly("king", "man");
        assertThat(royals().closeWords("kan", 5)).containsExactly("man", "king");
        assertThat(royals().closeWords("womn", 5)).containsExactly("woman");
    }

    @Test
    void badConstructionIsRefused() {
        assertThatThrownBy(() -> WordVectors.of(List.of("a", "a"), new float[2], 1))
                .hasMessage("word 'a' appears twice, as words 0 and 1");
        assertThatThrownBy(() -> WordVectors.of(List.of("a"), new float[3], 2))
                .hasMessage("1 words of dimension 2 need 2 values, got 3");
        assertThatThrownBy(() -> royals().nearest("man", 0)).hasMessage("the number of neighbours must be >= 1, got 0");
    }

    @Test
    void vectorsAreCopies() {
        float[] values = {1, 2};
        WordVectors v = WordVectors.of(List.of("x"), values, 2);
        values[0] = 99;
        float[] got = v.vector("x");
        got[1] = 99;
        assertThat(v.vector("x")).containsExactly(1, 2);
    }
}
