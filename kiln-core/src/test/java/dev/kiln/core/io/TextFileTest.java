package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {

    @Test
    void readsUtf8AndNamesTheLineOfABadByte(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.txt");
        String text = "caf\u00e9 \uD83D\uDE00\n" + "x".repeat(40_000) + "\nend";
        Files.writeString(good, text, StandardCharsets.UTF_8);
        assertThat(TextFile.read(good)).isEqualTo(text);
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', 'b', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> TextFile.read(bad)).isInstanceOf(DataFormatException.class)
                .hasMessage(bad + ":2: expected UTF-8 text, got the byte 0xff, which is not valid UTF-8");
        assertThatThrownBy(() -> TextFile.read(dir)).hasMessageContaining("is a directory");
    }
}
