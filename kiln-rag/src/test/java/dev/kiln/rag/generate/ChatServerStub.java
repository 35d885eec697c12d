package dev.kiln.rag.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An in-process chat-completions server on a free port of the loopback address: it records each
 * request and answers with the next of its canned replies (the last one again once they run out).
 */
final class ChatServerStub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the server received it. */
    record Request(String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How the server answers one request. */
    interface Reply {
        void send(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Deque<Reply> replies;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ChatServerStub(Reply... replies) throws IOException {
        this.replies = new ArrayDeque<>(List.of(replies));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Reply reply;
                synchronized (this.replies) {
                    reply = this.replies.size() > 1 ? this.replies.poll() : this.replies.peek();
                }
                reply.send(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** The server's address without a path, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        handlers.shutdownNow();
        server.stop(0);
    }

    /** A non-streamed chat completion whose message is {@code content}. */
    static Reply completion(String content) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion");
        body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        return json(200, body.toString(), Map.of());
    }

    /** An OpenAI error body ({@code {"error":{"message":..}}}) with {@code status}. */
    static Reply error(int status, String message, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "invalid_request_error");
        return json(status, body.toString(), headers);
    }

    static Reply json(int status, String body, Map<String, String> headers) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /**
     * A streamed completion: one server-sent event per delta, then {@code data: [DONE]}. After
     * each delta it waits (up to 5 s) for a permit of {@code handedOn} before sending the next, so
     * a client passes only by handing each delta on as it arrives; without a permit the stream
     * ends early, without [DONE].
     */
    static Reply stream(List<String> deltas, Semaphore handedOn) {
        return exchange -> {
            OutputStream out = startStream(exchange);
            for (String delta : deltas) {
                event(out, chunk(delta, null));
                if (handedOn != null && !handedOn.tryAcquire(5, TimeUnit.SECONDS)) {
                    return;
                }
            }
            event(out, chunk(null, "stop"));
            event(out, "[DONE]");
        };
    }

    /** Sends the raw SSE {@code lines} (each followed by a newline) and ends the response. */
    static Reply rawStream(String... lines) {
        return exchange -> {
            OutputStream out = startStream(exchange);
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    /** Streams {@code first}, then says nothing more until the server closes. */
    static Reply stallAfter(String first) {
        return exchange -> {
            OutputStream out = startStream(exchange);
            event(out, chunk(first, null));
            Thread.sleep(Long.MAX_VALUE);
        };
    }

    /** Never answers: no status line, no body, until the server closes. */
    static Reply hang() {
        return exchange -> Thread.sleep(Long.MAX_VALUE);
    }

    static String chunk(String delta, String finishReason) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        ObjectNode d = choice.putObject("delta");
        if (delta != null) {
            d.put("content", delta);
        }
        return body.toString();
    }

    private static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
