package dev.kiln.monitor.profile;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FrequentItemsTest {

    @Test
    void countsExactlyBelowCapacity() {
        FrequentItems items = new FrequentItems(3);
        for (String s : "a b a c b a".split(" ")) {
            items.add(s);
        }
        assertThat(items.exact()).isTrue();
        assertThat(items.top(2)).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
    }

    /** The Misra–Gries guarantee: every value more frequent than n/(k+1) survives, and every kept count is within maxError below the truth. */
    @Test
    void keepsHeavyHittersWithinTheErrorBoundAlsoAfterMerging() {
        Rng rng = Rng.seeded(5);
        Map<String, Long> truth = new HashMap<>();
        FrequentItems merged = new FrequentItems(20);
        int n = 0;
        for (int part = 0; part < 4; part++) {
            FrequentItems piece = new FrequentItems(20);
            for (int i = 0; i < 5_000; i++, n++) {
                String value = rng.nextDouble() < 0.5 ? "hot-" + rng.nextInt(3) : "cold-" + rng.nextInt(5_000);
                piece.add(value);
                truth.merge(value, 1L, Long::sum);
            }
            merged.merge(piece);
        }
        assertThat(merged.exact()).isFalse();
        assertThat(merged.maxError()).isPositive().isLessThanOrEqualTo(n / 21);
        for (Map.Entry<String, Long> e : truth.entrySet()) {
            Long kept = merged.counts().get(e.getKey());
            if (e.getValue() > merged.maxError()) {
                assertThat(kept).as(e.getKey()).isNotNull();
            }
            if (kept != null) {
                assertThat(kept).isBetween(e.getValue() - merged.maxError(), e.getValue());
            }
        }
        assertThat(merged.top(3).keySet()).containsExactlyInAnyOrder("hot-0", "hot-1", "hot-2");
    }
}
