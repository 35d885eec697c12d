package dev.kiln.rag.generate;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the answer to a question from numbered sources, citing them: the offline extractive
 * answerer, or a chat-completions server. Implementations are safe to call from many threads.
 */
public interface Generator {

    /**
     * The answer to {@code question} from {@code sources}, handing each piece of text to
     * {@code tokens} as it is produced (all at once where the generator does not stream).
     *
     * @throws GenerationException when the generator cannot answer (a server unreachable, timed
     *     out, or answering with an error), with a message that says which and where
     */
    Answer answer(String question, List<Source> sources, Consumer<String> tokens);

    /** {@link #answer(String, List, Consumer)} without streaming. */
    default Answer answer(String question, List<Source> sources) {
        return answer(question, sources, t -> { });
    }

    /** A short name for logs and output, e.g. {@code extractive} or {@code openai:llama3}. */
    String name();
}
