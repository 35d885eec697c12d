package dev.kiln.rag.generate;

import static dev.kiln.rag.generate.OpenAiChatGeneratorTest.SOURCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FallbackGeneratorTest {
    /** Stands in for the extractive answerer: cites the first source. */
    private static final Generator EXTRACTIVE = new Generator() {
        @Override
        public Answer answer(String question, List<Source> sources, Consumer<String> tokens) {
            tokens.accept("From the sources [1].");
            return new Answer("From the sources [1].", List.of(1), false, name());
        }

        @Override
        public String name() {
            return "extractive";
        }
    };

    private static Generator failing(String... tokensFirst) {
        return new Generator() {
            @Override
            public Answer answer(String question, List<Source> sources, Consumer<String> tokens) {
                for (String t : tokensFirst) {
                    tokens.accept(t);
                }
                throw new GenerationException("server gone");
            }

            @Override
            public String name() {
                return "openai:m";
            }
        };
    }

    @Test
    void anUnreachableChatServerFallsBackToTheExtractiveAnswer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (OpenAiChatGenerator chat = new OpenAiChatGenerator(ChatServerSettings.of("http://127.0.0.1:" + port, "m")
                .withRetries(0, Duration.ZERO).withTimeout(Duration.ofSeconds(5)))) {
            Generator generator = new FallbackGenerator(chat, EXTRACTIVE);
            List<String> tokens = new ArrayList<>();
            Answer answer = generator.answer("Do cats sleep?", SOURCES, tokens::add);

            assertThat(answer.text()).isEqualTo("From the sources [1].");
            assertThat(answer.cited()).containsExactly(1);
            assertThat(answer.generator()).startsWith("extractive (fallback: cannot reach http://127.0.0.1:" + port + "/v1/chat/completions")
                    .endsWith(")");
            assertThat(tokens).containsExactly("From the sources [1].");
            assertThat(generator.name()).isEqualTo("openai:m (fallback: extractive)");
        }
    }

    @Test
    void aWorkingPrimaryAnswersAsItIs() throws Exception {
        try (ChatServerStub server = new ChatServerStub(ChatServerStub.completion("Yes [2]."));
             OpenAiChatGenerator chat = new OpenAiChatGenerator(OpenAiChatGeneratorTest.settings(server))) {
            Answer answer = new FallbackGenerator(chat, EXTRACTIVE).answer("Do kittens sleep?", SOURCES);
            assertThat(answer).isEqualTo(new Answer("Yes [2].", List.of(2), false, "openai:test-model"));
        }
    }

    @Test
    void aFailureAfterPartOfTheAnswerWasHandedOnIsNotCoveredUp() {
        List<String> tokens = new ArrayList<>();
        Generator generator = new FallbackGenerator(failing("Cats "), EXTRACTIVE);
        assertThatThrownBy(() -> generator.answer("Do cats sleep?", SOURCES, tokens::add)).isInstanceOf(GenerationException.class)
                .hasMessage("server gone");
        assertThat(tokens).containsExactly("Cats ");
    }

    @Test
    void aFailureBeforeAnyTextFallsBackWithTheReason() {
        Answer answer = new FallbackGenerator(failing(), EXTRACTIVE).answer("Do cats sleep?", SOURCES);
        assertThat(answer.generator()).isEqualTo("extractive (fallback: server gone)");
    }
}
