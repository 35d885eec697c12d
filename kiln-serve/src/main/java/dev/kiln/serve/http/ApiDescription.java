package dev.kiln.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 description of the server, served at {@code GET /openapi.json}. Operations are
 * added as the routes are registered ({@link KilnServer}), so the description names every route
 * and only those; the request and response bodies refer to the JSON Schemas in
 * {@code openapi-schemas.json}.
 */
final class ApiDescription {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z]+)}");
    private static final String PROBLEM = "application/problem+json";

    private final ObjectNode document;
    private final ObjectNode paths;

    /** One operation: what it does, its tag, the scope an API key needs (null: open), and its body schemas (null: none, or not JSON). */
    record Operation(String summary, String tag, Scope scope, String request, int status, String response) {
    }

    ApiDescription(String version) {
        document = KilnServer.JSON.createObjectNode();
        document.put("openapi", "3.1.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Kiln");
        info.put("version", version);
        info.put("description", "Kiln's model server: the registry's models over the Open Inference Protocol (KServe V2) and a simple "
                + "JSON API, questions to knowledge bases, Prometheus metrics. Every error is an RFC 9457 problem document.");
        paths = document.putObject("paths");
        ObjectNode components = document.putObject("components");
        components.set("schemas", schemas());
        ObjectNode bearer = components.putObject("securitySchemes").putObject("apiKey");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("description", "An API key from kiln serve --api-keys; each key has scopes (read, predict, admin). "
                + "Without configured keys the server asks for none.");
    }

    void add(HandlerType method, String path, Operation op) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode o = item.putObject(method.name().toLowerCase(Locale.ROOT));
        o.put("summary", op.summary());
        o.putArray("tags").add(op.tag());
        o.put("operationId", method.name().toLowerCase(Locale.ROOT) + operationName(path));
        Matcher m = PATH_PARAMETER.matcher(path);
        if (m.find()) {
            ArrayNode parameters = o.putArray("parameters");
            do {
                ObjectNode p = parameters.addObject();
                p.put("name", m.group(1));
                p.put("in", "path");
                p.put("required", true);
                p.putObject("schema").put("type", "string");
            } while (m.find());
        }
        if (op.scope() != null) {
            o.putArray("security").addObject().putArray("apiKey").add(op.scope().label());
        } else {
            o.putArray("security");
        }
        if (op.request() != null) {
            ObjectNode body = o.putObject("requestBody");
            body.put("required", true);
            ref(body.putObject("content").putObject("application/json"), op.request());
        }
        ObjectNode responses = o.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(op.status()));
        ok.put("description", op.summary());
        if (op.response() != null) {
            ref(ok.putObject("content").putObject(op.response().equals("metrics") ? "text/plain" : "application/json"), op.response());
        }
        ObjectNode problem = responses.putObject("default");
        problem.put("description", "A problem: bad input (400, 413, 422), a missing or insufficient API key (401, 403), "
                + "an unknown model or route (404), a time limit or shutdown (503)");
        ref(problem.putObject("content").putObject(PROBLEM), "Problem");
    }

    /** The document as JSON. */
    JsonNode document() {
        return document;
    }

    private static void ref(ObjectNode content, String schema) {
        if (schema.equals("metrics")) {
            content.putObject("schema").put("type", "string");
        } else {
            content.putObject("schema").put("$ref", "#/components/schemas/" + schema);
        }
    }

    /** {@code /api/models/{name}/predict} → {@code ApiModelsNamePredict}. */
    private static String operationName(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.replaceAll("[{}.]", "").split("/")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    private static JsonNode schemas() {
        ObjectNode schemas = (ObjectNode) schemas("openapi-schemas.json");
        schemas.setAll((ObjectNode) schemas("openapi-experiment-schemas.json"));
        return schemas;
    }

    private static JsonNode schemas(String resource) {
        try (InputStream in = ApiDescription.class.getResourceAsStream(resource)) {
            return KilnServer.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }
}
