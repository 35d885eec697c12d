package dev.kiln.rag.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatServerSettingsTest {

    @ParameterizedTest
    @CsvSource({
        "http://localhost:11434, http://localhost:11434/v1",
        "http://localhost:11434/, http://localhost:11434/v1",
        "http://localhost:11434/v1, http://localhost:11434/v1",
        "http://localhost:11434/v1/, http://localhost:11434/v1",
        "http://localhost:8080/v1/chat/completions, http://localhost:8080/v1",
        "https://api.openai.com/v1, https://api.openai.com/v1",
        "https://api.groq.com/openai/v1, https://api.groq.com/openai/v1",
        "https://generativelanguage.googleapis.com/v1beta/openai/, https://generativelanguage.googleapis.com/v1beta/openai",
        "http://gateway.local/llm, http://gateway.local/llm/v1",
        "HTTP://Example.com:8000, http://Example.com:8000/v1",
    })
    void baseUrlsAreNormalisedToTheApiBase(String given, String base) {
        ChatServerSettings settings = ChatServerSettings.of(given, "m");
        assertThat(settings.baseUrl()).hasToString(base);
        assertThat(settings.chatCompletionsUrl()).hasToString(base + "/chat/completions");
    }

    @ParameterizedTest
    @CsvSource({"localhost:11434", "ftp://host/v1", "http:///v1", "http://host/v1?key=1", "http://host/v1#x", "http://user:pw@host/v1",
        "'http://host/a b'"})
    void badBaseUrlsAreRefusedWithTheExpectedForm(String url) {
        assertThatThrownBy(() -> ChatServerSettings.of(url, "m")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an http(s) URL such as http://localhost:11434/v1");
    }

    @Test
    void settingsAreValidated() {
        ChatServerSettings s = ChatServerSettings.of("http://localhost:11434", "llama3.1:8b");
        assertThat(s.stream()).isTrue();
        assertThat(s.apiKey()).isNull();
        assertThat(s.timeout()).isEqualTo(ChatServerSettings.DEFAULT_TIMEOUT);
        assertThatThrownBy(() -> ChatServerSettings.of("http://h", " ")).hasMessageContaining("model must name");
        assertThatThrownBy(() -> s.withTimeout(Duration.ZERO)).hasMessageContaining("timeout must be in (0, 1 h]");
        assertThatThrownBy(() -> s.withRetries(-1, Duration.ZERO)).hasMessageContaining("maxRetries must be in [0, 10]");
        assertThatThrownBy(() -> s.withRetries(1, Duration.ofSeconds(-1))).hasMessageContaining("retryBackoff");
        assertThatThrownBy(() -> s.withTemperature(Double.NaN)).hasMessageContaining("temperature must be in [0, 2]");
        assertThatThrownBy(() -> s.withMaxTokens(-5)).hasMessageContaining("maxTokens must be >= 0");
        assertThat(s.withApiKey("  ").apiKey()).isNull();
    }

    @Test
    void toStringNeverShowsTheKey() {
        ChatServerSettings s = ChatServerSettings.of("https://api.openai.com/v1", "gpt-4o-mini").withApiKey("sk-secret-123");
        assertThat(s.apiKey()).isEqualTo("sk-secret-123");
        assertThat(s.toString()).doesNotContain("sk-secret").contains("apiKey=set");
    }

    @Test
    void theEnvironmentGivesServerModelKeyAndTimeout() {
        ChatServerSettings s = ChatServerSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", "http://localhost:11434",
                "KILN_LLM_MODEL", "llama3.1:8b", "KILN_LLM_API_KEY", "kiln-key", "OPENAI_API_KEY", "openai-key",
                "KILN_LLM_TIMEOUT_SECONDS", "2.5"));
        assertThat(s.baseUrl()).hasToString("http://localhost:11434/v1");
        assertThat(s.model()).isEqualTo("llama3.1:8b");
        assertThat(s.apiKey()).isEqualTo("kiln-key");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(ChatServerSettings.isConfigured(Map.of("KILN_LLM_BASE_URL", "http://h"))).isTrue();
        assertThat(ChatServerSettings.isConfigured(Map.of())).isFalse();
    }

    @Test
    void openAiApiKeyIsTheFallbackAndNoKeyIsFine() {
        Map<String, String> base = Map.of("KILN_LLM_BASE_URL", "https://api.openai.com/v1", "KILN_LLM_MODEL", "gpt-4o-mini");
        assertThat(ChatServerSettings.fromEnvironment(base).apiKey()).isNull();
        assertThat(ChatServerSettings.fromEnvironment(with(base, "OPENAI_API_KEY", "sk-1")).apiKey()).isEqualTo("sk-1");
        assertThat(ChatServerSettings.fromEnvironment(with(with(base, "OPENAI_API_KEY", "sk-1"), "KILN_LLM_API_KEY", "")).apiKey())
                .isEqualTo("sk-1");
        assertThat(ChatServerSettings.fromEnvironment(base).timeout()).isEqualTo(ChatServerSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void environmentErrorsNameTheVariableAndTheExpectedForm() {
        assertThatThrownBy(() -> ChatServerSettings.fromEnvironment(Map.of("KILN_LLM_MODEL", "m")))
                .hasMessageStartingWith("KILN_LLM_BASE_URL is not set: expected an http(s) URL");
        assertThatThrownBy(() -> ChatServerSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", "http://h")))
                .hasMessageStartingWith("KILN_LLM_MODEL is not set: expected the model");
        assertThatThrownBy(() -> ChatServerSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", "localhost:11434", "KILN_LLM_MODEL", "m")))
                .hasMessageStartingWith("KILN_LLM_BASE_URL: expected an http(s) URL").hasMessageContaining("'localhost:11434'");
        for (String bad : new String[] {"soon", "0", "-3", "7200", "NaN"}) {
            assertThatThrownBy(() -> ChatServerSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", "http://h", "KILN_LLM_MODEL", "m",
                    "KILN_LLM_TIMEOUT_SECONDS", bad)))
                    .hasMessage("KILN_LLM_TIMEOUT_SECONDS: expected a number of seconds in (0, 3600], got '" + bad + "'");
        }
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }
}
