package dev.kiln.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Against SQuAD v1.1's official evaluate-v1.1.py (normalize_answer, f1_score, exact_match_score) and, for
 * texts empty after normalisation, SQuAD v2.0's compute_f1 (1 when both are empty);
 * the figures below are what that script gives for these strings, worked by hand.
 */
class AnswerMetricsTest {
    @Test
    void normalisationDropsCaseArticlesPunctuationAndCitations() {
        assertThat(AnswerMetrics.normalize("The  Cat, sat on an old mat! [1] [2, 3]")).isEqualTo("cat sat on old mat");
    }

    @Test
    void exactMatchAfterNormalisation() {
        assertThat(AnswerMetrics.exactMatch("The Eiffel Tower.", "eiffel tower")).isEqualTo(1);
        assertThat(AnswerMetrics.exactMatch("Eiffel", "eiffel tower")).isZero();
    }

    @Test
    void tokenF1CountsSharedTokensWithMultiplicity() {
        // predicted: [use, copy, copy, module] gold: [use, copy, module, for, copies] -> common 3 (use, copy, module)
        // precision 3/4, recall 3/5, F1 = 2 * 0.75 * 0.6 / 1.35 = 0.6667
        assertThat(AnswerMetrics.tokenF1("use copy copy module", "use the copy module for copies"))
                .isCloseTo(2 * 0.75 * 0.6 / 1.35, offset(1e-12));
        assertThat(AnswerMetrics.tokenF1("nothing shared", "else entirely")).isZero();
        assertThat(AnswerMetrics.tokenF1("the", "a")).as("both empty after normalisation").isEqualTo(1);
    }

    @Test
    void contextPrecisionRewardsRelevantChunksRankedFirst() {
        // relevant at ranks 1 and 3: (1/1 + 2/3) / 2
        assertThat(AnswerMetrics.contextPrecision(List.of("a", "x", "b"), Set.of("a", "b")))
                .isCloseTo((1 + 2 / 3.0) / 2, offset(1e-12));
        assertThat(AnswerMetrics.contextPrecision(List.of("x", "a"), Set.of("a"))).isEqualTo(0.5);
        assertThat(AnswerMetrics.contextPrecision(List.of("x"), Set.of("a"))).isZero();
    }
}
