package dev.kiln.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.modelfile.ModelFileException;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.monitor.BaselineFiles;
import dev.kiln.serve.registry.ModelVersion;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes that change the registry (they need the {@code admin} scope): register a saved model
 * on the server's filesystem as a new version, and point an alias at a version.
 */
final class RegistryAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryAdmin.class);

    private final ServedModels models;

    RegistryAdmin(ServedModels models) {
        this.models = models;
    }

    /**
     * {@code POST /api/models/NAME/versions} with {@code {"path": "...", "description": "..."}} and, optionally, the
     * {@code reference} training data and {@code expectations} file of its monitoring baseline: 201 and the new version.
     */
    void register(Context ctx) {
        String name = ctx.pathParam("name");
        JsonNode body = KilnServer.body(ctx);
        Path path = path(body.path("path"));
        JsonNode description = body.path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            throw invalid("/description", "expected a string");
        }
        Path reference = optionalPath(body, "reference");
        Path expectations = optionalPath(body, "expectations");
        ModelVersion v;
        try {
            v = BaselineFiles.register(models.registry(), name, path, description.asText(""), reference, expectations);
        } catch (IllegalArgumentException | ModelFileException | DataFormatException | UncheckedIOException e) {
            throw new Problem.Exception(Problem.of(422, "cannot-register", "Cannot register", e.getMessage()));
        }
        LOG.info("registered {} version {} from {} (key {})", name, v.version(), path, keyOrigin(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.putAll(KilnServer.describe(v));
        KilnServer.json(ctx, 201, out);
    }

    /** {@code PUT /api/models/NAME/aliases/ALIAS} with {@code {"version": N}}: the alias and where it pointed before. */
    void promote(Context ctx) {
        String name = models.resolve(ctx.pathParam("name"), null).name();
        String alias = ctx.pathParam("alias");
        JsonNode version = KilnServer.body(ctx).path("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw invalid("/version", "expected a version number (a whole number from 1)");
        }
        int before;
        try {
            before = models.registry().promote(name, version.asInt(), alias);
        } catch (IllegalArgumentException e) {
            throw new Problem.Exception(Problem.of(422, "cannot-promote", "Cannot promote", e.getMessage()));
        }
        LOG.info("{} alias {} -> version {} (was {}; key {})", name, alias, version.asInt(), before, keyOrigin(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("alias", alias);
        out.put("version", version.asInt());
        out.put("previous_version", before == 0 ? null : before);
        KilnServer.json(ctx, 200, out);
    }

    private static Path optionalPath(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw invalid("/" + field, "expected a string: the path of a file on the server");
        }
        try {
            return Path.of(node.asText());
        } catch (InvalidPathException e) {
            throw invalid("/" + field, "not a valid path: " + e.getReason());
        }
    }

    private static Path path(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw invalid("/path", "expected a string: the path of a saved model (a directory or .zip) on the server");
        }
        try {
            return Path.of(node.asText());
        } catch (InvalidPathException e) {
            throw invalid("/path", "not a valid path: " + e.getReason());
        }
    }

    private static InvalidInputException invalid(String pointer, String message) {
        return new InvalidInputException(List.of(new Violation(pointer, message)), 0);
    }

    private static String keyOrigin(Context ctx) {
        Object origin = ctx.attribute(KeyCheck.KEY_ORIGIN);
        return origin == null ? "none" : origin.toString();
    }
}
