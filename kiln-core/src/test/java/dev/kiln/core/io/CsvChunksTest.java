package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.assertSameFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvChunksTest {
    private static final int ROWS = 1_000;

    @TempDir
    Path dir;
    private Path file;

    /** Rows of every type; the level "late" and the value 0.5 first appear in the last rows. */
    @BeforeEach
    void writeFile() throws IOException {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder("id,x,flag,colour,note\n");
        for (int i = 0; i < ROWS; i++) {
            boolean last = i >= ROWS - 3;
            sb.append(i).append(',')
                    .append(i % 10 == 0 ? "" : last ? "0.5" : Integer.toString(random.nextInt(100))).append(',')
                    .append(random.nextBoolean()).append(',')
                    .append(last ? "late" : List.of("red", "green", "blue").get(random.nextInt(3))).append(',')
                    .append("\"note ").append(i).append(",\nline two\"\n");
        }
        file = dir.resolve("rows.csv");
        Files.writeString(file, sb);
    }

    private List<Frame> chunks(int rowsPerChunk) {
        List<Frame> out = new ArrayList<>();
        try (FrameChunks chunks = CsvReader.chunks(file, CsvOptions.defaults(), rowsPerChunk)) {
            chunks.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 999, 1_000, 5_000})
    void chunksTogetherEqualAFullRead(int rowsPerChunk) {
        Frame full = CsvReader.read(file);
        List<Frame> chunks = chunks(rowsPerChunk);
        assertThat(chunks).hasSize((ROWS + rowsPerChunk - 1) / rowsPerChunk);
        int from = 0;
        for (Frame chunk : chunks) {
            assertThat(chunk.schema()).isEqualTo(full.schema());
            assertSameFrame(chunk, full.slice(from, from + chunk.rowCount()));
            from += chunk.rowCount();
        }
        assertThat(from).isEqualTo(ROWS);
    }

    @Test
    void theSchemaComesFromTheWholeFileBeforeTheFirstChunk() {
        try (FrameChunks chunks = CsvReader.chunks(file, CsvOptions.defaults(), 10)) {
            assertThat(chunks.schema().field("x").type()).isEqualTo(ColumnType.DOUBLE);
            assertThat(chunks.schema().field("colour").levels()).contains("late");
            Frame first = chunks.next();
            assertThat(first.schema()).isEqualTo(chunks.schema());
        }
    }

    @Test
    void aBadValueAnywhereFailsBeforeTheFirstChunk() throws IOException {
        Files.writeString(file, "a\n1\n2\nthree\n");
        CsvOptions longs = CsvOptions.builder().type("a", ColumnType.LONG).build();
        assertThatThrownBy(() -> CsvReader.chunks(file, longs, 1))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ":4: column 'a': expected a whole number within the range of a long, got 'three'");
    }

    @Test
    void aHeaderOnlyFileHasASchemaButNoChunks() throws IOException {
        Files.writeString(file, "a,b\n");
        try (FrameChunks chunks = CsvReader.chunks(file, CsvOptions.defaults(), 10)) {
            assertThat(chunks.schema().names()).containsExactly("a", "b");
            assertThat(chunks.hasNext()).isFalse();
            assertThatThrownBy(chunks::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void closingEarlyEndsTheChunks() {
        FrameChunks chunks = CsvReader.chunks(file, CsvOptions.defaults(), 10);
        assertThat(chunks.next().rowCount()).isEqualTo(10);
        chunks.close();
        assertThat(chunks.hasNext()).isFalse();
    }

    @Test
    void theChunksCanBeStreamed() {
        try (var stream = CsvReader.chunks(file, CsvOptions.defaults(), 300).stream()) {
            assertThat(stream.mapToInt(Frame::rowCount).boxed().toList()).containsExactly(300, 300, 300, 100);
        }
    }

    @Test
    void aChunkNeedsAtLeastOneRow() {
        assertThatThrownBy(() -> CsvReader.chunks(file, CsvOptions.defaults(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows per chunk must be at least 1, got 0");
    }
}
