package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.assertSameFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Frame;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderSourcesTest {
    private static final String TEXT = "a,b,c\n1,x,2.5\n2,\"y\nz\",NA\n";

    @TempDir
    Path dir;

    @Test
    void aReaderReadsLikeAFile() throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, TEXT);
        Frame fromReader = CsvReader.read(new StringReader(TEXT), "stream", CsvOptions.defaults());
        assertSameFrame(fromReader, CsvReader.read(p));
        assertThat(fromReader.rowCount()).isEqualTo(2);
    }

    @Test
    void errorsFromAReaderUseTheGivenName() {
        assertThatThrownBy(() -> CsvReader.read(new StringReader("a\n1,2\n"), "upload #3", CsvOptions.defaults()))
                .hasMessage("upload #3:2: expected 1 field as in the header, found 2");
    }

    @Test
    void errorsFromAFileUseItsPath() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "a\n1,2\n");
        assertThatThrownBy(() -> CsvReader.read(p)).isInstanceOf(DataFormatException.class)
                .hasMessage(p + ":2: expected 1 field as in the header, found 2");
    }

    @Test
    void aMissingFileIsNamed() {
        Path p = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvReader.read(p)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + p + ": the file does not exist");
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThatThrownBy(() -> CsvReader.read(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + dir + ": it is a directory, not a file");
    }
}
