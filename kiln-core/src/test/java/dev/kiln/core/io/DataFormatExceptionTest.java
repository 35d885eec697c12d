package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataFormatExceptionTest {

    @Test
    void aValueErrorNamesFileLineAndColumn() {
        DataFormatException e = DataFormatException.inColumn("data.csv", 812, "age", 3, "expected a number, got 'abc'");
        assertThat(e.getMessage()).isEqualTo("data.csv:812: column 'age': expected a number, got 'abc'");
        assertThat(e.source()).isEqualTo("data.csv");
        assertThat(e.line()).hasValue(812);
        assertThat(e.position()).isEmpty();
        assertThat(e.column()).hasValue("age");
        assertThat(e.columnIndex()).hasValue(3);
        assertThat(e.detail()).isEqualTo("expected a number, got 'abc'");
    }

    @Test
    void aLineErrorHasNoColumn() {
        DataFormatException e = DataFormatException.atLine("data.csv", 57, "expected 5 fields as in the header, found 4");
        assertThat(e.getMessage()).isEqualTo("data.csv:57: expected 5 fields as in the header, found 4");
        assertThat(e.column()).isEmpty();
        assertThat(e.columnIndex()).isEmpty();
    }

    @Test
    void aPositionFollowsTheLine() {
        DataFormatException e = DataFormatException.atPosition("d.jsonl", 3, 15, "malformed JSON: x");
        assertThat(e.getMessage()).isEqualTo("d.jsonl:3:15: malformed JSON: x");
        assertThat(e.position()).hasValue(15);
    }

    @Test
    void aWholeSourceErrorHasNoLine() {
        DataFormatException e = DataFormatException.of("d.csv", "expected a header line");
        assertThat(e.getMessage()).isEqualTo("d.csv: expected a header line");
        assertThat(e.line()).isEmpty();
    }
}
