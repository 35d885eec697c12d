package dev.kiln.rag.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CitationsTest {
    private static final List<Source> THREE = IntStream.rangeClosed(1, 3)
            .mapToObj(n -> new Source(n, "c" + n, "d" + n, "", "", "text " + n, 1.0)).toList();

    @Test
    void singleListedAndAdjacentMarkersAreRead() {
        assertThat(Citations.cited("Cats sleep a lot [2].", THREE)).containsExactly(2);
        assertThat(Citations.cited("Both say so [3, 1].", THREE)).containsExactly(3, 1);
        assertThat(Citations.cited("Agreed[1][3] and [ 2 ,3 ].", THREE)).containsExactly(1, 3, 2);
    }

    @Test
    void theOrderIsThatOfFirstCitationWithoutRepeats() {
        assertThat(Citations.cited("A [2]. B [1]. C [2][1]. D [3, 2].", THREE)).containsExactly(2, 1, 3);
    }

    @Test
    void numbersOfSourcesNotGivenAreIgnored() {
        assertThat(Citations.cited("See [7] and [0] and [2, 9].", THREE)).containsExactly(2);
        assertThat(Citations.markers("See [7] and [0] and [2, 9].")).containsExactly(7, 0, 2, 9);
        assertThat(Citations.cited("Cited [1].", List.of())).isEmpty();
    }

    @Test
    void bracketsThatAreNotCitationMarkersAreSkipped() {
        assertThat(Citations.markers("No [citation], [] [ ], [1.5], [-1], [1,], [a1], [12345678901] or 1]. [2")).isEmpty();
        assertThat(Citations.markers("")).isEmpty();
        assertThat(Citations.cited("I don't know.", THREE)).isEmpty();
    }
}
