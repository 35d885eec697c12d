package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonlReaderTest {

    static Frame jsonl(String text) {
        return jsonl(text, Map.of());
    }

    static Frame jsonl(String text, Map<String, ColumnType> types) {
        return JsonlReader.read(new StringReader(text), "test.jsonl", types);
    }

    @Test
    void keysBecomeColumnsInTheOrderFirstSeenAndAbsentKeysAreMissing() {
        Frame f = jsonl("{\"b\": 1, \"a\": \"x\"}\n{\"c\": true}\n{\"a\": \"y\", \"b\": 2}\n");
        assertThat(f.names()).containsExactly("b", "a", "c");
        assertThat(f.rowCount()).isEqualTo(3);
        assertThat(f.column("b").isMissing(1)).isTrue();
        assertThat(f.column("c").isMissing(0)).isTrue();
        assertThat(f.column("c").isMissing(2)).isTrue();
        assertThat(f.column("a").text(2)).isEqualTo("y");
    }

    @Test
    void nullIsMissing() {
        Frame f = jsonl("{\"n\": 1, \"s\": \"x\"}\n{\"n\": null, \"s\": null}\n");
        assertThat(f.column("n").isMissing(1)).isTrue();
        assertThat(f.column("s").isMissing(1)).isTrue();
        assertThat(f.column("n").type()).isEqualTo(ColumnType.LONG);
    }

    @Test
    void valuesAreTypedByTheirJsonKind() {
        Frame f = jsonl("{\"i\": 1, \"d\": 1.5, \"w\": 2, \"b\": true, \"s\": \"red\", \"e\": 1e3}\n"
                + "{\"i\": -7, \"d\": 2, \"w\": 9223372036854775808, \"b\": false, \"s\": \"blue\", \"e\": 2}\n");
        assertThat(f.columns()).extracting(Column::type).containsExactly(ColumnType.LONG, ColumnType.DOUBLE,
                ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.CATEGORICAL, ColumnType.DOUBLE);
        assertThat(((LongColumn) f.column("i")).get(1)).isEqualTo(-7);
        assertThat(((DoubleColumn) f.column("w")).get(1)).isEqualTo(9.223372036854775808E18);
        assertThat(((DoubleColumn) f.column("e")).get(0)).isEqualTo(1000);
    }

    @Test
    void stringsStayStringsWhateverTheyLookLike() {
        Frame f = jsonl("{\"zip\": \"007\", \"flag\": \"true\", \"na\": \"NA\"}\n");
        assertThat(f.columns()).extracting(Column::type).containsOnly(ColumnType.CATEGORICAL);
        assertThat(f.column("zip").text(0)).isEqualTo("007");
        assertThat(f.column("na").isMissing(0)).isFalse();
    }

    @Test
    void numbersMixedWithStringsMakeAStringColumnOfTheirJsonText() {
        CategoricalColumn c = (CategoricalColumn) jsonl("{\"x\": 1.50}\n{\"x\": \"n/a\"}\n{\"x\": true}\n").column("x");
        assertThat(c.levels()).containsExactly("1.50", "n/a", "true");
    }

    @Test
    void stringsAreUnescaped() {
        Frame f = jsonl("{\"t\": \"a\\\"b\\nc\\u00e9\\ud83d\\ude00\"}\n");
        assertThat(f.column("t").text(0)).isEqualTo("a\"b\nc\u00e9\uD83D\uDE00");
    }

    @Test
    void blankLinesAndAnyLineEndingAreAccepted() {
        Frame f = jsonl("\n{\"a\": 1}\r\n  \r\n{\"a\": 2}\r{\"a\": 3}");
        assertThat(((LongColumn) f.column("a")).get(2)).isEqualTo(3);
        assertThat(f.rowCount()).isEqualTo(3);
    }

    @Test
    void anEmptyInputIsAnEmptyFrame() {
        Frame f = jsonl("\n\n");
        assertThat(f.rowCount()).isZero();
        assertThat(f.columnCount()).isZero();
    }

    @Test
    void anEmptyKeyGetsAName() {
        assertThat(jsonl("{\"\": 1, \"b\": 2}\n").names()).containsExactly("unnamed_1", "b");
    }

    @Test
    void typesCanBeForcedAndConvertFromText() {
        Frame f = jsonl("{\"x\": \"3.5\", \"y\": 12, \"z\": \" 4 \"}\n{\"x\": 2, \"y\": 13, \"z\": null}\n",
                Map.of("x", ColumnType.DOUBLE, "y", ColumnType.TEXT, "z", ColumnType.LONG));
        assertThat(((DoubleColumn) f.column("x")).toArray()).containsExactly(3.5, 2);
        assertThat(f.column("y").type()).isEqualTo(ColumnType.TEXT);
        assertThat(f.column("y").text(1)).isEqualTo("13");
        assertThat(((LongColumn) f.column("z")).get(0)).isEqualTo(4);
        assertThat(f.column("z").isMissing(1)).isTrue();
    }

    @Test
    void columnsFirstSeenLateAreFilledBackWithMissingValues() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append("{\"a\": ").append(i).append("}\n");
        }
        sb.append("{\"a\": 50, \"late\": \"x\"}\n");
        Frame f = jsonl(sb.toString());
        assertThat(f.column("late").missingCount()).isEqualTo(50);
        assertThat(f.column("late").text(50)).isEqualTo("x");
    }
}
