package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.core.frame.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEncodingTest {
    @TempDir
    Path dir;

    private Path file(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        Path p = dir.resolve("data.csv");
        Files.write(p, out.toByteArray());
        return p;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        Frame f = CsvReader.read(file(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("a,b\n1,2\n")));
        assertThat(f.names()).containsExactly("a", "b");
    }

    @Test
    void multiByteCharactersAreDecoded() throws IOException {
        Frame f = CsvReader.read(file(utf8("név,emoji\nÅsa,\uD83D\uDE00\n李,✓\n")));
        assertThat(f.names()).containsExactly("név", "emoji");
        assertThat(f.column("emoji").text(0)).isEqualTo("\uD83D\uDE00");
        assertThat(f.column("név").text(1)).isEqualTo("李");
    }

    @Test
    void malformedUtf8IsReportedOnItsLine() throws IOException {
        Path p = file(utf8("a,b\n1,x\n2,y\n3,"), new byte[] {(byte) 0xFF}, utf8("z\n4,w\n"));
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> CsvReader.read(p));
        assertThat(e.getMessage()).isEqualTo(p + ":4: expected UTF-8 text, got the byte 0xff, which is not valid UTF-8");
    }

    @Test
    void malformedUtf8FarIntoALargeFileIsReportedOnItsLine() throws IOException {
        String rows = "1,abcdefghijklmnopqrstuvwxyz\n".repeat(9_999);
        Path p = file(utf8("a,b\n" + rows + "2,"), new byte[] {(byte) 0xC3, (byte) 0x28}, utf8("\n"));
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> CsvReader.read(p));
        assertThat(e.line()).hasValue(10_001);
        assertThat(e.detail()).contains("0xc3");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsReported() throws IOException {
        Path p = file(utf8("a\nx\n"), new byte[] {(byte) 0xE2, (byte) 0x9C});
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> CsvReader.read(p));
        assertThat(e.line()).hasValue(3);
        assertThat(e.detail()).startsWith("expected UTF-8 text, got the bytes 0xe2 0x9c");
    }

    @Test
    void anotherCharsetCanBeChosen() throws IOException {
        Path p = file(new byte[] {'a', '\n', (byte) 0xE9, 't', (byte) 0xE9, '\n'});
        Frame f = CsvReader.read(p, CsvOptions.builder().charset(StandardCharsets.ISO_8859_1).build());
        assertThat(f.column("a").text(0)).isEqualTo("été");
    }
}
