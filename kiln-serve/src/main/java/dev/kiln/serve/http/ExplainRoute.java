package dev.kiln.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;
import dev.kiln.explain.ExplainerChooser;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.ExplanationJson;
import dev.kiln.serve.input.InstanceReader;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.registry.ModelVersion;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/models/NAME[/versions/V]/explain}: SHAP values of the rows of a predict body,
 * as {@code kiln explain --json} writes them. Optional members: {@code method} (auto, tree,
 * linear, exact), {@code class}, and {@code background} (records like the instances; with trees
 * it asks for interventional TreeSHAP). Without a background, linear and exact SHAP take the
 * instances themselves as the background, so they need at least two.
 */
final class ExplainRoute {
    private final KilnServer server;
    private final ServedModels models;

    ExplainRoute(KilnServer server, ServedModels models) {
        this.server = server;
        this.models = models;
    }

    void explain(Context ctx) throws Exception {
        ModelVersion version = models.resolve(ctx);
        JsonNode body = KilnServer.body(ctx);
        if (!body.isObject() || !body.has("instances")) {
            throw new InvalidInputException(List.of(new Violation("/instances",
                    "expected {\"instances\": [...]}: records by column name or rows in column order")), 0);
        }
        Model<?> model = models.model(version);
        InstanceReader reader = models.reader(version);
        ServedModels.Admitted in = models.admit(version, reader.read(body.get("instances"), "/instances"));
        ExplainerChooser.Method method = method(body);
        String outputClass = text(body, "class");
        Frame background = body.has("background") ? reader.read(body.get("background"), "/background").frame() : in.rows();
        Integer backgroundSize = body.has("background") ? background.rowCount() : null;
        List<Explanation> explanations = server.within(() -> {
            try {
                return ExplainerChooser.choose(model, new ExplainerChooser.Request(method, outputClass, background,
                        backgroundSize, 0, false)).explain(in.rows());
            } catch (IllegalArgumentException e) {
                throw new Problem.Exception(Problem.of(422, "cannot-explain", "Cannot explain", e.getMessage()));
            }
        });
        String used = explanations.get(0).method();
        if (background.rowCount() < 2 && !used.startsWith("tree")) {
            throw new InvalidInputException(List.of(new Violation(body.has("background") ? "/background" : "/instances",
                    "method " + used + " measures contributions against a background of at least 2 rows; send several instances"
                            + " or a \"background\" list of typical rows")), 0);
        }
        List<Map<String, Object>> rows = new ArrayList<>(explanations.size());
        for (int i = 0; i < explanations.size(); i++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("row", i);
            one.putAll(ExplanationJson.row(explanations.get(i), in.rows(), i));
            rows.add(one);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", version.name());
        out.put("version", version.version());
        out.put("explanations", rows);
        if (!in.warnings().isEmpty()) {
            out.put("warnings", in.warnings());
        }
        KilnServer.json(ctx, 200, out);
    }

    private static ExplainerChooser.Method method(JsonNode body) {
        String name = text(body, "method");
        try {
            return name == null ? ExplainerChooser.Method.AUTO : ExplainerChooser.Method.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new Violation("/method", e.getMessage())), 0);
        }
    }

    private static String text(JsonNode body, String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(List.of(new Violation("/" + member, "expected a string")), 0);
        }
        return node.asText();
    }
}
