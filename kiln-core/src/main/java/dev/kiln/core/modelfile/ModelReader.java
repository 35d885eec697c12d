package dev.kiln.core.modelfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JavaType;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ModelCodec} reads a model from; the mirror of {@link ModelWriter}. Every
 * accessor checks what it finds — presence, JSON type, tensor dtype and shape — and fails
 * with a {@link ModelFileException} that names the file and the place.
 */
public final class ModelReader {
    static final String CHILDREN = "children";
    static final String INPUT_SCHEMA = "input_schema";

    private final String source;
    private final String pointer;
    private final String prefix;
    private final int typeVersion;
    private final JsonNode inputSchema;
    private final JsonNode hyperparameters;
    private final JsonNode config;
    private final Map<String, Tensor> tensors;

    ModelReader(String source, String pointer, String prefix, int typeVersion, JsonNode inputSchema,
                JsonNode hyperparameters, JsonNode config, Map<String, Tensor> tensors) {
        this.source = source;
        this.pointer = pointer;
        this.prefix = prefix;
        this.typeVersion = typeVersion;
        this.inputSchema = inputSchema;
        this.hyperparameters = hyperparameters;
        this.config = config;
        this.tensors = tensors;
    }

    /** The layout version the file was written with (see {@link ModelCodec#version()}). */
    public int typeVersion() {
        return typeVersion;
    }

    /** The input schema Kiln recorded for a model or fitted transformer. */
    public Schema inputSchema() {
        if (inputSchema == null || inputSchema.isMissingNode() || inputSchema.isNull()) {
            throw error(pointer + "/" + INPUT_SCHEMA, "missing");
        }
        return convert(inputSchema, ModelJson.MAPPER.constructType(Schema.class), pointer + "/" + INPUT_SCHEMA);
    }

    /** The hyperparameters as {@code type} (typically a validated record). */
    public <T> T hyperparameters(Class<T> type) {
        return convert(hyperparameters, ModelJson.MAPPER.constructType(type), pointer + "/hyperparameters");
    }

    public boolean has(String key) {
        return config.has(key);
    }

    /** The structural value stored under {@code key}, as {@code type}. */
    public <T> T get(String key, Class<T> type) {
        return convert(node(key), ModelJson.MAPPER.constructType(type), pointer(key));
    }

    public String getString(String key) {
        JsonNode n = node(key);
        if (!n.isTextual()) {
            throw error(pointer(key), "expected a string, got " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return n.asText();
    }

    public List<String> getStringList(String key) {
        JavaType t = ModelJson.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class);
        List<String> list = convert(node(key), t, pointer(key));
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw error(pointer(key) + "/" + i, "expected a string, got null");
            }
        }
        return List.copyOf(list);
    }

    /** The shape of tensor {@code name}. */
    public long[] shape(String name) {
        return tensor(name).shape();
    }

    /** Tensor {@code name} as doubles; checks the shape when one is given. */
    public double[] doubles(String name, long... expectedShape) {
        return checked(name, DType.F64, expectedShape).toDoubleArray();
    }

    public float[] floats(String name, long... expectedShape) {
        return checked(name, DType.F32, expectedShape).toFloatArray();
    }

    public long[] longs(String name, long... expectedShape) {
        return checked(name, DType.I64, expectedShape).toLongArray();
    }

    public int[] ints(String name, long... expectedShape) {
        return checked(name, DType.I32, expectedShape).toIntArray();
    }

    /** A 2-D F64 tensor as a matrix. */
    public Matrix matrix(String name) {
        Tensor t = checked(name, DType.F64);
        long[] s = t.shape();
        if (s.length != 2) {
            throw error(tensorPlace(name), "expected a 2-D tensor, got shape " + Arrays.toString(s));
        }
        return Matrix.wrap((int) s[0], (int) s[1], t.toDoubleArray());
    }

    /** A 2-D F64 tensor of the given shape as a matrix. */
    public Matrix matrix(String name, int rows, int cols) {
        return Matrix.wrap(rows, cols, doubles(name, rows, cols));
    }

    /** Reads the nested component {@code name}, which must be a {@code type}. */
    public <T> T child(String name, Class<T> type) {
        JsonNode children = config.path(CHILDREN);
        JsonNode node = children.path(name);
        String at = pointer + "/config/" + CHILDREN + "/" + name;
        if (!node.isObject()) {
            throw error(at, "missing nested component '" + name + "'");
        }
        Object value = read(source, at, prefix + name + "/", node, tensors);
        if (!type.isInstance(value)) {
            throw error(at, "expected a " + type.getSimpleName() + ", found a " + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }

    /** The names of the nested components, in the order written. */
    public List<String> childNames() {
        JsonNode children = config.path(CHILDREN);
        List<String> names = new java.util.ArrayList<>();
        children.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** An error about this component's content, for codecs to throw on inconsistent files. */
    public ModelFileException error(String message) {
        return new ModelFileException(source + ": " + pointer + ": " + message);
    }

    /** Reads a component written by {@link ModelWriter#write}, dispatching on its model_type. */
    static Object read(String source, String pointer, String prefix, JsonNode node, Map<String, Tensor> tensors) {
        JsonNode typeNode = node.path("model_type");
        if (!typeNode.isTextual()) {
            throw new ModelFileException(source + ": " + pointer + "/model_type: expected a string naming the model type");
        }
        JsonNode versionNode = node.path("type_version");
        if (!versionNode.isInt() || versionNode.asInt() < 1) {
            throw new ModelFileException(source + ": " + pointer + "/type_version: expected a positive integer");
        }
        ModelCodec<?> codec;
        try {
            codec = ModelTypes.forTypeId(typeNode.asText());
        } catch (ModelFileException e) {
            throw new ModelFileException(source + ": " + pointer + "/model_type: " + e.getMessage());
        }
        int version = versionNode.asInt();
        if (version > codec.version()) {
            throw new ModelFileException(source + ": " + pointer + "/type_version: " + codec.typeId() + " layout " + version
                    + " was written by a newer Kiln; this one reads up to layout " + codec.version());
        }
        JsonNode hp = node.path("hyperparameters");
        JsonNode config = node.path("config");
        if (!hp.isObject()) {
            throw new ModelFileException(source + ": " + pointer + "/hyperparameters: expected an object");
        }
        if (!config.isObject()) {
            throw new ModelFileException(source + ": " + pointer + "/config: expected an object");
        }
        ModelReader reader = new ModelReader(source, pointer, prefix, version, node.get(INPUT_SCHEMA), hp, config, tensors);
        try {
            return codec.read(reader);
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFileException(source + ": " + pointer + ": cannot rebuild the " + codec.typeId()
                    + " model: " + e.getMessage(), e);
        }
    }

    private JsonNode node(String key) {
        JsonNode n = config.get(key);
        if (n == null) {
            throw error(pointer(key), "missing");
        }
        return n;
    }

    private Tensor tensor(String name) {
        Tensor t = tensors.get(prefix + name);
        if (t == null) {
            throw error(tensorPlace(name), "missing from the weights file");
        }
        return t;
    }

    private Tensor checked(String name, DType dtype, long... expectedShape) {
        Tensor t = tensor(name);
        if (t.dtype() != dtype) {
            throw error(tensorPlace(name), "expected " + dtype + " elements, found " + t.dtype());
        }
        if (expectedShape.length > 0 && !Arrays.equals(t.shape(), expectedShape)) {
            throw error(tensorPlace(name), "expected shape " + Arrays.toString(expectedShape) + ", found "
                    + Arrays.toString(t.shape()));
        }
        return t;
    }

    private String pointer(String key) {
        return pointer + "/config/" + key.replace("~", "~0").replace("/", "~1");
    }

    private String tensorPlace(String name) {
        return "tensor '" + prefix + name + "'";
    }

    private ModelFileException error(String place, String message) {
        return new ModelFileException(source + ": " + place + ": " + message);
    }

    private <T> T convert(JsonNode node, JavaType type, String at) {
        try {
            return ModelJson.MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String inner = ModelJson.pointer(e);
            throw error(inner.equals("/") ? at : at + inner, ModelJson.reason(e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }
}
