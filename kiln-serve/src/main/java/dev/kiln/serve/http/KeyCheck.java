package dev.kiln.serve.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code before} handler that asks for an API key with the scope a route needs: {@code read}
 * to GET, {@code predict} to POST a predict, explain or infer, a question to a knowledge base or an experiment's outcomes, {@code admin} for anything else. Health
 * routes, {@code GET /v2} and {@code GET /openapi.json} stay open for probes and tools; with no keys configured every route is open.
 */
final class KeyCheck {
    /** The request attribute that holds the origin of the key a request presented (e.g. {@code keys.txt:3}). */
    static final String KEY_ORIGIN = "kiln.api-key";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    KeyCheck(ApiKeys keys) {
        this.keys = keys;
    }

    void check(Context ctx) {
        Optional<Scope> needed = needed(ctx.method().name(), ctx.path());
        if (keys.isEmpty() || needed.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized(ctx, "Bearer realm=\"kiln\"", "this route needs an API key: send Authorization: Bearer KEY");
        }
        ApiKey key = keys.find(header.substring(BEARER.length()).strip()).orElseThrow(() -> unauthorized(ctx,
                "Bearer realm=\"kiln\", error=\"invalid_token\"", "the API key is not known"));
        ctx.attribute(KEY_ORIGIN, key.origin());
        Scope scope = needed.get();
        if (!key.scopes().contains(scope)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"kiln\", error=\"insufficient_scope\", scope=\"" + scope.label() + "\"");
            throw new Problem.Exception(Problem.of(403, "forbidden", "Forbidden", ctx.method() + " " + ctx.path()
                    + " needs the '" + scope.label() + "' scope, which this API key does not have").with("scope", scope.label()));
        }
    }

    private static Problem.Exception unauthorized(Context ctx, String challenge, String detail) {
        ctx.header("WWW-Authenticate", challenge);
        return new Problem.Exception(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    /** The scope {@code method} on {@code path} needs; empty for the open routes. */
    static Optional<Scope> needed(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        if (path.startsWith("/v2/health/") || m.equals("GET") && (path.equals("/v2") || path.equals("/v2/") || path.equals("/openapi.json"))) {
            return Optional.empty();
        }
        if (m.equals("GET") || m.equals("HEAD")) {
            return Optional.of(Scope.READ);
        }
        if (m.equals("POST") && (path.endsWith("/predict") || path.endsWith("/explain") || path.endsWith("/infer") || path.endsWith("/ask") || path.endsWith("/chat")
                || path.startsWith("/api/experiments/") && path.endsWith("/outcomes"))) {
            return Optional.of(Scope.PREDICT);
        }
        return Optional.of(Scope.ADMIN);
    }
}
