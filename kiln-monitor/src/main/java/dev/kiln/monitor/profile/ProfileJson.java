package dev.kiln.monitor.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.KilnVersion;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.monitor.experiment.Moments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile file: a readable summary per column (min, max, mean, quantiles, histogram,
 * distinct count, top values and patterns) for people and expectations, and the sketches
 * themselves under {@code sketches}, from which a profile is read back and merged. Reading
 * checks every field and names its JSON pointer when one is wrong.
 */
public final class ProfileJson {
    public static final String FORMAT = "kiln-profile";
    public static final int VERSION = 1;
    private static final double[] QUANTILES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
    private static final int HISTOGRAM_BINS = 20;
    private static final int TOP = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileJson() {
    }

    public static void write(DataProfile profile, Path target) {
        try {
            AtomicWrite.text(target, MAPPER.writeValueAsString(toJson(profile)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole profile file, sketches included. */
    public static ObjectNode toJson(DataProfile profile) {
        return toJson(profile, true);
    }

    /** The readable part only, without the sketches a file needs to be read back: for printing. */
    public static ObjectNode summary(DataProfile profile) {
        return toJson(profile, false);
    }

    private static ObjectNode toJson(DataProfile profile, boolean sketches) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("kiln_version", KilnVersion.current());
        if (profile.source() != null) {
            root.put("source", profile.source());
        }
        root.put("rows", profile.rows());
        ObjectNode columns = root.putObject("columns");
        profile.columns().forEach((name, column) -> {
            ObjectNode node = column(column);
            columns.set(name, sketches ? node : node.without("sketches"));
        });
        return root;
    }

    private static ObjectNode column(ColumnProfile c) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", c.type().label());
        out.put("count", c.count());
        out.put("missing", c.missing());
        out.put("missing_rate", c.missingRate());
        out.put("distinct", Math.round(c.distinctCount()));
        if (c.isNumeric()) {
            putNumber(out, "min", c.min());
            putNumber(out, "max", c.max());
            putNumber(out, "mean", c.mean());
            putNumber(out, "std", c.std());
            ObjectNode quantiles = out.putObject("quantiles");
            for (double q : QUANTILES) {
                putNumber(quantiles, Double.toString(q), c.quantile(q));
            }
            Histogram h = c.histogram(HISTOGRAM_BINS);
            ObjectNode histogram = out.putObject("histogram");
            numbers(histogram.putArray("edges"), h.edges());
            numbers(histogram.putArray("counts"), h.counts());
        }
        if (c.valueSummary() != null) {
            ObjectNode top = out.putObject("top_values");
            c.topValues(TOP).forEach(top::put);
            out.put("top_values_exact", c.valueCountsExact());
        }
        if (c.lengths() != null) {
            ObjectNode length = out.putObject("length");
            putNumber(length, "mean", c.lengths().count() == 0 ? Double.NaN : c.lengths().mean());
            putNumber(length, "std", c.lengths().count() < 2 ? Double.NaN : Math.sqrt(c.lengths().variance()));
            ObjectNode patterns = out.putObject("top_patterns");
            c.topPatterns(TOP).forEach(patterns::put);
        }
        ObjectNode sketches = out.putObject("sketches");
        if (c.quantileSketch() != null) {
            QuantileSketch q = c.quantileSketch();
            ObjectNode kll = sketches.putObject("kll");
            kll.put("k", q.k());
            kll.put("n", q.count());
            putNumber(kll, "min", q.min());
            putNumber(kll, "max", q.max());
            ArrayNode levels = kll.putArray("levels");
            for (double[] level : q.levels()) {
                numbers(levels.addArray(), level);
            }
            sketches.set("moments", moments(c.moments()));
        }
        ObjectNode hll = sketches.putObject("hll");
        hll.put("precision", c.distinctSketch().precision());
        hll.put("registers", Base64.getEncoder().encodeToString(c.distinctSketch().registers()));
        if (c.valueSummary() != null) {
            sketches.set("values", frequent(c.valueSummary()));
        }
        if (c.patternSummary() != null) {
            sketches.set("patterns", frequent(c.patternSummary()));
            sketches.set("lengths", moments(c.lengths()));
        }
        return out;
    }

    private static ObjectNode moments(Moments m) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("count", m.count());
        out.put("mean", m.mean());
        out.put("variance", m.variance());
        return out;
    }

    private static ObjectNode frequent(FrequentItems items) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("capacity", items.capacity());
        out.put("max_error", items.maxError());
        ObjectNode counts = out.putObject("counts");
        items.counts().forEach(counts::put);
        return out;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    /**
     * Reads a profile file.
     *
     * @throws DataFormatException naming the file and the JSON pointer of what is wrong
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static DataProfile read(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw DataFormatException.of(source, "no such file");
        } catch (JsonProcessingException e) {
            throw DataFormatException.atPosition(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return fromJson(root, source);
    }

    public static DataProfile fromJson(JsonNode root, String source) {
        Reader r = new Reader(source);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw r.error("/format", "expected \"" + FORMAT + "\": this is not a Kiln profile");
        }
        long version = r.integer(root, "/version");
        if (version != VERSION) {
            throw r.error("/version", "version " + version + " is not supported; this Kiln reads version " + VERSION);
        }
        long rows = r.integer(root, "/rows");
        JsonNode columnsNode = r.object(root, "/columns");
        Map<String, ColumnProfile> columns = new LinkedHashMap<>();
        var fields = columnsNode.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String pointer = "/columns/" + field.getKey().replace("~", "~0").replace("/", "~1");
            columns.put(field.getKey(), r.column(field.getKey(), root, pointer));
        }
        String recorded = root.hasNonNull("source") ? root.get("source").asText() : null;
        try {
            return new DataProfile(rows, columns, recorded);
        } catch (IllegalArgumentException e) {
            throw r.error("/rows", e.getMessage());
        }
    }

    private record Reader(String source) {

        DataFormatException error(String pointer, String detail) {
            return DataFormatException.of(source, "at " + pointer + ": " + detail);
        }

        JsonNode at(JsonNode root, String pointer) {
            JsonNode node = root.at(pointer);
            if (node.isMissingNode() || node.isNull()) {
                throw error(pointer, "missing");
            }
            return node;
        }

        long integer(JsonNode root, String pointer) {
            JsonNode node = at(root, pointer);
            if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
                throw error(pointer, "expected a whole number >= 0, got " + node);
            }
            return node.asLong();
        }

        double number(JsonNode root, String pointer) {
            JsonNode node = root.at(pointer);
            if (node.isNull()) {
                return Double.NaN;
            }
            if (!node.isNumber()) {
                throw error(pointer, "expected a number or null, got " + (node.isMissingNode() ? "nothing" : node));
            }
            return node.asDouble();
        }

        JsonNode object(JsonNode root, String pointer) {
            JsonNode node = at(root, pointer);
            if (!node.isObject()) {
                throw error(pointer, "expected an object, got " + node.getNodeType().name().toLowerCase());
            }
            return node;
        }

        /** The column at {@code c} (an absolute pointer into {@code root}). */
        ColumnProfile column(String name, JsonNode root, String c) {
            ColumnType type;
            try {
                type = ColumnType.fromLabel(at(root, c + "/type").asText());
            } catch (IllegalArgumentException e) {
                throw error(c + "/type", e.getMessage());
            }
            long count = integer(root, c + "/count");
            long missing = integer(root, c + "/missing");
            String sk = c + "/sketches";
            object(root, sk);
            QuantileSketch quantiles = null;
            Moments moments = null;
            if (root.at(sk + "/kll").isObject()) {
                String kll = sk + "/kll";
                JsonNode levelsNode = at(root, kll + "/levels");
                List<double[]> levels = new ArrayList<>();
                for (int h = 0; h < levelsNode.size(); h++) {
                    JsonNode level = levelsNode.get(h);
                    double[] values = new double[level.size()];
                    for (int i = 0; i < values.length; i++) {
                        if (!level.get(i).isNumber()) {
                            throw error(kll + "/levels/" + h + "/" + i, "expected a number, got " + level.get(i));
                        }
                        values[i] = level.get(i).asDouble();
                    }
                    levels.add(values);
                }
                try {
                    quantiles = QuantileSketch.restore((int) integer(root, kll + "/k"), integer(root, kll + "/n"),
                            number(root, kll + "/min"), number(root, kll + "/max"), levels);
                } catch (IllegalArgumentException e) {
                    throw error(kll, e.getMessage());
                }
                moments = moments(root, sk + "/moments");
            }
            DistinctCountSketch distinct;
            try {
                distinct = DistinctCountSketch.restore((int) integer(root, sk + "/hll/precision"),
                        Base64.getDecoder().decode(at(root, sk + "/hll/registers").asText()));
            } catch (IllegalArgumentException e) {
                throw error(sk + "/hll", e.getMessage());
            }
            FrequentItems values = root.at(sk + "/values").isObject() ? frequent(root, sk + "/values") : null;
            FrequentItems patterns = root.at(sk + "/patterns").isObject() ? frequent(root, sk + "/patterns") : null;
            Moments lengths = root.at(sk + "/lengths").isObject() ? moments(root, sk + "/lengths") : null;
            try {
                return new ColumnProfile(name, type, count, missing, moments, quantiles, distinct, values, lengths, patterns);
            } catch (IllegalArgumentException e) {
                throw error(c, e.getMessage());
            }
        }

        Moments moments(JsonNode root, String pointer) {
            object(root, pointer);
            try {
                return new Moments(integer(root, pointer + "/count"), number(root, pointer + "/mean"),
                        number(root, pointer + "/variance"));
            } catch (IllegalArgumentException e) {
                throw error(pointer, e.getMessage());
            }
        }

        FrequentItems frequent(JsonNode root, String pointer) {
            Map<String, Long> counts = new LinkedHashMap<>();
            var fields = object(root, pointer + "/counts").fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (!field.getValue().isIntegralNumber()) {
                    throw error(pointer + "/counts", "the count of '" + field.getKey() + "' is not a whole number");
                }
                counts.put(field.getKey(), field.getValue().asLong());
            }
            try {
                return FrequentItems.restore((int) integer(root, pointer + "/capacity"),
                        integer(root, pointer + "/max_error"), counts);
            } catch (IllegalArgumentException e) {
                throw error(pointer, e.getMessage());
            }
        }
    }
}
