package dev.kiln.core.modelfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.model.Model;
import java.util.Map;

/**
 * What a {@link ModelCodec} writes a model into: hyperparameters and structure as JSON in the
 * manifest, arrays as named tensors. Nested components (a pipeline's steps) get their own
 * codec, their own JSON and a tensor-name prefix.
 */
public final class ModelWriter {
    private final String prefix;
    private final Map<String, Tensor> tensors;
    private final ObjectNode config;
    private JsonNode hyperparameters;

    ModelWriter(String prefix, Map<String, Tensor> tensors) {
        this.prefix = prefix;
        this.tensors = tensors;
        this.config = ModelJson.MAPPER.createObjectNode();
        this.hyperparameters = ModelJson.MAPPER.createObjectNode();
    }

    /** Records the hyperparameters: a record, a map, or anything Jackson writes as a JSON object. */
    public void hyperparameters(Object value) {
        JsonNode node = ModelJson.MAPPER.valueToTree(value);
        if (!node.isObject()) {
            throw new IllegalArgumentException("hyperparameters must be a JSON object, got " + node.getNodeType());
        }
        this.hyperparameters = node;
    }

    /** Records a structural value (class names, feature names, small tables) under {@code key}. */
    public void put(String key, Object value) {
        checkKey(key);
        config.set(key, ModelJson.MAPPER.valueToTree(value));
    }

    public void tensor(String name, Tensor tensor) {
        String full = prefix + name;
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("tensor names must be non-empty and free of '/', got '" + name + "'");
        }
        if (tensors.putIfAbsent(full, tensor) != null) {
            throw new IllegalArgumentException("tensor '" + full + "' written twice");
        }
    }

    public void tensor(String name, double[] values, long... shape) {
        tensor(name, Tensor.of(values, shape));
    }

    public void tensor(String name, float[] values, long... shape) {
        tensor(name, Tensor.of(values, shape));
    }

    public void tensor(String name, long[] values, long... shape) {
        tensor(name, Tensor.of(values, shape));
    }

    public void tensor(String name, int[] values, long... shape) {
        tensor(name, Tensor.of(values, shape));
    }

    /** A matrix as a 2-D F64 tensor. */
    public void tensor(String name, Matrix matrix) {
        tensor(name, Tensor.of(matrix.toRowMajorArray(), matrix.rows(), matrix.cols()));
    }

    /** Writes a nested component with its own codec under {@code name}. */
    public void child(String name, Object component) {
        checkKey(name);
        if (name.contains("/")) {
            throw new IllegalArgumentException("child names must be free of '/', got '" + name + "'");
        }
        ObjectNode children = config.has(ModelReader.CHILDREN) ? (ObjectNode) config.get(ModelReader.CHILDREN)
                : config.putObject(ModelReader.CHILDREN);
        if (children.has(name)) {
            throw new IllegalArgumentException("child '" + name + "' written twice");
        }
        children.set(name, write(component, prefix + name + "/", tensors));
    }

    JsonNode hyperparametersNode() {
        return hyperparameters;
    }

    ObjectNode configNode() {
        return config;
    }

    /**
     * Writes {@code component} with its codec; returns its {model_type, type_version, input_schema
     * (for models and fitted transformers), hyperparameters, config}.
     */
    static ObjectNode write(Object component, String prefix, Map<String, Tensor> tensors) {
        @SuppressWarnings("unchecked")
        ModelCodec<Object> codec = (ModelCodec<Object>) ModelTypes.forClass(component.getClass());
        ModelWriter w = new ModelWriter(prefix, tensors);
        codec.write(component, w);
        ObjectNode node = ModelJson.MAPPER.createObjectNode();
        node.put("model_type", codec.typeId());
        node.put("type_version", codec.version());
        Schema schema = component instanceof Model<?> m ? m.inputSchema()
                : component instanceof FittedTransformer t ? t.inputSchema() : null;
        if (schema != null) {
            node.set(ModelReader.INPUT_SCHEMA, ModelJson.MAPPER.valueToTree(schema));
        }
        node.set("hyperparameters", w.hyperparameters);
        node.set("config", w.config);
        return node;
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("keys must be non-empty");
        }
        if (key.equals(ModelReader.CHILDREN) || key.equals(ModelReader.INPUT_SCHEMA)) {
            throw new IllegalArgumentException("'" + key + "' is reserved; Kiln writes it itself");
        }
    }
}
