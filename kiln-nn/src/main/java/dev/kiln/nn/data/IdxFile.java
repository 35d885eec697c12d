package dev.kiln.nn.data;

import dev.kiln.core.io.DataFormatException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file of unsigned bytes, the format of MNIST and Fashion-MNIST (LeCun et al.,
 * "THE MNIST DATABASE of handwritten digits"): a big-endian magic number 0x0000_08_NN, where
 * 0x08 says unsigned bytes and NN the number of dimensions, then NN 32-bit sizes, then the
 * values row-major. Files ending in {@code .gz} are decompressed on the fly.
 *
 * @param shape  the sizes, outermost first (images: count, rows, columns; labels: count)
 * @param values the bytes, row-major
 */
public record IdxFile(int[] shape, byte[] values) {
    private static final int UNSIGNED_BYTE = 0x08;

    public static IdxFile read(Path path) {
        String source = path.toString();
        try (InputStream raw = Files.newInputStream(path);
             InputStream in = source.endsWith(".gz") ? new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16)
                     : new BufferedInputStream(raw, 1 << 16)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw DataFormatException.of(source, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + ": " + e.getMessage(), e);
        }
    }

    static IdxFile read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw DataFormatException.of(source, "not an IDX file: shorter than its 4-byte magic number");
        }
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != UNSIGNED_BYTE || (magic & 0xff) < 1) {
            throw DataFormatException.of(source, String.format(
                    "not an IDX file of unsigned bytes: magic number 0x%08x, expected 0x000008NN with NN the number of dimensions", magic));
        }
        int[] shape = new int[magic & 0xff];
        long count = 1;
        for (int d = 0; d < shape.length; d++) {
            try {
                shape[d] = in.readInt();
            } catch (EOFException e) {
                throw DataFormatException.of(source, "truncated IDX header: " + shape.length + " dimension sizes announced, " + d + " present");
            }
            if (shape[d] < 0) {
                throw DataFormatException.of(source, "IDX dimension " + d + " has negative size " + shape[d]);
            }
            count *= shape[d];
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw DataFormatException.of(source, "IDX shape " + Arrays.toString(shape) + " holds more values than Kiln reads (" + count + ")");
        }
        byte[] values = in.readNBytes((int) count);
        if (values.length != count) {
            throw DataFormatException.of(source, "truncated IDX file: shape " + Arrays.toString(shape) + " needs " + count
                    + " values, the file holds " + values.length);
        }
        if (in.read() != -1) {
            throw DataFormatException.of(source, "IDX file has bytes after the " + count + " values its shape " + Arrays.toString(shape) + " announces");
        }
        return new IdxFile(shape, values);
    }
}
