package dev.kiln.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.text.encode.SentenceEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaithfulnessTest {
    private static final Faithfulness FAITHFULNESS = new Faithfulness(SentenceEncoder.allMiniLmL6V2());
    private static final List<String> CONTEXT = List.of(
            "The copy module provides copy() for shallow copies and deepcopy() for deep copies.",
            "Lists can also be copied by slicing.");

    @Test
    void quotedAndParaphrasedClaimsAreSupported() {
        assertThat(FAITHFULNESS.of("The copy module provides deepcopy() for deep copies [1]. Lists can also be copied by slicing [2].",
                CONTEXT)).isEqualTo(1.0);
    }

    @Test
    void anInventedClaimIsNot() {
        assertThat(FAITHFULNESS.of("Lists can also be copied by slicing. Python was first released on the moon in 1850.", CONTEXT))
                .isEqualTo(0.5);
    }

    @Test
    void edgeCases() {
        assertThat(FAITHFULNESS.of("", CONTEXT)).isEqualTo(1.0);
        assertThat(FAITHFULNESS.of("Something.", List.of())).isZero();
    }
}
