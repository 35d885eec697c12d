package dev.kiln.serve.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.modelfile.FeatureRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns request JSON into a {@link Frame} of a model's input schema, checking every value:
 * records by column name ({@code [{"age": 41, "job": "admin"}, …]}), rows in schema order
 * ({@code [[41, "admin"], …]}), bare strings for a model with one text column, or named columns
 * (the Open Inference Protocol's tensors). Every violation is collected — a missing required
 * column, a value of the wrong type, a category not seen in training — each with the JSON
 * pointer of the offending value, and reported at once as an {@link InvalidInputException}.
 * Columns the model does not read are ignored; {@code null} is a missing value where the column
 * can hold one (double: NaN; categorical), a violation elsewhere. Numbers outside the range a
 * column held in training are not violations but are noted in the result ({@link Instances}),
 * for the server to reject or warn about as it is configured to ({@link InputPolicy}).
 */
public final class InstanceReader {
    /** The most violations one report lists. */
    public static final int MAX_VIOLATIONS = 100;
    /** The most rows one request may hold. */
    public static final int MAX_ROWS = 100_000;

    private final Schema schema;
    private final Map<String, FeatureRange> ranges;

    /** A reader that checks values against {@code schema} only. */
    public InstanceReader(Schema schema) {
        this(schema, Map.of());
    }

    /** A reader that also notes numbers outside {@code ranges}, the ranges of the numeric columns in training. */
    public InstanceReader(Schema schema, Map<String, FeatureRange> ranges) {
        this.schema = schema;
        this.ranges = Map.copyOf(ranges);
    }

    public Schema schema() {
        return schema;
    }

    /**
     * The frame of {@code instances}, found at JSON pointer {@code at} of the request, with the
     * values that lie outside the training ranges.
     *
     * @throws InvalidInputException listing every violation when any value is not what the schema expects
     */
    public Instances read(JsonNode instances, String at) {
        Violations v = new Violations();
        OutsideRanges outside = new OutsideRanges();
        if (instances == null || !instances.isArray()) {
            v.add(at, "expected an array of instances" + (instances == null || instances.isMissingNode() ? ", found none" : ""));
            throw v.exception();
        }
        int n = instances.size();
        if (n == 0) {
            v.add(at, "expected at least one instance");
            throw v.exception();
        }
        if (n > MAX_ROWS) {
            v.add(at, "holds " + n + " instances; at most " + MAX_ROWS + " are accepted in one request");
            throw v.exception();
        }
        List<Cells> columns = new ArrayList<>();
        for (Schema.Field f : schema.fields()) {
            columns.add(new Cells(f, n, ranges.get(f.name()), outside));
        }
        byte[] form = new byte[n];   // how each row was written: 0 a row array, 1 a record, 2 a bare string
        Schema.Field onlyText = schema.size() == 1 && schema.fields().get(0).type() == ColumnType.TEXT ? schema.fields().get(0) : null;
        for (int row = 0; row < n; row++) {
            JsonNode instance = instances.get(row);
            String rowAt = at + "/" + row;
            if (instance.isObject()) {
                form[row] = 1;
                for (Cells c : columns) {
                    String name = c.field.name();
                    String cellAt = rowAt + "/" + escape(name);
                    if (!instance.has(name)) {
                        v.add(cellAt, "required column '" + name + "' (" + c.field.type().label() + ") is missing");
                    } else {
                        c.set(row, instance.get(name), cellAt, v);
                    }
                }
            } else if (instance.isArray()) {
                if (instance.size() != columns.size()) {
                    v.add(rowAt, "holds " + instance.size() + " values; expected " + columns.size() + ", in the order " + schema.names());
                    continue;
                }
                for (int j = 0; j < columns.size(); j++) {
                    columns.get(j).set(row, instance.get(j), rowAt + "/" + j, v);
                }
            } else if (instance.isTextual() && onlyText != null) {
                form[row] = 2;
                columns.get(0).set(row, instance, rowAt, v);
            } else {
                v.add(rowAt, "expected an object of column values" + (onlyText != null ? " or a string" : "") + ", found "
                        + describe(instance));
            }
        }
        if (!v.isEmpty()) {
            throw v.exception();
        }
        List<Column> built = new ArrayList<>();
        for (Cells c : columns) {
            built.add(c.column());
        }
        return outside.with(Frame.of(built), (row, column) -> at + "/" + row
                + switch (form[row]) {
                    case 1 -> "/" + escape(schema.fields().get(column).name());
                    case 2 -> "";
                    default -> "/" + column;
                });
    }

    /**
     * The frame of named columns ({@code {"age": [41, 37], "job": ["admin", "clerk"]}}), each
     * column's values at {@code pointers.get(name)}.
     */
    public Instances readColumns(Map<String, JsonNode> valuesByName, Map<String, String> pointers, String at) {
        Violations v = new Violations();
        OutsideRanges outside = new OutsideRanges();
        int n = -1;
        for (Schema.Field f : schema.fields()) {
            JsonNode values = valuesByName.get(f.name());
            if (values == null) {
                v.add(at, "required input '" + f.name() + "' (" + f.type().label() + ") is missing; the model reads " + schema.names());
            } else if (n < 0) {
                n = values.size();
            } else if (values.size() != n) {
                v.add(pointers.get(f.name()), "holds " + values.size() + " values; the inputs before it hold " + n);
            }
        }
        if (!v.isEmpty()) {
            throw v.exception();
        }
        if (n == 0 || n > MAX_ROWS) {
            v.add(at, n == 0 ? "expected at least one row" : "holds " + n + " rows; at most " + MAX_ROWS + " are accepted in one request");
            throw v.exception();
        }
        List<Column> built = new ArrayList<>();
        for (Schema.Field f : schema.fields()) {
            Cells c = new Cells(f, n, ranges.get(f.name()), outside);
            JsonNode values = valuesByName.get(f.name());
            for (int row = 0; row < n; row++) {
                c.set(row, values.get(row), pointers.get(f.name()) + "/" + row, v);
            }
            built.add(c.column());
        }
        if (!v.isEmpty()) {
            throw v.exception();
        }
        return outside.with(Frame.of(built), (row, column) -> pointers.get(schema.fields().get(column).name()) + "/" + row);
    }

    /** JSON pointer escaping of one reference token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String t = node.asText();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "an array" : "an object";
    }

    /** Collected violations, at most {@link #MAX_VIOLATIONS}. */
    private static final class Violations {
        final List<Violation> list = new ArrayList<>();
        int dropped;

        void add(String pointer, String message) {
            if (list.size() < MAX_VIOLATIONS) {
                list.add(new Violation(pointer, message));
            } else {
                dropped++;
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        InvalidInputException exception() {
            return new InvalidInputException(list, dropped);
        }
    }

    /** Values outside the training ranges: the first {@link #MAX_VIOLATIONS} with their pointers, and a count per column. */
    private static final class OutsideRanges {
        final List<Violation> listed = new ArrayList<>();
        final Map<String, Integer> counts = new LinkedHashMap<>();

        void add(String pointer, String column, double value, FeatureRange range) {
            counts.merge(column, 1, Integer::sum);
            if (listed.size() < MAX_VIOLATIONS) {
                listed.add(new Violation(pointer, number(value) + " is outside the range of column '" + column + "' in training, ["
                        + number(range.min()) + ", " + number(range.max()) + "]"));
            }
        }

        Instances with(Frame frame, Instances.CellPointers pointers) {
            return new Instances(frame, listed, counts, pointers);
        }

        private static String number(double x) {
            return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        }
    }

    /** One column's values as they are read, checked against its field and its training range. */
    private static final class Cells {
        final Schema.Field field;
        final FeatureRange range;
        final OutsideRanges outside;
        final double[] doubles;
        final long[] longs;
        final boolean[] booleans;
        final int[] codes;
        final String[] texts;
        final Map<String, Integer> levels;

        Cells(Schema.Field field, int n, FeatureRange range, OutsideRanges outside) {
            this.field = field;
            this.range = range;
            this.outside = outside;
            ColumnType t = field.type();
            doubles = t == ColumnType.DOUBLE ? new double[n] : null;
            longs = t == ColumnType.LONG ? new long[n] : null;
            booleans = t == ColumnType.BOOLEAN ? new boolean[n] : null;
            codes = t == ColumnType.CATEGORICAL ? new int[n] : null;
            texts = t == ColumnType.TEXT ? new String[n] : null;
            levels = new HashMap<>();
            for (int i = 0; i < field.levels().size(); i++) {
                levels.put(field.levels().get(i), i);
            }
        }

        void set(int row, JsonNode value, String at, Violations v) {
            boolean isNull = value == null || value.isNull();
            switch (field.type()) {
                case DOUBLE -> {
                    if (isNull) {
                        doubles[row] = Double.NaN;
                    } else if (value.isNumber()) {
                        doubles[row] = value.asDouble();
                        checkRange(doubles[row], at);
                    } else {
                        v.add(at, "expected a number (column '" + field.name() + "' is double), found " + describe(value));
                    }
                }
                case LONG -> {
                    if (value != null && (value.isIntegralNumber() && value.canConvertToLong()
                            || value.isFloatingPointNumber() && value.asDouble() == Math.rint(value.asDouble())
                            && Math.abs(value.asDouble()) < 0x1p62)) {
                        longs[row] = value.asLong();
                        checkRange(longs[row], at);
                    } else {
                        v.add(at, "expected a whole number (column '" + field.name() + "' is long), found " + describe(value));
                    }
                }
                case BOOLEAN -> {
                    if (value != null && value.isBoolean()) {
                        booleans[row] = value.asBoolean();
                    } else {
                        v.add(at, "expected true or false (column '" + field.name() + "' is boolean), found " + describe(value));
                    }
                }
                case CATEGORICAL -> {
                    if (isNull) {
                        codes[row] = -1;
                    } else if (value.isTextual() || value.isNumber() || value.isBoolean()) {
                        Integer code = levels.get(value.asText());
                        if (code == null) {
                            List<String> known = field.levels();
                            v.add(at, "'" + value.asText() + "' is not a category of column '" + field.name() + "'; expected one of "
                                    + (known.size() > 20 ? known.subList(0, 20) + " (and " + (known.size() - 20) + " more)" : known));
                        } else {
                            codes[row] = code;
                        }
                    } else {
                        v.add(at, "expected a category of column '" + field.name() + "' as a string, found " + describe(value));
                    }
                }
                case TEXT -> {
                    if (value != null && value.isTextual()) {
                        texts[row] = value.asText();
                    } else {
                        v.add(at, "expected a string (column '" + field.name() + "' is text), found " + describe(value));
                    }
                }
            }
        }

        private void checkRange(double value, String at) {
            if (range != null && !range.admits(value)) {
                outside.add(at, field.name(), value, range);
            }
        }

        Column column() {
            return switch (field.type()) {
                case DOUBLE -> DoubleColumn.of(field.name(), doubles);
                case LONG -> LongColumn.of(field.name(), longs);
                case BOOLEAN -> BooleanColumn.of(field.name(), booleans);
                case CATEGORICAL -> CategoricalColumn.ofCodes(field.name(), codes, field.levels());
                case TEXT -> TextColumn.of(field.name(), texts);
            };
        }
    }
}
