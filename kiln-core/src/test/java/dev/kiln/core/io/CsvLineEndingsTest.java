package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.assertSameFrame;
import static dev.kiln.core.io.Frames.csv;
import static dev.kiln.core.io.Frames.csvError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvLineEndingsTest {
    private static final Frame EXPECTED = csv("a,b\n1,x\n2,y\n");

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineEndingStyleReadsTheSame(String eol) {
        assertSameFrame(csv("a,b" + eol + "1,x" + eol + "2,y" + eol), EXPECTED);
        assertSameFrame(csv("a,b" + eol + "1,x" + eol + "2,y"), EXPECTED);
    }

    @Test
    void stylesMayBeMixedInOneFile() {
        assertSameFrame(csv("a,b\r\n1,x\r2,y\n"), EXPECTED);
    }

    @Test
    void blankLinesAnywhereAreSkipped() {
        assertSameFrame(csv("\n\r\na,b\n\n1,x\r\n\r\n\r2,y\n\n\n"), EXPECTED);
    }

    @Test
    void aLineOfSpacesIsNotBlank() {
        Frame f = csv("a\n1\n  \n2\n");
        assertThat(f.rowCount()).isEqualTo(3);
        assertThat(f.column("a").text(1)).isEqualTo("  ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void errorsCountPhysicalLinesInEveryStyle(String eol) {
        String text = String.join(eol, "a,b", "1,2", "", "3,\"x" + eol + "y\"", "4,5,6") + eol;
        assertThat(csvError(text).line()).hasValue(6);
    }
}
