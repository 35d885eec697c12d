package dev.kiln.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.registry.ModelVersion;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Open Inference Protocol's REST routes (KServe V2): server and model metadata, health and
 * readiness, and {@code infer} with named typed tensors. A model's inputs are its schema's
 * columns, one tensor each of shape {@code [n]} or {@code [n, 1]}: double columns take FP16/32/64
 * or integer data, long columns integers, boolean columns BOOL, categorical and text columns BYTES
 * (strings). A classifier answers with {@code label} (BYTES, {@code [n]}) and, when it has them,
 * {@code probabilities} (FP64, {@code [n, classes]}, the class names in its parameters); a
 * regressor with {@code prediction} (FP64, {@code [n]}); a clusterer with {@code cluster} (INT64).
 */
final class InferenceProtocol {
    private static final Set<String> FLOATS = Set.of("FP16", "FP32", "FP64");
    private static final Set<String> INTEGERS = Set.of("INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64");

    private final KilnServer server;
    private final ServedModels models;

    InferenceProtocol(KilnServer server, ServedModels models) {
        this.server = server;
        this.models = models;
    }

    void server(Context ctx) {
        KilnServer.json(ctx, 200, Map.of("name", "kiln", "version", KilnServer.version(), "extensions", List.of()));
    }

    void metadata(Context ctx) {
        ModelVersion v = models.resolve(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", v.name());
        out.put("versions", models.registry().versionNumbers(v.name()).stream().map(String::valueOf).toList());
        out.put("platform", "kiln");
        List<Map<String, Object>> inputs = new ArrayList<>();
        Schema schema = v.manifest().inputSchema();
        if (schema != null) {
            for (Schema.Field f : schema.fields()) {
                inputs.add(tensor(f.name(), datatype(f.type()), List.of(-1), null, null));
            }
        }
        out.put("inputs", inputs);
        out.put("outputs", outputs(v.manifest().task()));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("version", v.version());
        parameters.put("model_type", v.manifest().modelType());
        parameters.put("task", v.manifest().task());
        parameters.put("aliases", v.aliases());
        out.put("parameters", parameters);
        KilnServer.json(ctx, 200, out);
    }

    void modelReady(Context ctx) {
        ModelVersion v = models.resolve(ctx);
        models.model(v);
        KilnServer.json(ctx, 200, Map.of("name", v.name(), "version", Integer.toString(v.version()), "ready", true));
    }

    void infer(Context ctx) throws Exception {
        ModelVersion v = models.resolve(ctx);
        JsonNode body = KilnServer.body(ctx);
        List<Violation> problems = new ArrayList<>();
        JsonNode inputs = body.get("inputs");
        if (!body.isObject() || inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new InvalidInputException(List.of(new Violation("/inputs",
                    "expected {\"inputs\": [{\"name\", \"shape\", \"datatype\", \"data\"}, …]}, one tensor per input column")), 0);
        }
        Model<?> model = models.model(v);
        var reader = models.reader(v);
        Map<String, JsonNode> columns = new HashMap<>();
        Map<String, String> pointers = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode t = inputs.get(i);
            String at = "/inputs/" + i;
            String name = t.path("name").asText(null);
            if (name == null) {
                problems.add(new Violation(at + "/name", "expected the input's name"));
                continue;
            }
            Schema.Field field = reader.schema().fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
            if (field == null) {
                continue;
            }
            String datatype = t.path("datatype").asText("");
            if (!accepts(field.type(), datatype)) {
                problems.add(new Violation(at + "/datatype", "input '" + name + "' is " + field.type().label() + "; expected datatype "
                        + datatype(field.type()) + (field.type() == ColumnType.DOUBLE ? " (or another FP or INT type)" : "")
                        + ", got '" + datatype + "'"));
                continue;
            }
            JsonNode data = flatten(t.get("data"));
            if (data == null) {
                problems.add(new Violation(at + "/data", "expected the tensor's data as an array"));
                continue;
            }
            JsonNode shape = t.get("shape");
            if (shape == null || !shape.isArray() || shape.isEmpty() || shape.size() > 2 || shape.size() == 2 && shape.get(1).asLong() != 1
                    || shape.get(0).asLong() != data.size()) {
                problems.add(new Violation(at + "/shape", "expected [" + data.size() + "] or [" + data.size() + ", 1] for "
                        + data.size() + " values, got " + shape));
                continue;
            }
            columns.put(name, data);
            pointers.put(name, at + "/data");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, 0);
        }
        ServedModels.Admitted in = models.admit(v, reader.readColumns(columns, pointers, "/inputs"));
        Prediction p = server.within(() -> model.predict(in.rows()));
        server.metrics().predicted(v, p);
        models.observe(v, in.rows(), p);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model_name", v.name());
        out.put("model_version", Integer.toString(v.version()));
        if (body.hasNonNull("id")) {
            out.put("id", body.get("id").asText());
        }
        if (!in.warnings().isEmpty()) {
            out.put("parameters", Map.of("warnings", in.warnings()));
        }
        out.put("outputs", tensors(p));
        KilnServer.json(ctx, 200, out);
    }

    private static List<Map<String, Object>> tensors(Prediction p) {
        List<Map<String, Object>> out = new ArrayList<>();
        switch (p) {
            case ClassificationPrediction c -> {
                List<String> labels = new ArrayList<>(c.size());
                for (int i = 0; i < c.size(); i++) {
                    labels.add(c.label(i));
                }
                out.add(tensor("label", "BYTES", List.of(c.size()), labels, null));
                if (c.hasProbabilities()) {
                    int k = c.classes().size();
                    double[] flat = new double[c.size() * k];
                    for (int i = 0; i < c.size(); i++) {
                        System.arraycopy(c.probabilities(i), 0, flat, i * k, k);
                    }
                    out.add(tensor("probabilities", "FP64", List.of(c.size(), k), flat, Map.of("classes", c.classes())));
                }
            }
            case RegressionPrediction r -> out.add(tensor("prediction", "FP64", List.of(r.size()), r.values(), null));
            case ClusterPrediction k -> out.add(tensor("cluster", "INT64", List.of(k.size()), k.clusters(), null));
        }
        return out;
    }

    private static Map<String, Object> tensor(String name, String datatype, List<Integer> shape, Object data, Map<String, Object> parameters) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("datatype", datatype);
        t.put("shape", shape);
        if (parameters != null) {
            t.put("parameters", parameters);
        }
        if (data != null) {
            t.put("data", data);
        }
        return t;
    }

    private static List<Map<String, Object>> outputs(String task) {
        if ("regression".equals(task)) {
            return List.of(tensor("prediction", "FP64", List.of(-1), null, null));
        }
        if ("classification".equals(task)) {
            return List.of(tensor("label", "BYTES", List.of(-1), null, null),
                    tensor("probabilities", "FP64", List.of(-1, -1), null, null));
        }
        return List.of();
    }

    static String datatype(ColumnType type) {
        return switch (type) {
            case DOUBLE -> "FP64";
            case LONG -> "INT64";
            case BOOLEAN -> "BOOL";
            case CATEGORICAL, TEXT -> "BYTES";
        };
    }

    private static boolean accepts(ColumnType type, String datatype) {
        return switch (type) {
            case DOUBLE -> FLOATS.contains(datatype) || INTEGERS.contains(datatype);
            case LONG -> INTEGERS.contains(datatype);
            case BOOLEAN -> datatype.equals("BOOL");
            case CATEGORICAL, TEXT -> datatype.equals("BYTES");
        };
    }

    /** The values of a tensor's {@code data}, nested arrays flattened in row-major order; null when it is not an array. */
    private static JsonNode flatten(JsonNode data) {
        if (data == null || !data.isArray()) {
            return null;
        }
        boolean nested = false;
        for (JsonNode d : data) {
            nested |= d.isArray();
        }
        if (!nested) {
            return data;
        }
        ArrayNode flat = JsonNodeFactory.instance.arrayNode();
        addAll(data, flat);
        return flat;
    }

    private static void addAll(JsonNode node, ArrayNode into) {
        for (JsonNode d : node) {
            if (d.isArray()) {
                addAll(d, into);
            } else {
                into.add(d);
            }
        }
    }
}
