package dev.kiln.text.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.random.Rng;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Word2VecFilesTest {
    @TempDir
    Path dir;

    private static WordVectors two() {
        return WordVectors.of(List.of("a", "bé"), new float[] {1f, -2.5f, 0.5f, 3f}, 2);
    }

    @Test
    void textFormatIsHeaderThenOneWordPerLine() throws Exception {
        Path file = dir.resolve("v.txt");
        two().write(file, VectorFormat.TEXT);
        assertThat(Files.readString(file)).isEqualTo("2 2\na 1.0 -2.5\nbé 0.5 3.0\n");
    }

    @Test
    void binaryFormatIsTheCToolsLayout() throws Exception {
        Path file = dir.resolve("v.bin");
        two().write(file, VectorFormat.BINARY);
        // IEEE 754 single precision, little-endian: 1.0 = 0000803f, −2.5 = 000020c0, 0.5 = 0000003f, 3.0 = 00004040
        // (by hand: 1.0 = 0x3F800000, −2.5 = 0xC0200000, 0.5 = 0x3F000000, 3.0 = 0x40400000, bytes reversed).
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("2 2\na ".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HexFormat.of().parseHex("0000803f000020c0"));
        expected.writeBytes("\nbé ".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HexFormat.of().parseHex("0000003f00004040"));
        expected.write('\n');
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void bothFormatsRoundTripEveryBit() {
        Rng rng = Rng.seeded(3);
        List<String> words = new ArrayList<>();
        float[] values = new float[300 * 37];
        for (int i = 0; i < 300; i++) {
            words.add("w" + i + (i % 7 == 0 ? "ü" : ""));
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-8, 8)));
        }
        WordVectors original = WordVectors.of(words, values, 37);
        for (VectorFormat format : VectorFormat.values()) {
            Path file = dir.resolve("round." + format);
            original.write(file, format);
            WordVectors back = WordVectors.read(file, format);
            assertThat(back.words()).isEqualTo(words);
            for (int i = 0; i < 300; i++) {
                assertThat(back.vector(i)).as("%s row %d", format, i).containsExactly(original.vector(i));
            }
        }
    }

    @Test
    void binaryWithoutNewlinesReadsToo() throws Exception {
        // gensim 4 writes no newline after each vector; the C tool's readers skip it when present.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("2 1\nx ".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(HexFormat.of().parseHex("0000803f"));
        bytes.writeBytes("y ".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(HexFormat.of().parseHex("00004040"));
        Path file = dir.resolve("g.bin");
        Files.write(file, bytes.toByteArray());
        WordVectors v = WordVectors.read(file, VectorFormat.BINARY);
        assertThat(v.words()).containsExactly("x", "y");
        assertThat(v.vector("y")).containsExactly(3f);
    }

    @Test
    void filesWrittenByGensimReadAsWritten() throws Exception {
        // See resources/vectors/README.md: gensim 4.2 wrote these from the float32 values below.
        float[][] expected = {{1.5f, -2.0f, 0.1f}, {0.25f, 3.0f, -1e-7f}, {0.0f, 1e10f, 7.0f}};
        for (String name : List.of("gensim-vectors.bin", "gensim-vectors.txt")) {
            Path file = Path.of(getClass().getResource("/vectors/" + name).toURI());
            WordVectors v = WordVectors.read(file, VectorFormat.forFile(file));
            assertThat(v.words()).as(name).containsExactly("alpha", "beta", "crème");
            for (int i = 0; i < 3; i++) {
                assertThat(v.vector(i)).as(name).containsExactly(expected[i]);
            }
        }
    }

    @Test
    void malformedTextNamesFileAndLine() throws Exception {
        assertTextError("2 x\n", ":1: expected the header 'COUNT DIMENSION' (two whole numbers, DIMENSION >= 1), got '2 x'");
        assertTextError("2 2\na 1 2\nb 3\n", ":3: expected a word and 2 numbers, got 'b' and 1");
        assertTextError("1 2\na 1 zwei\n", ":2: value 2 of 'a' must be a finite number, got 'zwei'");
        assertTextError("1 1\na NaN\n", ":2: value 1 of 'a' must be a finite number, got 'NaN'");
        assertTextError("3 1\na 1\nb 2\n", ":3: the header promises 3 words but the file ends after 2");
        assertTextError("1 1\na 1\nb 2\n", ":3: more rows than the 1 the header promises");
        assertTextError("2 1\na 1\na 2\n", ":3: word 'a' already appeared on line 2");
    }

    @Test
    void binaryReadAsTextAndTextReadAsBinaryAreRecognised() throws Exception {
        Path bin = dir.resolve("v.bin");
        two().write(bin, VectorFormat.BINARY);
        assertThatThrownBy(() -> WordVectors.read(bin, VectorFormat.TEXT))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(bin + ":2: not valid UTF-8 text; is this the binary format?");
        Path txt = dir.resolve("v.txt");
        two().write(txt, VectorFormat.TEXT);
        assertThatThrownBy(() -> WordVectors.read(txt, VectorFormat.BINARY))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(txt + ": entry 1 ('a'): its vector bytes are decimal text; this looks like the text format");
    }

    @Test
    void truncatedBinaryNamesTheEntry() throws Exception {
        Path bin = dir.resolve("v.bin");
        two().write(bin, VectorFormat.BINARY);
        byte[] all = Files.readAllBytes(bin);
        // Header "2 2\n" (4 bytes), "a " (2), 8 value bytes, "\n" (1): entry 2 starts at byte 15.
        Files.write(bin, java.util.Arrays.copyOf(all, all.length - 4));
        assertThatThrownBy(() -> WordVectors.read(bin, VectorFormat.BINARY))
                .hasMessage(bin + ": entry 2 ('bé') at byte 15: the file ends after 5 of its 8 vector bytes");
        Files.write(bin, java.util.Arrays.copyOf(all, 15));
        assertThatThrownBy(() -> WordVectors.read(bin, VectorFormat.BINARY))
                .hasMessage(bin + ": the header promises 2 words but the file ends after 1");
    }

    @Test
    void missingFilesAndUnwritableWordsAreReported() {
        assertThatThrownBy(() -> WordVectors.read(dir.resolve("none.txt"), VectorFormat.TEXT))
                .hasMessage("cannot read " + dir.resolve("none.txt") + ": the file does not exist");
        WordVectors spaced = WordVectors.of(List.of("new york"), new float[] {1}, 1);
        assertThatThrownBy(() -> spaced.write(dir.resolve("s.txt"), VectorFormat.TEXT))
                .hasMessage("word 0 'new york' contains white space, which the word2vec formats cannot hold");
    }

    @Test
    void formatFollowsTheExtensionUnlessNamed() {
        assertThat(VectorFormat.forFile(Path.of("x/vectors.BIN"))).isEqualTo(VectorFormat.BINARY);
        assertThat(VectorFormat.forFile(Path.of("vectors.txt"))).isEqualTo(VectorFormat.TEXT);
        assertThat(VectorFormat.parse("Binary")).isEqualTo(VectorFormat.BINARY);
        assertThatThrownBy(() -> VectorFormat.parse("csv")).hasMessage("a vector format must be text or binary, got 'csv'");
    }

    private void assertTextError(String content, String expected) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, content);
        assertThatThrownBy(() -> WordVectors.read(file, VectorFormat.TEXT))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + expected);
    }
}
