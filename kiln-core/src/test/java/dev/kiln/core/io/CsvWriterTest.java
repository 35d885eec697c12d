package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    private static String text(Frame frame, CsvOptions options) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter.write(frame, out, options);
        return out.toString();
    }

    @Test
    void fieldsAreQuotedOnlyWhenNeeded() throws IOException {
        Frame f = Frame.of(TextColumn.of("t", "plain", " lead and trail ", "a,b", "say \"hi\"", "two\nlines", "cr\r",
                "", "NA", "null"));
        assertThat(text(f, CsvOptions.defaults())).isEqualTo("t\r\nplain\r\n lead and trail \r\n\"a,b\"\r\n"
                + "\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n\"cr\r\"\r\n\"\"\r\n\"NA\"\r\n\"null\"\r\n");
    }

    @Test
    void numbersAndBooleansAreWrittenPlainAndMissingValuesEmpty() throws IOException {
        Frame f = Frame.of(
                LongColumn.builder("id").add(1).addMissing().add(Long.MIN_VALUE).build(),
                DoubleColumn.of("x", 0.1, Double.NaN, 3),
                BooleanColumn.builder("ok").add(true).add(false).addMissing().build(),
                CategoricalColumn.of("c", "red", "red", null));
        assertThat(text(f, CsvOptions.defaults()))
                .isEqualTo("id,x,ok,c\r\n1,0.1,true,red\r\n,,false,red\r\n-9223372036854775808,3.0,,\r\n");
    }

    @Test
    void doublesAreWrittenInTheirShortestExactForm() throws IOException {
        Frame f = Frame.of(DoubleColumn.of("x", -0.0, 1e-300, 1e20, Double.POSITIVE_INFINITY, 0.30000000000000004,
                Double.MIN_VALUE));
        assertThat(text(f, CsvOptions.defaults()).split("\r\n"))
                .containsExactly("x", "-0.0", "1.0E-300", "1.0E20", "Infinity", "0.30000000000000004", "4.9E-324");
    }

    @Test
    void aMissingValueAloneOnItsLineIsNotABlankLine() throws IOException {
        Frame f = Frame.of(DoubleColumn.of("x", 1, Double.NaN));
        assertThat(text(f, CsvOptions.defaults())).isEqualTo("x\r\n1.0\r\nNA\r\n");
        CsvOptions onlyEmpty = CsvOptions.builder().missingMarkers(List.of("")).build();
        assertThat(text(f, onlyEmpty)).isEqualTo("x\r\n1.0\r\n\"\"\r\n");
    }

    @Test
    void theOptionsSetDelimiterQuoteHeaderAndComments() throws IOException {
        Frame f = Frame.of(TextColumn.of("a", "it's", "#x"), TextColumn.of("b", "1\t2", "y"));
        CsvOptions options = CsvOptions.tsv().toBuilder().quote('\'').header(false).commentPrefix("#").build();
        assertThat(text(f, options)).isEqualTo("'it''s'\t'1\t2'\r\n'#x'\ty\r\n");
    }

    @Test
    void aFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
        Path p = dir.resolve("out.csv");
        Files.writeString(p, "old content that is longer than the new one\n");
        CsvWriter.write(Frame.of(LongColumn.of("a", 1, 2)), p);
        assertThat(Files.readString(p)).isEqualTo("a\r\n1\r\n2\r\n");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(p);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path p = dir.resolve("out.csv");
        Files.writeString(p, "a\r\n1\r\n");
        Frame unencodable = Frame.of(TextColumn.of("a", "x".repeat(100_000), "caf\u00e9"));
        CsvOptions ascii = CsvOptions.builder().charset(StandardCharsets.US_ASCII).build();
        assertThatThrownBy(() -> CsvWriter.write(unencodable, p, ascii))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + p);
        assertThat(Files.readString(p)).isEqualTo("a\r\n1\r\n");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(p);
        }
    }

    @Test
    void aMissingFolderIsAnError() {
        Path p = dir.resolve("no/such/folder/out.csv");
        assertThatThrownBy(() -> CsvWriter.write(Frame.of(LongColumn.of("a", 1)), p))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + p);
    }

    @Test
    void whatIsWrittenReadsBack() {
        Path p = dir.resolve("back.csv");
        Frame f = Frame.of(TextColumn.of("t", "x,y", "a\nb"), DoubleColumn.of("d", 0.1, -0.0));
        CsvWriter.write(f, p);
        Frames.assertSameFrame(CsvReader.read(p, CsvOptions.builder().type("t", f.column("t").type()).build()), f);
    }
}
