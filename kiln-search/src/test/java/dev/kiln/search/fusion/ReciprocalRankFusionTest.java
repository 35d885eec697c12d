package dev.kiln.search.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageHit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
    private static List<PassageHit> ranking(String... ids) {
        return Arrays.stream(ids).map(id -> new PassageHit(new Passage(id, id), 0)).toList();
    }

    @Test
    void scoresAreSumsOfReciprocalRanks() {
        List<PassageHit> fused = ReciprocalRankFusion.standard().fuse(List.of(ranking("a", "b", "c"), ranking("c", "a", "d")), 10);
        // a: 1/61 + 1/62; c: 1/63 + 1/61; b: 1/62; d: 1/63 (Cormack et al. 2009, k = 60)
        assertThat(fused).extracting(PassageHit::id).containsExactly("a", "c", "b", "d");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, offset(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 61, offset(1e-12));
        assertThat(fused.get(3).score()).isCloseTo(1.0 / 63, offset(1e-12));
    }

    @Test
    void tiesKeepTheOrderOfFirstAppearanceAndLimitCuts() {
        List<PassageHit> fused = new ReciprocalRankFusion(0).fuse(List.of(ranking("x", "y"), ranking("y", "x")), 1);
        assertThat(fused).extracting(PassageHit::id).containsExactly("x");
        assertThat(fused.get(0).score()).isCloseTo(1.5, offset(1e-12));
    }

    @Test
    void anEmptyRankingContributesNothing() {
        assertThat(ReciprocalRankFusion.standard().fuse(List.of(ranking(), ranking("a")), 5)).extracting(PassageHit::id)
                .containsExactly("a");
    }
}
