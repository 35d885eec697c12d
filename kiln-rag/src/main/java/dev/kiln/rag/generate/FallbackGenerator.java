package dev.kiln.rag.generate;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with {@code primary}, or with {@code fallback} when the primary fails before handing on
 * any text (a chat server unreachable, too slow, or refusing), logging a warning and naming the
 * fallback and the reason in the answer's generator, e.g. {@code extractive (fallback: cannot reach
 * http://localhost:11434/v1/chat/completions: Connection refused)}. A failure in the middle of a
 * streamed answer is thrown as it is: the reader has seen part of one answer, and another would
 * follow it unannounced.
 */
public final class FallbackGenerator implements Generator {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackGenerator.class);

    private final Generator primary;
    private final Generator fallback;

    public FallbackGenerator(Generator primary, Generator fallback) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Answer answer(String question, List<Source> sources, Consumer<String> tokens) {
        boolean[] handedOn = {false};
        try {
            return primary.answer(question, sources, t -> {
                handedOn[0] = true;
                tokens.accept(t);
            });
        } catch (GenerationException e) {
            if (handedOn[0]) {
                throw e;
            }
            LOG.warn("{} failed, answering with {}: {}", primary.name(), fallback.name(), e.getMessage());
            Answer answer = fallback.answer(question, sources, tokens);
            return new Answer(answer.text(), answer.cited(), answer.abstained(),
                    answer.generator() + " (fallback: " + e.getMessage() + ")");
        }
    }

    /** The primary's name and the fallback's, e.g. {@code openai:llama3.1:8b (fallback: extractive)}. */
    @Override
    public String name() {
        return primary.name() + " (fallback: " + fallback.name() + ")";
    }
}
