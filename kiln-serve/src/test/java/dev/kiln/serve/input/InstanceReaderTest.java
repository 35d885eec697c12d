package dev.kiln.serve.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstanceReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = new Schema(List.of(Schema.Field.of("a/b", ColumnType.DOUBLE), Schema.Field.of("n", ColumnType.LONG),
            Schema.Field.of("ok", ColumnType.BOOLEAN), new Schema.Field("c", ColumnType.CATEGORICAL, List.of("x", "y"))));

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void recordsAndRowsMakeTheSameFrame() throws Exception {
        InstanceReader reader = new InstanceReader(SCHEMA);
        Frame a = reader.read(json("[{\"a/b\": 1.5, \"n\": 2, \"ok\": true, \"c\": \"y\"}, {\"a/b\": null, \"n\": 3.0, \"ok\": false, \"c\": null}]"), "/i").frame();
        Frame b = reader.read(json("[[1.5, 2, true, \"y\"], [null, 3, false, null]]"), "/i").frame();
        assertThat(a.rowCount()).isEqualTo(2);
        assertThat(a.column("a/b").isMissing(1)).isTrue();
        assertThat(((CategoricalColumn) a.column("c")).levels()).containsExactly("x", "y");
        for (String name : SCHEMA.names()) {
            for (int row = 0; row < 2; row++) {
                assertThat(a.column(name).text(row)).isEqualTo(b.column(name).text(row));
            }
        }
    }

    @Test
    void pointersEscapeSlashesAndEveryViolationIsKept() throws Exception {
        InstanceReader reader = new InstanceReader(SCHEMA);
        assertThatThrownBy(() -> reader.read(json("[{\"a/b\": true, \"n\": null, \"ok\": 1, \"c\": \"z\"}]"), "/instances"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::pointer)
                        .containsExactly("/instances/0/a~1b", "/instances/0/n", "/instances/0/ok", "/instances/0/c"));
    }

    @Test
    void randomMalformedInstancesNeverEscapeAsAnythingButViolations() throws Exception {
        // Randomised: any mix of JSON values either reads or is refused with at least one pointed violation.
        Random random = new Random(11);
        String[] values = {"1", "-2.5", "null", "true", "\"x\"", "\"y\"", "\"q\"", "[]", "{}", "1e308", "3"};
        InstanceReader reader = new InstanceReader(SCHEMA);
        for (int trial = 0; trial < 500; trial++) {
            StringBuilder s = new StringBuilder("[");
            int rows = 1 + random.nextInt(3);
            for (int r = 0; r < rows; r++) {
                s.append(r == 0 ? "{" : ",{");
                int written = 0;
                for (String name : SCHEMA.names()) {
                    if (random.nextInt(6) > 0) {
                        s.append(written++ == 0 ? "" : ",").append('"').append(name).append("\":").append(values[random.nextInt(values.length)]);
                    }
                }
                s.append('}');
            }
            s.append(']');
            try {
                assertThat(reader.read(json(s.toString()), "").frame().rowCount()).isEqualTo(rows);
            } catch (InvalidInputException e) {
                assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.pointer()).matches("/\\d+(/.*)?"));
            }
        }
    }

    @Test
    void theWholeRequestShapeIsChecked() throws Exception {
        InstanceReader reader = new InstanceReader(SCHEMA);
        assertThatThrownBy(() -> reader.read(json("{}"), "/instances")).hasMessageContaining("expected an array");
        assertThatThrownBy(() -> reader.read(json("[]"), "/instances")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> reader.read(json("[[1, 2]]"), "/instances")).hasMessageContaining("expected 4");
        assertThatThrownBy(() -> reader.read(json("[\"text\"]"), "/instances")).hasMessageContaining("expected an object");
        InstanceReader text = new InstanceReader(new Schema(List.of(Schema.Field.of("review", ColumnType.TEXT))));
        assertThat(text.read(json("[\"fine\", {\"review\": \"also fine\"}]"), "").frame().rowCount()).isEqualTo(2);
    }
}
