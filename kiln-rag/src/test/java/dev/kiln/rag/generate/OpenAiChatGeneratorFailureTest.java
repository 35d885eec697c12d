package dev.kiln.rag.generate;

import static dev.kiln.rag.generate.ChatServerStub.completion;
import static dev.kiln.rag.generate.ChatServerStub.error;
import static dev.kiln.rag.generate.ChatServerStub.hang;
import static dev.kiln.rag.generate.ChatServerStub.json;
import static dev.kiln.rag.generate.ChatServerStub.rawStream;
import static dev.kiln.rag.generate.ChatServerStub.stallAfter;
import static dev.kiln.rag.generate.OpenAiChatGeneratorTest.SOURCES;
import static dev.kiln.rag.generate.OpenAiChatGeneratorTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiChatGeneratorFailureTest {

    @Test
    void aServerErrorIsTriedAgainAndTheSecondAnswerCounts() throws Exception {
        try (ChatServerStub server = new ChatServerStub(error(500, "model is loading", Map.of()), completion("Yes [1]."));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            assertThat(generator.answer("Do cats sleep?", SOURCES).text()).isEqualTo("Yes [1].");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void rateLimitingIsTriedAgain() throws Exception {
        try (ChatServerStub server = new ChatServerStub(error(429, "slow down", Map.of("Retry-After", "0")), completion("Yes [1]."));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            assertThat(generator.answer("Do cats sleep?", SOURCES).text()).isEqualTo("Yes [1].");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void retriesEndWithTheLastErrorAndTheirCount() throws Exception {
        try (ChatServerStub server = new ChatServerStub(json(503, "Service Unavailable", Map.of()));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server).withRetries(1, Duration.ofMillis(1)))) {
            assertThatThrownBy(() -> generator.answer("Do cats sleep?", SOURCES)).isInstanceOf(GenerationException.class)
                    .hasMessage(server.baseUrl() + "/v1/chat/completions answered HTTP 503: Service Unavailable (after 2 attempts)");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void aClientErrorIsNotTriedAgainAndCarriesTheServersMessage() throws Exception {
        try (ChatServerStub server = new ChatServerStub(error(400, "model 'test-model' not found, try pulling it first", Map.of()));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            assertThatThrownBy(() -> generator.answer("Do cats sleep?", SOURCES)).isInstanceOf(GenerationException.class)
                    .hasMessage(server.baseUrl() + "/v1/chat/completions answered HTTP 400: model 'test-model' not found, try pulling it first");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void errorBodiesOfOtherShapesAreQuoted() {
        assertThat(OpenAiChatGenerator.errorMessage("{\"error\":{\"message\":\"bad key\",\"type\":\"auth\"}}")).isEqualTo("bad key");
        assertThat(OpenAiChatGenerator.errorMessage("{\"error\":\"model not found\"}")).isEqualTo("model not found");
        assertThat(OpenAiChatGenerator.errorMessage("{\"object\":\"error\",\"message\":\"too long\"}")).isEqualTo("too long");
        assertThat(OpenAiChatGenerator.errorMessage("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
        assertThat(OpenAiChatGenerator.errorMessage("<html>\n<h1>Bad Gateway</h1>\n</html>\n")).isEqualTo("<html> <h1>Bad Gateway</h1> </html>");
        assertThat(OpenAiChatGenerator.errorMessage("")).isEqualTo("(no message)");
        assertThat(OpenAiChatGenerator.errorMessage("x".repeat(1000))).hasSize(301).endsWith("x…");
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithoutRetrying() throws Exception {
        try (ChatServerStub server = new ChatServerStub(hang());
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server).withTimeout(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> generator.answer("Do cats sleep?", SOURCES)).isInstanceOf(GenerationException.class)
                    .hasMessage("no answer within 0.3 s from " + server.baseUrl() + "/v1/chat/completions");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isBetween(250L, 5_000L);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aStreamThatStallsMidAnswerTimesOutKeepingWhatArrived() throws Exception {
        try (ChatServerStub server = new ChatServerStub(stallAfter("Cats sleep"));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server).withTimeout(Duration.ofMillis(300)))) {
            List<String> tokens = new ArrayList<>();
            assertThatThrownBy(() -> generator.answer("Do cats sleep?", SOURCES, tokens::add)).isInstanceOf(GenerationException.class)
                    .hasMessage(server.baseUrl() + "/v1/chat/completions sent nothing for 0.3 s in the middle of its answer");
            assertThat(tokens).containsExactly("Cats sleep");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void anUnreachableServerIsNamedAfterItsRetries() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/v1/chat/completions";
        try (OpenAiChatGenerator generator = new OpenAiChatGenerator(ChatServerSettings.of("http://127.0.0.1:" + port, "m")
                .withRetries(1, Duration.ofMillis(1)).withTimeout(Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> generator.answer("Do cats sleep?", SOURCES)).isInstanceOf(GenerationException.class)
                    .hasMessageStartingWith("cannot reach " + url + ": ").hasMessageEndingWith(" (after 2 attempts)");
        }
    }

    @Test
    void anErrorEventInTheStreamEndsTheAnswer() throws Exception {
        try (ChatServerStub server = new ChatServerStub(rawStream("data: " + ChatServerStub.chunk("Cats", null), "",
                "data: {\"error\":{\"message\":\"context length exceeded\"}}", ""));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            assertThatThrownBy(() -> generator.answer("Do cats sleep?", SOURCES)).isInstanceOf(GenerationException.class)
                    .hasMessageEndingWith("reported an error in the middle of its answer: context length exceeded");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aStreamCutShortOrMalformedIsAnError() throws Exception {
        try (ChatServerStub server = new ChatServerStub(rawStream("data: " + ChatServerStub.chunk("Cats", null), ""),
                rawStream("data: {not json", ""), json(200, "{\"choices\":[]}", Map.of()));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server))) {
            String url = server.baseUrl() + "/v1/chat/completions";
            assertThatThrownBy(() -> generator.answer("q?", SOURCES)).hasMessage("the answer from " + url + " ended before data: [DONE]");
            assertThatThrownBy(() -> generator.answer("q?", SOURCES))
                    .hasMessage(url + " sent malformed JSON where a stream event was expected: {not json");
            assertThatThrownBy(() -> generator.answer("q?", SOURCES))
                    .hasMessage(url + " answered without choices[0].message.content: {\"choices\":[]}");
        }
    }

    @Test
    void aQuestionOverTheLimitIsRefusedBeforeAsking() throws Exception {
        try (ChatServerStub server = new ChatServerStub(completion("Yes [1]."));
             OpenAiChatGenerator generator = new OpenAiChatGenerator(settings(server), new GroundedPrompt(10, 100, 100))) {
            assertThatThrownBy(() -> generator.answer("Do cats sleep all day long?", SOURCES)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 10 are accepted");
            assertThat(server.requests()).isEmpty();
        }
    }
}
