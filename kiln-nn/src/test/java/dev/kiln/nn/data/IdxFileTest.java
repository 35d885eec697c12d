package dev.kiln.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.DataFormatException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    /** An IDX file of unsigned bytes: magic 0x0000080N, the sizes, the values. */
    static byte[] idx(int[] shape, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | shape.length);
        for (int s : shape) {
            out.writeInt(s);
        }
        out.write(values);
        return bytes.toByteArray();
    }

    static void write(Path file, byte[] content) throws IOException {
        try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
    }

    @Test
    void readsImagesAndLabelsPlainAndGzipped() throws IOException {
        byte[] pixels = new byte[3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 20);
        }
        pixels[11] = (byte) 255;
        write(dir.resolve("train-images-idx3-ubyte.gz"), idx(new int[] {3, 2, 2}, pixels));
        write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[] {3}, new byte[] {2, 0, 1}));
        ImageDataset data = ImageDataset.read(dir, "train");
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.height()).isEqualTo(2);
        assertThat(data.width()).isEqualTo(2);
        assertThat(data.classes()).isEqualTo(3);
        assertThat(data.labels()).containsExactly(2, 0, 1);
        assertThat(data.pixels()[1]).isEqualTo(20 / 255f);
        assertThat(data.pixels()[11]).isEqualTo(1f);
        assertThat(data.images(new int[] {2}).shape()).containsExactly(1, 1, 2, 2);
        assertThat(data.images(new int[] {2}).data()[3]).isEqualTo(1f);
    }

    @Test
    void badFilesSayWhatIsWrong() throws IOException {
        Path notIdx = dir.resolve("a-images-idx3-ubyte");
        write(notIdx, new byte[] {0x50, 0x4b, 3, 4, 0, 0});
        assertThatThrownBy(() -> IdxFile.read(notIdx)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("not an IDX file of unsigned bytes: magic number 0x504b0304");
        Path truncated = dir.resolve("t.idx");
        byte[] full = idx(new int[] {2, 3}, new byte[6]);
        write(truncated, java.util.Arrays.copyOf(full, full.length - 2));
        assertThatThrownBy(() -> IdxFile.read(truncated)).hasMessageContaining("truncated IDX file: shape [2, 3] needs 6 values, the file holds 4");
        Path extra = dir.resolve("e.idx");
        byte[] longer = java.util.Arrays.copyOf(full, full.length + 1);
        write(extra, longer);
        assertThatThrownBy(() -> IdxFile.read(extra)).hasMessageContaining("bytes after the 6 values");
        assertThatThrownBy(() -> ImageDataset.read(dir, "t10k")).hasMessageContaining("directory holds neither t10k-images-idx3-ubyte");
    }

    @Test
    void labelCountMustMatchTheImages() throws IOException {
        write(dir.resolve("train-images-idx3-ubyte"), idx(new int[] {3, 2, 2}, new byte[12]));
        write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[] {2}, new byte[2]));
        assertThatThrownBy(() -> ImageDataset.read(dir, "train"))
                .hasMessageContaining("train-labels-idx1-ubyte: expected 3 labels (shape [3]) for the images in train-images-idx3-ubyte, got [2]");
    }

    @Test
    void imageCsvReadsSquareImagesAndPointsAtBadCells() throws IOException {
        Path csv = dir.resolve("images.csv");
        Files.writeString(csv, "label,p0,p1,p2,p3\n1,0,255,0,0\n0,51,0,0,0\n");
        ImageDataset data = ImageDataset.read(csv, "train");
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.height()).isEqualTo(2);
        assertThat(data.labels()).containsExactly(1, 0);
        assertThat(data.pixels()[1]).isEqualTo(1f);
        assertThat(data.pixels()[4]).isEqualTo(0.2f);

        Files.writeString(csv, "label,p0,p1,p2,p3\n1,0,255,0,0\n0,51,0,,0\n");
        assertThatThrownBy(() -> ImageDataset.read(csv, "train"))
                .hasMessageContaining("images.csv:3: column 'p2': expected a pixel value in [0, 255], got a missing value");
        Files.writeString(csv, "label,p0,p1,p2,p3\n1,0,255,0,0\n0.5,51,0,0,0\n");
        assertThatThrownBy(() -> ImageDataset.read(csv, "train"))
                .hasMessageContaining("images.csv:3: column 'label': expected a class index (an integer >= 0), got 0.5");
        Files.writeString(csv, "label,p0,p1,p2\n1,0,255,0\n");
        assertThatThrownBy(() -> ImageDataset.read(csv, "train"))
                .hasMessageContaining("3 pixel columns beside 'label' do not make a square image");
    }
}
