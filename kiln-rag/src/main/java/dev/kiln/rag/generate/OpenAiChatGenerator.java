package dev.kiln.rag.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Generator} that asks an OpenAI-compatible chat-completions server for the answer, with
 * the {@link GroundedPrompt}; streamed answers (server-sent events) reach the token consumer piece
 * by piece as they arrive, on the calling thread. Connection failures, HTTP 429 and 5xx are tried
 * again (see {@link ChatServerSettings#withRetries}) unless part of the answer was already handed
 * on; other failures, and waiting longer than the timeout for the connection, the response or the
 * next line of a stream, end in a {@link GenerationException} that names the URL. Given no sources,
 * it answers {@value GroundedPrompt#DONT_KNOW} without asking the server. Thread-safe.
 */
public final class OpenAiChatGenerator implements Generator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatGenerator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int MAX_BODY_CHARS = 4_000_000;
    private static final int MAX_ERROR_BODY_CHARS = 64_000;
    private static final int MAX_QUOTED_CHARS = 300;

    private final ChatServerSettings settings;
    private final GroundedPrompt prompt;
    private final URI url;
    private final HttpClient client;

    public OpenAiChatGenerator(ChatServerSettings settings) {
        this(settings, GroundedPrompt.standard());
    }

    public OpenAiChatGenerator(ChatServerSettings settings, GroundedPrompt prompt) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.url = settings.chatCompletionsUrl();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build();
    }

    public ChatServerSettings settings() {
        return settings;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the question is blank or too long (see {@link GroundedPrompt})
     */
    @Override
    public Answer answer(String question, List<Source> sources, Consumer<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        List<GroundedPrompt.Message> messages = prompt.messages(question, sources);
        if (sources.isEmpty()) {
            tokens.accept(GroundedPrompt.DONT_KNOW);
            return new Answer(GroundedPrompt.DONT_KNOW, List.of(), true, name());
        }
        String text = post(requestBody(messages), tokens);
        List<Integer> cited = Citations.cited(text, sources);
        return new Answer(text, cited, cited.isEmpty() && GroundedPrompt.saysItDoesNotKnow(text), name());
    }

    @Override
    public String name() {
        return "openai:" + settings.model();
    }

    /** Stops the HTTP client's threads and any exchange in flight. */
    @Override
    public void close() {
        client.shutdownNow();
    }

    private byte[] requestBody(List<GroundedPrompt.Message> messages) {
        ObjectNode request = JSON.createObjectNode();
        request.put("model", settings.model());
        ArrayNode list = request.putArray("messages");
        for (GroundedPrompt.Message m : messages) {
            list.addObject().put("role", m.role()).put("content", m.content());
        }
        request.put("temperature", settings.temperature());
        if (settings.maxTokens() > 0) {
            request.put("max_tokens", settings.maxTokens());
        }
        request.put("stream", settings.stream());
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String post(byte[] body, Consumer<String> tokens) {
        Duration backoff = settings.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            Call call = new Call(tokens);
            try {
                return call.run(body);
            } catch (TransientFailure f) {
                if (attempt > settings.maxRetries() || call.delivered) {
                    String tries = attempt == 1 ? "" : " (after " + attempt + " attempts)";
                    throw new GenerationException(f.getMessage() + tries, f.getCause());
                }
                Duration pause = f.retryAfter != null && f.retryAfter.compareTo(backoff) > 0 ? f.retryAfter : backoff;
                LOG.warn("{}; trying again in {} s ({} of {} retries)", f.getMessage(), seconds(pause), attempt, settings.maxRetries());
                sleep(pause);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("interrupted while waiting to ask " + url + " again", e);
        }
    }

    /** One request and its response, read from the events that the HTTP client's threads queue. */
    private final class Call {
        private final Consumer<String> tokens;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Lines lines = new Lines(events);
        private boolean delivered;

        Call(Consumer<String> tokens) {
            this.tokens = tokens;
        }

        String run(byte[] body) throws TransientFailure {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/json")
                    .header("Accept", settings.stream() ? "text/event-stream" : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (settings.apiKey() != null) {
                request.header("Authorization", "Bearer " + settings.apiKey());
            }
            CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request.build(), info -> {
                events.add(new Started(info.statusCode(), info.headers()));
                return BodySubscribers.fromLineSubscriber(lines);
            });
            response.whenComplete((r, e) -> events.add(e == null ? new Ended() : new Failed(e)));
            try {
                return read();
            } finally {
                lines.cancel();
                response.cancel(true);
            }
        }

        private String read() throws TransientFailure {
            Event first = next();
            if (first instanceof Failed failed) {
                throw failure(unwrap(failed.cause()));
            }
            if (!(first instanceof Started started)) {
                throw new GenerationException(url + " ended the exchange without a response");
            }
            if (started.status() / 100 != 2) {
                throw refusal(started);
            }
            return settings.stream() ? stream() : completion(body(MAX_BODY_CHARS, true));
        }

        private String stream() {
            StringBuilder text = new StringBuilder();
            StringBuilder other = new StringBuilder();
            boolean finished = false;
            while (true) {
                Event event = next();
                if (event instanceof Ended) {
                    if (finished) {
                        return text.toString();
                    }
                    if (text.isEmpty() && !other.isEmpty()) {
                        return completion(other.toString());
                    }
                    throw new GenerationException("the answer from " + url + " ended before data: [DONE]");
                }
                if (event instanceof Failed failed) {
                    throw lost(unwrap(failed.cause()));
                }
                String line = ((Line) event).text();
                if (line.startsWith("data:")) {
                    String data = line.substring(5).strip();
                    if (data.equals("[DONE]")) {
                        return text.toString();
                    }
                    JsonNode chunk = parse(data, "a stream event");
                    if (chunk.has("error")) {
                        throw new GenerationException(url + " reported an error in the middle of its answer: " + errorMessage(data));
                    }
                    JsonNode choice = chunk.path("choices").path(0);
                    JsonNode delta = choice.path("delta").path("content");
                    if (delta.isTextual() && !delta.asText().isEmpty()) {
                        append(text, delta.asText());
                        delivered = true;
                        tokens.accept(delta.asText());
                    }
                    finished |= choice.path("finish_reason").isTextual();
                } else if (!line.isBlank() && !line.startsWith(":") && !line.startsWith("event:") && !line.startsWith("id:")
                        && !line.startsWith("retry:")) {
                    append(other, line).append('\n');
                }
            }
        }

        private String completion(String body) {
            JsonNode content = parse(body, "a chat completion").path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new GenerationException(url + " answered without choices[0].message.content: " + quote(body));
            }
            delivered = true;
            tokens.accept(content.asText());
            return content.asText();
        }

        private String body(int limit, boolean strict) {
            StringBuilder body = new StringBuilder();
            while (true) {
                Event event = next();
                if (event instanceof Ended) {
                    return body.toString();
                }
                if (event instanceof Failed failed) {
                    throw lost(unwrap(failed.cause()));
                }
                String line = ((Line) event).text();
                if (body.length() + line.length() < limit) {
                    body.append(line).append('\n');
                } else if (strict) {
                    throw new GenerationException("the answer from " + url + " is longer than " + limit + " characters");
                }
            }
        }

        private GenerationException refusal(Started started) throws TransientFailure {
            String status = url + " answered HTTP " + started.status();
            String message;
            try {
                message = errorMessage(body(MAX_ERROR_BODY_CHARS, false));
            } catch (GenerationException e) {
                message = "(no message: " + e.getMessage() + ")";
            }
            String description = status + ": " + message;
            if (started.status() == 429 || started.status() >= 500) {
                throw new TransientFailure(description, null, retryAfter(started.headers()));
            }
            return new GenerationException(description);
        }

        private GenerationException failure(Throwable cause) throws TransientFailure {
            if (cause instanceof HttpConnectTimeoutException) {
                throw new TransientFailure("cannot reach " + url + ": no connection within " + seconds(settings.timeout()) + " s", cause,
                        null);
            }
            if (cause instanceof ConnectException) {
                throw new TransientFailure("cannot reach " + url + ": " + describe(cause), cause, null);
            }
            if (cause instanceof IOException) {
                throw new TransientFailure("lost the connection to " + url + " before it answered: " + describe(cause), cause, null);
            }
            return new GenerationException("asking " + url + " failed: " + describe(cause), cause);
        }

        private GenerationException lost(Throwable cause) {
            return new GenerationException("lost the connection to " + url + " while reading its answer: " + describe(cause), cause);
        }

        private Event next() {
            Event event;
            try {
                event = events.poll(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationException("interrupted while waiting for " + url, e);
            }
            if (event == null) {
                throw new GenerationException(delivered
                        ? url + " sent nothing for " + seconds(settings.timeout()) + " s in the middle of its answer"
                        : "no answer within " + seconds(settings.timeout()) + " s from " + url);
            }
            return event;
        }

        private JsonNode parse(String json, String what) {
            try {
                JsonNode node = JSON.readTree(json);
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (JsonProcessingException e) {
                // reported below
            }
            throw new GenerationException(url + " sent malformed JSON where " + what + " was expected: " + quote(json));
        }

        private StringBuilder append(StringBuilder out, String piece) {
            if (out.length() + piece.length() > MAX_BODY_CHARS) {
                throw new GenerationException("the answer from " + url + " is longer than " + MAX_BODY_CHARS + " characters");
            }
            return out.append(piece);
        }
    }

    /** The message of an OpenAI error ({@code {"error":{"message":..}}}) or of its usual variants, else the body itself. */
    static String errorMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null) {
                JsonNode error = node.path("error");
                for (JsonNode candidate : List.of(error, error.path("message"), node.path("message"), node.path("detail"))) {
                    if (candidate.isTextual() && !candidate.asText().isBlank()) {
                        return quote(candidate.asText());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: quoted as it is
        }
        return body.isBlank() ? "(no message)" : quote(body);
    }

    private static String quote(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= MAX_QUOTED_CHARS ? t : t.substring(0, MAX_QUOTED_CHARS) + "…";
    }

    private static Duration retryAfter(HttpHeaders headers) {
        try {
            return headers.firstValue("Retry-After").map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
                    .filter(d -> !d.isNegative()).map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if ((message == null || message.isBlank()) && t.getCause() != null && t.getCause() != t) {
            return describe(t.getCause());
        }
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private sealed interface Event permits Started, Line, Ended, Failed {
    }

    private record Started(int status, HttpHeaders headers) implements Event {
    }

    private record Line(String text) implements Event {
    }

    private record Ended() implements Event {
    }

    private record Failed(Throwable cause) implements Event {
    }

    /** Queues each line of the response body as it arrives. */
    private static final class Lines implements Flow.Subscriber<String> {
        private final BlockingQueue<Event> events;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        Lines(BlockingQueue<Event> events) {
            this.events = events;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            events.add(new Line(line));
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** A failure worth another try: the server unreachable, overloaded or rate-limiting. */
    private static final class TransientFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        TransientFailure(String message, Throwable cause, Duration retryAfter) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }
    }
}
