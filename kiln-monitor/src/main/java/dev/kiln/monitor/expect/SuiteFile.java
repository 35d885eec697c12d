package dev.kiln.monitor.expect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expectations files, YAML ({@code .yaml}, {@code .yml}) or JSON by extension:
 * <pre>
 * suite: train.csv
 * expectations:
 *   - expect: not_null
 *     column: age
 *     mostly: 0.95
 *   - expect: range
 *     column: age
 *     min: 0
 *     max: 120
 *   - expect: distribution
 *     column: city
 *     method: psi
 *     threshold: 0.2
 *     reference:
 *       categories: {Oslo: 0.6, Bergen: 0.3}
 *       other: 0.1
 * </pre>
 * Reading checks every entry and names the file and the JSON pointer of what is wrong.
 */
public final class SuiteFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private SuiteFile() {
    }

    private static ObjectMapper mapperFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    }

    public static void write(ExpectationSuite suite, Path target) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("suite", suite.name());
        root.put("expectations", suite.expectations().stream().map(Expectation::toMap).toList());
        try {
            AtomicWrite.text(target, mapperFor(target).writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads an expectations file.
     *
     * @throws DataFormatException naming the file and where in it the problem is
     */
    public static ExpectationSuite read(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = mapperFor(file).readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw DataFormatException.of(source, "no such file");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw DataFormatException.atPosition(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid " + (mapperFor(file) == YAML ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw DataFormatException.of(source, "expected an object with 'suite' and 'expectations'");
        }
        JsonNode list = root.path("expectations");
        if (!list.isArray()) {
            throw DataFormatException.of(source, "at /expectations: expected a list of expectations");
        }
        List<Expectation> expectations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Entry entry = new Entry(source, "/expectations/" + i, list.get(i));
            try {
                expectations.add(entry.expectation());
            } catch (IllegalArgumentException e) {
                throw entry.error(e instanceof InvalidField f ? f.pointer() : "", e.getMessage());
            }
        }
        return new ExpectationSuite(root.path("suite").asText(file.getFileName().toString()), expectations);
    }

    /** One entry of the list, read field by field. */
    private record Entry(String source, String pointer, JsonNode node) {

        DataFormatException error(String field, String detail) {
            return DataFormatException.of(source, "at " + pointer + field + ": " + detail);
        }

        Expectation expectation() {
            if (!node.isObject()) {
                throw error("", "expected an object with 'expect'");
            }
            String kind = text("expect");
            return switch (kind) {
                case "columns" -> new Expectation.ColumnsMatch(strings("columns"), node.path("exact").asBoolean(false));
                case "row_count" -> new Expectation.RowCountBetween(optionalLong("min"), optionalLong("max"));
                case "not_null" -> new Expectation.NotNull(text("column"), mostly());
                case "type" -> {
                    try {
                        yield new Expectation.HasType(text("column"), ColumnType.fromLabel(text("type")));
                    } catch (IllegalArgumentException e) {
                        throw error("/type", e.getMessage());
                    }
                }
                case "range" -> new Expectation.InRange(text("column"), optionalNumber("min"), optionalNumber("max"), mostly());
                case "allowed_values" -> new Expectation.InSet(text("column"), new LinkedHashSet<>(strings("values")), mostly());
                case "regex" -> new Expectation.MatchesRegex(text("column"), text("regex"), mostly());
                case "unique" -> new Expectation.Unique(text("column"));
                case "mean" -> new Expectation.MeanBetween(text("column"), number("min"), number("max"));
                case "quantile" -> new Expectation.QuantileBetween(text("column"), number("quantile"), number("min"), number("max"));
                case "distribution" -> distribution();
                default -> throw error("/expect", "unknown expectation '" + kind + "'; expected one of: columns, row_count,"
                        + " not_null, type, range, allowed_values, regex, unique, mean, quantile, distribution");
            };
        }

        /** {@code method} defaults to psi and {@code threshold} to the method's default. */
        Expectation distribution() {
            String column = text("column");
            DistanceMethod method = DistanceMethod.PSI;
            if (node.has("method")) {
                try {
                    method = DistanceMethod.fromLabel(text("method"));
                } catch (IllegalArgumentException e) {
                    throw error("/method", e.getMessage());
                }
            }
            Double threshold = optionalNumber("threshold");
            JsonNode ref = node.get("reference");
            if (ref == null || !ref.isObject()) {
                throw error("/reference", "expected an object with edges and proportions, or with categories");
            }
            Entry reference = new Entry(source, pointer + "/reference", ref);
            ReferenceDistribution read;
            try {
                if (ref.has("edges")) {
                    read = new ReferenceDistribution.Bins(reference.numbers("edges"), reference.numbers("proportions"),
                            reference.optionalNumber("std"));
                } else if (ref.has("categories")) {
                    Double other = reference.optionalNumber("other");
                    read = new ReferenceDistribution.Categories(reference.shares("categories"), other == null ? 0 : other);
                } else {
                    throw reference.error("", "expected edges and proportions (numbers) or categories (values)");
                }
            } catch (InvalidField e) {
                throw reference.error(e.pointer(), e.getMessage());
            }
            return new Expectation.DistributionWithin(column, method, threshold == null ? method.defaultThreshold() : threshold, read);
        }

        List<Double> numbers(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isArray()) {
                throw error("/" + field, "expected a list of numbers");
            }
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isNumber()) {
                    throw error("/" + field + "/" + i, "expected a number, got " + v.get(i));
                }
                out.add(v.get(i).asDouble());
            }
            return out;
        }

        /** An object of value → number, in file order. */
        Map<String, Double> shares(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isObject()) {
                throw error("/" + field, "expected an object of value: proportion");
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (var it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isNumber()) {
                    throw error("/" + field + "/" + InvalidField.token(e.getKey()),
                            "expected a number, got " + e.getValue());
                }
                out.put(e.getKey(), e.getValue().asDouble());
            }
            return out;
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty()) {
                throw error("/" + field, "expected a text value");
            }
            return v.asText();
        }

        double number(String field) {
            Double v = optionalNumber(field);
            if (v == null) {
                throw error("/" + field, "expected a number");
            }
            return v;
        }

        Double optionalNumber(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw error("/" + field, "expected a number, got " + v);
            }
            return v.asDouble();
        }

        Long optionalLong(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || v.asLong() < 0) {
                throw error("/" + field, "expected a whole number >= 0, got " + v);
            }
            return v.asLong();
        }

        double mostly() {
            Double v = optionalNumber("mostly");
            if (v != null && !(v > 0 && v <= 1)) {
                throw error("/mostly", "expected a number in (0, 1], got " + v);
            }
            return v == null ? 1 : v;
        }

        List<String> strings(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isArray()) {
                throw error("/" + field, "expected a list");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isValueNode() || v.get(i).isNull()) {
                    throw error("/" + field + "/" + i, "expected a text value");
                }
                out.add(v.get(i).asText());
            }
            Set<String> distinct = new LinkedHashSet<>(out);
            if (distinct.size() != out.size()) {
                throw error("/" + field, "lists a value twice");
            }
            return out;
        }
    }
}
