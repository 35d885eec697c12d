package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.csvError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvRaggedRowsTest {

    @Test
    void aShortRowIsReportedWithItsLineAndTheExpectedCount() {
        StringBuilder text = new StringBuilder("a,b,c,d,e\n");
        for (int line = 2; line < 57; line++) {
            text.append("1,2,3,4,5\n");
        }
        text.append("1,2,3,4\n1,2,3,4,5\n");
        DataFormatException e = csvError(text.toString());
        assertThat(e.getMessage()).isEqualTo("test.csv:57: expected 5 fields as in the header, found 4");
        assertThat(e.line()).hasValue(57);
    }

    @Test
    void aLongRowIsAnErrorToo() {
        assertThat(csvError("a,b\n1,2\n1,2,3\n").getMessage())
                .isEqualTo("test.csv:3: expected 2 fields as in the header, found 3");
    }

    @Test
    void aTrailingDelimiterAddsAnEmptyField() {
        assertThat(csvError("a,b\n1,2,\n").detail()).isEqualTo("expected 2 fields as in the header, found 3");
    }

    @Test
    void theLineIsRightAfterMultiLineQuotedFields() {
        String text = "a,b\n"
                + "1,\"one\ntwo\nthree\"\n"
                + "2,\"x\r\ny\"\n"
                + "3\n";
        assertThat(csvError(text).line()).hasValue(7);
    }

    @Test
    void theLineIsRightAfterBlankAndCommentLines() {
        String text = "# made by hand\na,b\n\n# note\n1,2\n\n3\n";
        assertThat(csvError(text, CsvOptions.builder().commentPrefix("#").build()).line()).hasValue(7);
    }

    @Test
    void withoutAHeaderTheFirstLineSetsTheCount() {
        DataFormatException e = csvError("1,2,3\n4,5\n", CsvOptions.builder().header(false).build());
        assertThat(e.getMessage()).isEqualTo("test.csv:2: expected 3 fields as in the first line, found 2");
    }

    @Test
    void aOneColumnFileSaysField() {
        assertThat(csvError("a\n1\n1,2\n").detail()).isEqualTo("expected 1 field as in the header, found 2");
    }
}
