package dev.kiln.rag.kb;

import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The embeddings of a knowledge base's quotable sentences, in {@code sentences.vec} beside its
 * index, so that the extractive answerer scores sentences by dot products instead of running the
 * encoder at ask time. A sentence is found by a 64-bit key, the first 8 bytes of the SHA-256 of its
 * text (a chance collision among a million sentences is about 3 in 10^8). Vectors are kept at unit
 * length in IEEE half precision (a relative error of at most 2^-11 a component, so a cosine moves by
 * less than 10^-3). Only the keys are read into memory; a vector is read from the file when asked
 * for.
 *
 * <p>The file is a cache: a sentence it lacks is embedded when it is needed, and ingesting rewrites
 * it whole (atomically) from the chunks in the index. Layout, big-endian: the magic {@code KSV1},
 * the dimension and the count as ints, the keys as ascending longs, then each key's vector as
 * {@code dimension} half-precision floats.
 */
final class SentenceVectors implements AutoCloseable {
    static final String FILE = "sentences.vec";
    private static final int MAGIC = 0x4B535631; // "KSV1"
    private static final int HEADER = 12;

    private final Path file;
    private final int dimension;
    private final long[] keys;
    private final FileChannel channel;

    private SentenceVectors(Path file, int dimension, long[] keys, FileChannel channel) {
        this.file = file;
        this.dimension = dimension;
        this.keys = keys;
        this.channel = channel;
    }

    /** The vectors in {@code dir}, or none when it has no {@code sentences.vec}. */
    static SentenceVectors open(Path dir, int dimension) {
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return new SentenceVectors(file, dimension, new long[0], null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            ByteBuffer header = read(channel, 0, HEADER);
            if (header.getInt() != MAGIC) {
                throw DataFormatException.of(file.toString(), "expected the magic number KSV1 at byte 0");
            }
            int dim = header.getInt();
            int count = header.getInt();
            if (dim != dimension) {
                throw DataFormatException.of(file.toString(), "holds " + dim + "-dimensional vectors; the knowledge base holds "
                        + dimension);
            }
            long expected = HEADER + (long) count * Long.BYTES + (long) count * dim * Short.BYTES;
            if (count < 0 || channel.size() != expected) {
                throw DataFormatException.of(file.toString(), "is " + channel.size() + " bytes; " + count + " vectors of "
                        + dim + " take " + expected);
            }
            long[] keys = new long[count];
            read(channel, HEADER, count * Long.BYTES).asLongBuffer().get(keys);
            for (int i = 1; i < count; i++) {
                if (keys[i] <= keys[i - 1]) {
                    throw DataFormatException.of(file.toString(), "key " + i + " is out of order; expected ascending keys");
                }
            }
            return new SentenceVectors(file, dimension, keys, channel);
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + file + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The key of a sentence's text. */
    static long key(String sentence) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        return ByteBuffer.wrap(sha.digest(sentence.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    int size() {
        return keys.length;
    }

    int dimension() {
        return dimension;
    }

    boolean contains(long key) {
        return Arrays.binarySearch(keys, key) >= 0;
    }

    /** The unit vector stored for {@code key}, or null. */
    float[] vector(long key) {
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? null : Half.toFloats(halves(i));
    }

    /** The stored half-precision vector at position {@code i}. */
    short[] halves(int i) {
        try {
            long at = HEADER + (long) keys.length * Long.BYTES + (long) i * dimension * Short.BYTES;
            short[] out = new short[dimension];
            read(channel, at, dimension * Short.BYTES).asShortBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    long key(int i) {
        return keys[i];
    }

    private static ByteBuffer read(FileChannel channel, long at, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the file ends at byte " + (at + buffer.position()) + "; expected " + (at + bytes));
            }
        }
        return buffer.flip();
    }

    /**
     * Writes {@code keys} (distinct, any order) with their half-precision {@code vectors} to
     * {@code dir}/sentences.vec, replacing what was there.
     */
    static void write(Path dir, int dimension, long[] keys, short[][] vectors) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        Path file = dir.resolve(FILE);
        try {
            AtomicWrite.file(file, raw -> {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
                out.writeInt(MAGIC);
                out.writeInt(dimension);
                out.writeInt(keys.length);
                long previous = 0;
                for (int n = 0; n < order.length; n++) {
                    long k = keys[order[n]];
                    if (n > 0 && k == previous) {
                        throw new IllegalArgumentException("sentence key " + k + " given twice");
                    }
                    out.writeLong(k);
                    previous = k;
                }
                for (Integer i : order) {
                    if (vectors[i].length != dimension) {
                        throw new IllegalArgumentException("a sentence vector of " + vectors[i].length + " dimensions; expected "
                                + dimension);
                    }
                    for (short h : vectors[i]) {
                        out.writeShort(h);
                    }
                }
                out.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Unit vectors to and from IEEE half precision. */
    static final class Half {
        private Half() {
        }

        static short[] ofUnit(float[] v) {
            double norm = 0;
            for (float x : v) {
                norm += (double) x * x;
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            short[] out = new short[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = Float.floatToFloat16((float) (v[i] * scale));
            }
            return out;
        }

        static float[] toFloats(short[] h) {
            float[] out = new float[h.length];
            for (int i = 0; i < h.length; i++) {
                out[i] = Float.float16ToFloat(h[i]);
            }
            return out;
        }
    }
}
