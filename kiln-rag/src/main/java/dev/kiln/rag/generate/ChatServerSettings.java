package dev.kiln.rag.generate;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where and how {@link OpenAiChatGenerator} asks an OpenAI-compatible chat-completions server
 * (OpenAI, Ollama, vLLM, llama.cpp server): the server's API base, the model, an API key (null for
 * local servers that need none), the longest wait for the server, retries of transient failures
 * with exponential backoff, sampling temperature, the answer's token limit (0: the server's
 * default) and whether tokens are streamed.
 *
 * <p>The base is an http(s) URL without query or fragment. Requests go to POST
 * {@code {base}/chat/completions}. It is normalised: trailing slashes and a trailing
 * {@code /chat/completions} are dropped, and {@code /v1} is appended unless a path segment already
 * names a version ({@code v1}, {@code v1beta}, ...). So {@code http://localhost:11434},
 * {@code http://localhost:11434/v1/} and {@code http://localhost:11434/v1/chat/completions} all
 * mean {@code http://localhost:11434/v1}, and {@code https://api.openai.com/v1} is kept as it is.
 */
public record ChatServerSettings(URI baseUrl, String model, String apiKey, Duration timeout, int maxRetries, Duration retryBackoff,
                                 double temperature, int maxTokens, boolean stream) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
    /** Grounded answers want the most likely wording, not variety. */
    public static final double DEFAULT_TEMPERATURE = 0.0;
    public static final int DEFAULT_MAX_TOKENS = 1024;

    public static final String BASE_URL_VARIABLE = "KILN_LLM_BASE_URL";
    public static final String MODEL_VARIABLE = "KILN_LLM_MODEL";
    public static final String API_KEY_VARIABLE = "KILN_LLM_API_KEY";
    public static final String OPENAI_API_KEY_VARIABLE = "OPENAI_API_KEY";
    public static final String TIMEOUT_VARIABLE = "KILN_LLM_TIMEOUT_SECONDS";

    private static final String URL_FORM = "an http(s) URL such as http://localhost:11434/v1 or https://api.openai.com/v1";
    private static final Pattern VERSION_SEGMENT = Pattern.compile("(?i)(^|.*/)v\\d+[a-z0-9]*(/.*|$)");

    public ChatServerSettings {
        baseUrl = normalise(baseUrl);
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must name the model the server runs, e.g. gpt-4o-mini or llama3.1:8b");
        }
        model = model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("timeout must be in (0, 1 h], got " + timeout);
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be in [0, 10], got " + maxRetries);
        }
        if (retryBackoff == null || retryBackoff.isNegative() || retryBackoff.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("retryBackoff must be in [0, 1 min], got " + retryBackoff);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 0 (0: the server's default), got " + maxTokens);
        }
    }

    /** The defaults for {@code model} on the server at {@code baseUrl}, without a key. */
    public static ChatServerSettings of(String baseUrl, String model) {
        return new ChatServerSettings(parse(baseUrl), model, null, DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_RETRY_BACKOFF,
                DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS, true);
    }

    /** Whether {@code env} names a chat server ({@value #BASE_URL_VARIABLE} is set). */
    public static boolean isConfigured(Map<String, String> env) {
        String base = env.get(BASE_URL_VARIABLE);
        return base != null && !base.isBlank();
    }

    /**
     * The settings that {@code env} (as from {@link System#getenv()}) gives: {@value #BASE_URL_VARIABLE}
     * and {@value #MODEL_VARIABLE} (required), {@value #API_KEY_VARIABLE} or else
     * {@value #OPENAI_API_KEY_VARIABLE}, and {@value #TIMEOUT_VARIABLE}; defaults for the rest.
     *
     * @throws IllegalArgumentException naming the variable that is missing or malformed and the
     *     form expected
     */
    public static ChatServerSettings fromEnvironment(Map<String, String> env) {
        String base = required(env, BASE_URL_VARIABLE, URL_FORM);
        String model = required(env, MODEL_VARIABLE, "the model the server runs, e.g. gpt-4o-mini or llama3.1:8b");
        ChatServerSettings settings;
        try {
            settings = of(base, model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BASE_URL_VARIABLE + ": " + e.getMessage(), e);
        }
        String key = env.get(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            key = env.get(OPENAI_API_KEY_VARIABLE);
        }
        settings = settings.withApiKey(key);
        String seconds = env.get(TIMEOUT_VARIABLE);
        if (seconds != null && !seconds.isBlank()) {
            settings = settings.withTimeout(seconds(seconds.strip()));
        }
        return settings;
    }

    /** Where requests are posted: {@code {baseUrl}/chat/completions}. */
    public URI chatCompletionsUrl() {
        return URI.create(baseUrl + "/chat/completions");
    }

    public ChatServerSettings withApiKey(String v) {
        return new ChatServerSettings(baseUrl, model, v, timeout, maxRetries, retryBackoff, temperature, maxTokens, stream);
    }

    public ChatServerSettings withTimeout(Duration v) {
        return new ChatServerSettings(baseUrl, model, apiKey, v, maxRetries, retryBackoff, temperature, maxTokens, stream);
    }

    /** At most {@code retries} more tries, the first after {@code backoff}, each later wait twice the one before. */
    public ChatServerSettings withRetries(int retries, Duration backoff) {
        return new ChatServerSettings(baseUrl, model, apiKey, timeout, retries, backoff, temperature, maxTokens, stream);
    }

    public ChatServerSettings withTemperature(double v) {
        return new ChatServerSettings(baseUrl, model, apiKey, timeout, maxRetries, retryBackoff, v, maxTokens, stream);
    }

    public ChatServerSettings withMaxTokens(int v) {
        return new ChatServerSettings(baseUrl, model, apiKey, timeout, maxRetries, retryBackoff, temperature, v, stream);
    }

    public ChatServerSettings withStream(boolean v) {
        return new ChatServerSettings(baseUrl, model, apiKey, timeout, maxRetries, retryBackoff, temperature, maxTokens, v);
    }

    /** Shows whether a key is set, never the key. */
    @Override
    public String toString() {
        return "ChatServerSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "set")
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff + ", temperature="
                + temperature + ", maxTokens=" + maxTokens + ", stream=" + stream + "]";
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("expected " + URL_FORM + ", got nothing");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expected " + URL_FORM + ", got '" + url + "' (" + e.getReason() + ")", e);
        }
    }

    private static URI normalise(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("expected " + URL_FORM + ", got nothing");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("expected " + URL_FORM + ", got '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("expected " + URL_FORM + " without query, fragment or user info, got '" + url + "'");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        path = path.replaceAll("/+$", "");
        if (path.endsWith("/chat/completions")) {
            path = path.substring(0, path.length() - "/chat/completions".length());
        }
        if (!VERSION_SEGMENT.matcher(path).matches()) {
            path = path + "/v1";
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }

    private static String required(Map<String, String> env, String name, String form) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: expected " + form);
        }
        return value;
    }

    private static Duration seconds(String text) {
        double s;
        try {
            s = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s > 0 && s <= 3600)) {
            throw new IllegalArgumentException(TIMEOUT_VARIABLE + ": expected a number of seconds in (0, 3600], got '" + text + "'");
        }
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
