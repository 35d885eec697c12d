package dev.kiln.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {
    @Test
    void handWorkedExample() {
        // gold at rank 1, at rank 3, at rank 7, and missing
        List<List<String>> rankings = List.of(List.of("g", "x"), List.of("x", "y", "g"),
                List.of("1", "2", "3", "4", "5", "6", "g"), List.of("x"));
        List<Set<String>> gold = List.of(Set.of("g"), Set.of("g"), Set.of("g"), Set.of("g"));
        RetrievalMetrics m = RetrievalMetrics.of(rankings, gold);
        assertThat(m.queries()).isEqualTo(4);
        assertThat(m.hitAt1()).isEqualTo(0.25);
        assertThat(m.hitAt5()).isEqualTo(0.5);
        assertThat(m.hitAt10()).isEqualTo(0.75);
        assertThat(m.mrr()).isCloseTo((1 + 1 / 3.0 + 1 / 7.0) / 4, offset(1e-12));
        // nDCG with one relevant item: 1 / log2(rank + 1)
        assertThat(m.ndcgAt10()).isCloseTo((1 + 1 / (Math.log(4) / Math.log(2)) + 1 / 3.0) / 4, offset(1e-12));
    }

    @Test
    void severalRelevantIdsNormaliseByTheIdealOrder() {
        RetrievalMetrics m = RetrievalMetrics.of(List.of(List.of("x", "a", "b")), List.of(Set.of("a", "b")));
        double ideal = 1 + 1 / (Math.log(3) / Math.log(2));
        double dcg = 1 / (Math.log(3) / Math.log(2)) + 1 / 2.0;
        assertThat(m.ndcgAt10()).isCloseTo(dcg / ideal, offset(1e-12));
        assertThat(m.mrr()).isEqualTo(0.5);
    }

    @Test
    void rejectsMismatchedInput() {
        assertThatThrownBy(() -> RetrievalMetrics.of(List.of(List.of()), List.of())).hasMessageContaining("1 rankings for 0");
        assertThatThrownBy(() -> RetrievalMetrics.of(List.of(List.of("a")), List.of(Set.of())))
                .hasMessageContaining("query 1 has no relevant id");
    }
}
