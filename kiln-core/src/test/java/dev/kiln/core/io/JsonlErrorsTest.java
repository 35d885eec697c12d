package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.core.frame.ColumnType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlErrorsTest {
    private static final String GOOD = "{\"name\": \"ann\", \"age\": 31}\n";

    private static DataFormatException error(String text) {
        return error(text, Map.of());
    }

    private static DataFormatException error(String text, Map<String, ColumnType> types) {
        DataFormatException e = catchThrowableOfType(DataFormatException.class,
                () -> JsonlReader.read(new StringReader(text), "data.jsonl", types));
        assertThat(e).as("reading should fail:\n%s", text).isNotNull();
        return e;
    }

    @Test
    void aNestedObjectIsNamedByItsJsonPointer() {
        DataFormatException e = error(GOOD.repeat(4) + "{\"name\": \"bob\", \"address\": {\"city\": \"Oslo\"}}\n");
        assertThat(e.getMessage())
                .isEqualTo("data.jsonl:5: /address: expected a number, string, boolean or null, got an object");
    }

    @Test
    void anArrayIsRejectedTooWithItsKeyEscaped() {
        assertThat(error("{\"a/b~c\": [1, 2]}\n").getMessage())
                .isEqualTo("data.jsonl:1: /a~1b~0c: expected a number, string, boolean or null, got an array");
    }

    @Test
    void malformedJsonGivesLineAndPosition() {
        DataFormatException e = error(GOOD + "\n{\"name\": \"bob\", \"age\": 4x}\n");
        assertThat(e.line()).hasValue(3);
        assertThat(e.position()).hasValue(25);
        assertThat(e.getMessage()).startsWith("data.jsonl:3:25: malformed JSON: ");
    }

    @Test
    void aLineCutShortIsMalformed() {
        DataFormatException e = error(GOOD + "{\"name\": \"bo\n");
        assertThat(e.line()).hasValue(2);
        assertThat(e.detail()).startsWith("malformed JSON: ");
    }

    @Test
    void aLineThatIsNotAnObjectIsAnError() {
        assertThat(error(GOOD + "[1, 2]\n").getMessage()).isEqualTo("data.jsonl:2:1: expected a JSON object, got an array");
        assertThat(error(GOOD + "  42\n").getMessage()).isEqualTo("data.jsonl:2:3: expected a JSON object, got a number");
    }

    @Test
    void twoObjectsOnOneLineAreAnError() {
        assertThat(error("{\"a\": 1} {\"a\": 2}\n").getMessage())
                .isEqualTo("data.jsonl:1:10: expected the end of the line after the object, got an object");
    }

    @Test
    void aRepeatedKeyIsAnError() {
        DataFormatException e = error("{\"a\": 1, \"a\": 2}\n");
        assertThat(e.line()).hasValue(1);
        assertThat(e.detail()).startsWith("malformed JSON: Duplicate field 'a'");
    }

    @Test
    void aValueNotFittingAForcedTypeNamesLineAndColumn() {
        assertThat(error(GOOD + "{\"name\": \"bob\", \"age\": \"old\"}\n", Map.of("age", ColumnType.LONG)).getMessage())
                .isEqualTo("data.jsonl:2: column 'age': expected a whole number within the range of a long, got 'old'");
    }

    @Test
    void aForcedTypeForAnAbsentKeyIsAnError() {
        assertThat(error(GOOD, Map.of("agee", ColumnType.LONG)).getMessage())
                .isEqualTo("data.jsonl: a type is given for unknown column 'agee' (did you mean 'age'?); "
                        + "available columns: name, age");
    }

    @Test
    void malformedUtf8IsReportedOnItsLine(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("bad.jsonl");
        byte[] good = (GOOD + GOOD).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 4);
        System.arraycopy(new byte[] {'{', '"', (byte) 0xFE, '"'}, 0, bytes, good.length, 4);
        Files.write(p, bytes);
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> JsonlReader.read(p));
        assertThat(e.line()).hasValue(3);
        assertThat(e.detail()).isEqualTo("expected UTF-8 text, got the byte 0xfe, which is not valid UTF-8");
    }
}
