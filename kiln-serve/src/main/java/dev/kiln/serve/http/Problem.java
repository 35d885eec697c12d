package dev.kiln.serve.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error response as RFC 9457 defines it ({@code application/problem+json}): a type URI, a
 * short title, the HTTP status, a detail that says what was wrong and what was expected, and
 * extension members (e.g. {@code errors}: every invalid value with its JSON pointer).
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {
    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "urn:kiln:problem:";

    public Problem {
        Objects.requireNonNull(title, "title");
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** A problem of kind {@code slug} (e.g. {@code invalid-input}), documented under the Kiln problem types. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(BASE + slug, title, status, detail, Map.of());
    }

    public Problem with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(key, value);
        return new Problem(type, title, status, detail, more);
    }

    /** The document's members, in RFC 9457's order, then the extensions. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("title", title);
        out.put("status", status);
        out.put("detail", detail);
        out.putAll(extensions);
        return out;
    }

    /** Thrown by a route to answer with {@code problem}. */
    public static final class Exception extends RuntimeException {
        private final Problem problem;

        public Exception(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
