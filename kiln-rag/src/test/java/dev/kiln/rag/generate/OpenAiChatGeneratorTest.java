package dev.kiln.rag.generate;

import static dev.kiln.rag.generate.ChatServerStub.completion;
import static dev.kiln.rag.generate.ChatServerStub.rawStream;
import static dev.kiln.rag.generate.ChatServerStub.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.rag.generate.ChatServerStub.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class OpenAiChatGeneratorTest {
    static final List<Source> SOURCES = List.of(
            new Source(1, "cats#0", "cats", "Cats", "cats.md", "Cats sleep about 16 hours a day.", 0.9),
            new Source(2, "kittens#3", "kittens", "Kittens", "kittens.md#sleep", "Kittens sleep even longer, up to 20 hours.", 0.8));

    static ChatServerSettings settings(ChatServerStub server) {
        return ChatServerSettings.of(server.baseUrl(), "test-model").withTimeout(Duration.ofSeconds(5)).withRetries(2, Duration.ofMillis(1));
    }

    @Test
    void aCompletionIsAnsweredWithItsCitationsMappedToTheSources() throws Exception {
        try (ChatServerStub server = new ChatServerStub(completion("Kittens sleep up to 20 hours [2], cats about 16 [1][5]."));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server).withStream(false).withMaxTokens(256))) {
            List<String> tokens = new ArrayList<>();
            Answer answer = generator.answer("How long do cats sleep?", SOURCES, tokens::add);

            assertThat(answer.text()).isEqualTo("Kittens sleep up to 20 hours [2], cats about 16 [1][5].");
            assertThat(answer.cited()).containsExactly(2, 1);
            assertThat(answer.abstained()).isFalse();
            assertThat(answer.generator()).isEqualTo("openai:test-model").isEqualTo(generator.name());
            assertThat(tokens).containsExactly(answer.text());

            Request request = server.requests().getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = request.json();
            assertThat(body.path("model").asText()).isEqualTo("test-model");
            assertThat(body.path("stream").asBoolean(true)).isFalse();
            assertThat(body.path("temperature").asDouble(-1)).isEqualTo(0.0);
            assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
            assertThat(body.path("messages")).hasSize(2);
            assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
            assertThat(body.path("messages").path(1).path("content").asText())
                    .contains("<source number=\"2\" title=\"Kittens\" location=\"kittens.md#sleep\">")
                    .endsWith("Question: How long do cats sleep?");
        }
    }

    @Test
    void streamedDeltasAreHandedOnInOrderAsTheyArrive() throws Exception {
        Semaphore handedOn = new Semaphore(0);
        List<String> deltas = List.of("Cats ", "sleep about ", "16 hours", " [1].");
        try (ChatServerStub server = new ChatServerStub(stream(deltas, handedOn));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            List<String> tokens = new ArrayList<>();
            Answer answer = generator.answer("How long do cats sleep?", SOURCES, t -> {
                tokens.add(t);
                handedOn.release();
            });

            assertThat(tokens).containsExactlyElementsOf(deltas);
            assertThat(answer.text()).isEqualTo(String.join("", deltas));
            assertThat(answer.cited()).containsExactly(1);
            assertThat(server.requests().getFirst().json().path("stream").asBoolean()).isTrue();
            assertThat(server.requests().getFirst().header("Accept")).isEqualTo("text/event-stream");
        }
    }

    @Test
    void streamCommentsEventNamesAndEmptyDeltasAreSkipped() throws Exception {
        try (ChatServerStub server = new ChatServerStub(rawStream(": keep-alive", "event: message",
                "data: " + ChatServerStub.chunk("", null), "", "data:" + ChatServerStub.chunk("Yes [2].", null), "",
                "data: " + ChatServerStub.chunk(null, "stop"), "", "data: [DONE]"));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            List<String> tokens = new ArrayList<>();
            assertThat(generator.answer("Do kittens sleep longer?", SOURCES, tokens::add).cited()).containsExactly(2);
            assertThat(tokens).containsExactly("Yes [2].");
        }
    }

    @Test
    void aServerThatIgnoresTheStreamFlagIsStillUnderstood() throws Exception {
        try (ChatServerStub server = new ChatServerStub(completion("Sixteen hours [1]."));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            assertThat(generator.answer("How long do cats sleep?", SOURCES).text()).isEqualTo("Sixteen hours [1].");
        }
    }

    @Test
    void anAnswerThatDoesNotKnowAbstains() throws Exception {
        try (ChatServerStub server = new ChatServerStub(completion("I don't know."));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server).withStream(false))) {
            Answer answer = generator.answer("What do dogs eat?", SOURCES);
            assertThat(answer.abstained()).isTrue();
            assertThat(answer.cited()).isEmpty();
        }
    }

    @Test
    void withoutSourcesTheServerIsNotAsked() throws Exception {
        try (ChatServerStub server = new ChatServerStub(completion("made up"));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            List<String> tokens = new ArrayList<>();
            Answer answer = generator.answer("What do dogs eat?", List.of(), tokens::add);
            assertThat(answer).isEqualTo(new Answer("I don't know.", List.of(), true, "openai:test-model"));
            assertThat(tokens).containsExactly("I don't know.");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void theKeyIsSentAsABearerTokenOnlyWhenSet() throws Exception {
        try (ChatServerStub server = new ChatServerStub(completion("Yes [1]."))) {
            try (OpenAiChatGenerator keyed = new OpenAiChatGenerator(settings(server).withApiKey("sk-test-123"));
                 OpenAiChatGenerator keyless = new OpenAiChatGenerator(settings(server))) {
                keyed.answer("Do cats sleep?", SOURCES);
                keyless.answer("Do cats sleep?", SOURCES);
            }
            assertThat(server.requests()).extracting(r -> r.header("Authorization")).containsExactly("Bearer sk-test-123", null);
        }
    }
}
