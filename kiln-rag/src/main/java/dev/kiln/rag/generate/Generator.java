package dev.kiln.rag.generate;

import dev.kiln.text.encode.Embedder;
import java.util.List;
import java.util.Map;
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

    /**
     * The generator called {@code mode}: {@code extractive} (offline), {@code llm} (the chat server
     * that {@code env}'s KILN_LLM_BASE_URL, KILN_LLM_MODEL and KILN_LLM_API_KEY name), or
     * {@code auto} (llm when configured, falling back to extractive when it fails; else extractive).
     */
    static Generator choose(String mode, Embedder embedder, Map<String, String> env) {
        checkChoice(mode, env);
        Generator extractive = new ExtractiveGenerator(embedder);
        return switch (mode) {
            case "extractive" -> extractive;
            case "llm" -> new OpenAiChatGenerator(ChatServerSettings.fromEnvironment(env));
            case "auto" -> ChatServerSettings.isConfigured(env)
                    ? new FallbackGenerator(new OpenAiChatGenerator(ChatServerSettings.fromEnvironment(env)), extractive)
                    : extractive;
            default -> throw new IllegalStateException("checkChoice admitted '" + mode + "'");
        };
    }

    /**
     * Refuses what {@link #choose} would refuse, without making a generator: an unknown mode, or
     * {@code llm} when {@code env} does not configure a chat server.
     */
    static void checkChoice(String mode, Map<String, String> env) {
        switch (mode) {
            case "extractive", "auto" -> {
            }
            case "llm" -> ChatServerSettings.fromEnvironment(env);
            default -> throw new IllegalArgumentException("generator: expected auto, extractive or llm, got '" + mode + "'");
        }
    }
}
