package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TabularFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static Stream<Arguments> filesOfEachFormat() {
        String csv = "a,b\n1,x y\n";
        String tsv = "a\tb\n1\tx y\n";
        String jsonl = "{\"a\": 1, \"b\": \"x y\"}\n";
        return Stream.of(Arguments.of("data.csv", csv), Arguments.of("DATA.CSV", csv), Arguments.of("data.tsv", tsv),
                Arguments.of("data.tab", tsv), Arguments.of("data.jsonl", jsonl), Arguments.of("data.NDJSON", jsonl));
    }

    @ParameterizedTest
    @MethodSource("filesOfEachFormat")
    void theExtensionPicksTheFormat(String name, String text) throws IOException {
        Frame f = TabularFile.read(write(name, text));
        assertThat(f.names()).containsExactly("a", "b");
        assertThat(f.column("a").type()).isEqualTo(ColumnType.LONG);
        assertThat(f.column("b").text(0)).isEqualTo("x y");
    }

    @Test
    void typesCanBeForcedInEveryFormat() throws IOException {
        Map<String, ColumnType> types = Map.of("a", ColumnType.TEXT);
        assertThat(TabularFile.read(write("d.tsv", "a\tb\n1\t2\n"), types).column("a").type()).isEqualTo(ColumnType.TEXT);
        assertThat(TabularFile.read(write("d.jsonl", "{\"a\": 1}\n"), types).column("a").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void anUnknownExtensionIsNamed() throws IOException {
        Path p = write("data.xlsx", "");
        assertThatThrownBy(() -> TabularFile.read(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot tell the format of " + p + " from its extension '.xlsx'; "
                        + "expected .csv, .tsv, .tab, .jsonl or .ndjson");
    }

    @Test
    void aNameWithoutExtensionIsNamed() throws IOException {
        Path p = write("data", "");
        assertThatThrownBy(() -> TabularFile.read(p)).hasMessageContaining("from its name, which has no extension");
    }

    @Test
    void aMissingFileIsNamed() {
        Path p = dir.resolve("absent.jsonl");
        assertThatThrownBy(() -> TabularFile.read(p)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + p + ": the file does not exist");
    }

    @Test
    void aDirectoryIsNotAFileWhateverItsName() throws IOException {
        Path d = Files.createDirectory(dir.resolve("folder.csv"));
        assertThatThrownBy(() -> TabularFile.read(d)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + d + ": it is a directory, not a file");
    }
}
