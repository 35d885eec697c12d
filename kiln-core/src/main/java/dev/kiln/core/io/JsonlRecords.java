package dev.kiln.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a JSON Lines source: one object of scalar values per non-blank line, each key a
 * column. Keys get columns in the order they are first seen, unless a fixed list of keys is given.
 */
final class JsonlRecords implements RecordSource {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final CharWindow in;
    private final boolean growing;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private char[] buf;
    private int limit;
    private int pos;
    private int lineStart;
    private int lineEnd;
    private long line;
    private int size;
    private int[] columns = new int[16];
    private Kind[] kinds = new Kind[16];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private char[] values = new char[256];
    private int valuesLength;

    /**
     * @param keys the keys to accept, in column order; null to add a column for each new key
     */
    JsonlRecords(CharWindow in, List<String> keys) {
        this.in = in;
        this.buf = in.buf;
        this.growing = keys == null;
        if (keys != null) {
            keys.forEach(this::addKey);
        }
    }

    /** The keys seen so far, in column order. */
    List<String> keys() {
        return Collections.unmodifiableList(keys);
    }

    @Override
    public boolean next() {
        while (true) {
            lineStart = pos;
            if (pos >= limit && !more()) {
                return false;
            }
            if (line == 0 && pos == 0 && buf[0] == '\uFEFF') {
                lineStart = ++pos;
            }
            int p = pos;
            while (true) {
                while (p < limit && buf[p] != '\n' && buf[p] != '\r') {
                    p++;
                }
                pos = p;
                if (p < limit || !more()) {
                    break;
                }
                p = pos;
            }
            lineEnd = pos;
            line++;
            if (pos < limit && buf[pos++] == '\r' && (pos < limit || more()) && buf[pos] == '\n') {
                pos++;
            }
            if (!isBlank(lineStart, lineEnd)) {
                parse(lineStart, lineEnd - lineStart);
                return true;
            }
        }
    }

    private void parse(int from, int length) {
        size = 0;
        valuesLength = 0;
        try (JsonParser p = JSON.createParser(buf, from, length)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw DataFormatException.atPosition(in.source(), line, position(p),
                        "expected a JSON object, got " + describe(t));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                t = p.nextToken();
                add(columnOf(key), kindOf(t, p, key), p);
            }
            t = p.nextToken();
            if (t != null) {
                throw DataFormatException.atPosition(in.source(), line, position(p),
                        "expected the end of the line after the object, got " + describe(t));
            }
        } catch (StreamReadException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw DataFormatException.atPosition(in.source(), line, column, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + in.source() + ": " + e.getMessage(), e);
        }
    }

    private Kind kindOf(JsonToken t, JsonParser p, String key) throws IOException {
        return switch (t) {
            case VALUE_NULL -> Kind.MISSING;
            case VALUE_STRING -> Kind.STRING;
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Kind.DOUBLE : Kind.LONG;
            case VALUE_NUMBER_FLOAT -> Kind.DOUBLE;
            case VALUE_TRUE, VALUE_FALSE -> Kind.BOOLEAN;
            default -> throw DataFormatException.atLine(in.source(), line, pointer(key)
                    + ": expected a number, string, boolean or null, got " + describe(t));
        };
    }

    private void add(int column, Kind kind, JsonParser p) throws IOException {
        if (size == columns.length) {
            int n = size * 2;
            columns = Arrays.copyOf(columns, n);
            kinds = Arrays.copyOf(kinds, n);
            starts = Arrays.copyOf(starts, n);
            lengths = Arrays.copyOf(lengths, n);
        }
        columns[size] = column;
        kinds[size] = kind;
        starts[size] = valuesLength;
        int n = 0;
        if (kind != Kind.MISSING) {
            n = p.getTextLength();
            if (valuesLength + n > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, valuesLength + n));
            }
            System.arraycopy(p.getTextCharacters(), p.getTextOffset(), values, valuesLength, n);
            valuesLength += n;
        }
        lengths[size++] = n;
    }

    private int columnOf(String key) {
        Integer c = index.get(key);
        if (c != null) {
            return c;
        }
        if (!growing) {
            throw DataFormatException.atLine(in.source(), line, pointer(key)
                    + ": a key that was not in the input when its columns were found; was the file changed while it was read?");
        }
        int column = addKey(key);
        ColumnNames.checkUnique(names, in.source(), line, "among the keys");
        return column;
    }

    private int addKey(String key) {
        int column = keys.size();
        index.put(key, column);
        keys.add(key);
        names.add(ColumnNames.of(key, column));
        return column;
    }

    private static String pointer(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private static int position(JsonParser p) {
        return p.currentTokenLocation().getColumnNr();
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the line";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private boolean more() {
        boolean read = in.fill(lineStart, line + 1);
        int s = in.shift();
        buf = in.buf;
        limit = in.limit;
        pos -= s;
        lineStart -= s;
        lineEnd -= s;
        return read;
    }

    @Override
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    @Override
    public boolean namesKnownUpFront() {
        return !growing;
    }

    @Override
    public String source() {
        return in.source();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int column(int entry) {
        return columns[entry];
    }

    @Override
    public Kind kind(int entry) {
        return kinds[entry];
    }

    @Override
    public char[] buffer() {
        return values;
    }

    @Override
    public int start(int entry) {
        return starts[entry];
    }

    @Override
    public int length(int entry) {
        return lengths[entry];
    }

    @Override
    public long line(int entry) {
        return line;
    }

    @Override
    public void close() {
        in.close();
    }
}
