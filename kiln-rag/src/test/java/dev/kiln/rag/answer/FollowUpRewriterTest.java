package dev.kiln.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpRewriterTest {
    private final FollowUpRewriter rewriter = new FollowUpRewriter();

    @Test
    void aShortOrReferringFollowUpCarriesThePreviousSubject() {
        assertThat(rewriter.standalone("and a dict?", "How do I copy a list?")).isEqualTo("and a dict? (copy list)");
        assertThat(rewriter.standalone("Is it thread-safe in CPython?", "How does the garbage collector work?"))
                .isEqualTo("Is it thread-safe in CPython? (garbage collector work)");
    }

    @Test
    void aSelfContainedQuestionIsLeftAlone() {
        assertThat(rewriter.standalone("How do I read a CSV file with the csv module?", "How do I copy a list?"))
                .isEqualTo("How do I read a CSV file with the csv module?");
        assertThat(rewriter.standalone("and a dict?", null)).isEqualTo("and a dict?");
    }

    @Test
    void carriedWordsDoNotPileUpAcrossTurns() {
        String first = rewriter.standalone("and a dict?", "How do I copy a list?");
        assertThat(rewriter.standalone("and a set?", first)).isEqualTo("and a set? (dict copy list)");
    }
}
