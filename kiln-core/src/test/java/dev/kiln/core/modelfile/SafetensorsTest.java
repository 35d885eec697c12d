package dev.kiln.core.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The safetensors layout as its specification describes it (https://github.com/huggingface/safetensors,
 * "Format"): u64 little-endian header size N, N bytes of UTF-8 JSON (may be padded with spaces),
 * then the byte buffer; the files here are assembled byte by byte from that description.
 */
class SafetensorsTest {

    @Test
    void readsAFileAssembledFromTheSpecification() {
        byte[] data = ByteBuffer.allocate(8 + 16).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1.0f).putFloat(2.0f)
                .putLong(-3L).putInt(7).putInt(-8)
                .array();
        byte[] file = file("{\"__metadata__\":{\"source\":\"hand\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[8,16]},"
                + "\"k\":{\"dtype\":\"I32\",\"shape\":[1,2],\"data_offsets\":[16,24]}}   ", java.util.Arrays.copyOf(data, 24));
        Safetensors.Contents c = Safetensors.read(file, "hand.safetensors");
        assertThat(c.metadata()).containsExactly(Map.entry("source", "hand"));
        assertThat(c.tensors().get("w").toFloatArray()).containsExactly(1.0f, 2.0f);
        assertThat(c.tensors().get("n").shape()).isEmpty();
        assertThat(c.tensors().get("n").toLongArray()).containsExactly(-3L);
        assertThat(c.tensors().get("k").shape()).containsExactly(1, 2);
        assertThat(c.tensors().get("k").toIntArray()).containsExactly(7, -8);
    }

    @Test
    void writesTheLayoutOfTheSpecification() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Safetensors.write(Map.of("a", Tensor.of(new float[] {1, 2})), Map.of(), out);
        byte[] bytes = out.toByteArray();
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        int padded = (json.length() + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getLong()).isEqualTo(padded);
        assertThat(new String(bytes, 8, padded, StandardCharsets.UTF_8)).isEqualTo(json + " ".repeat(padded - json.length()));
        assertThat(b.position(8 + padded).getFloat()).isEqualTo(1.0f);
        assertThat(b.getFloat()).isEqualTo(2.0f);
        assertThat(bytes).hasSize(8 + padded + 8);
    }

    @Test
    void roundTripsEveryElementType() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("d", Tensor.of(new double[] {Math.PI, -0.0, Double.MIN_VALUE, Double.NaN}, 2, 2));
        tensors.put("f", Tensor.of(new float[] {Float.MAX_VALUE}));
        tensors.put("l", Tensor.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));
        tensors.put("i", Tensor.of(new int[0], 0, 3));
        tensors.put("u", Tensor.ofUnsignedBytes(new byte[] {(byte) 255, 0}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Safetensors.write(tensors, Map.of("k", "v"), out);
        Safetensors.Contents back = Safetensors.read(out.toByteArray(), "x");
        assertThat(back.tensors().get("d").toDoubleArray()).containsExactly(Math.PI, -0.0, Double.MIN_VALUE, Double.NaN);
        assertThat(back.tensors().get("d").shape()).containsExactly(2, 2);
        assertThat(back.tensors().get("f").toFloatArray()).containsExactly(Float.MAX_VALUE);
        assertThat(back.tensors().get("l").toLongArray()).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(back.tensors().get("i").shape()).containsExactly(0, 3);
        assertThat(back.tensors().get("u").toByteArray()).containsExactly((byte) 255, (byte) 0);
        assertThat(back.metadata()).containsEntry("k", "v");
    }

    @Test
    void rejectsCorruptFilesWithAReason() {
        String ok = "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
        assertThat(error(new byte[3])).contains("fewer than the 8-byte header length");
        byte[] huge = new byte[16];
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        assertThat(error(huge)).contains("header length 1099511627776 does not fit");
        assertThat(error(file("{not json", new byte[0]))).contains("the header is not valid JSON");
        assertThat(error(file("[1,2]", new byte[0]))).contains("the header is not a JSON object");
        assertThat(error(file("{" + ok + "}", new byte[4]))).contains("byte range [0, 8) lies outside the 4 data bytes");
        assertThat(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8])))
                .contains("shape [3] of F32 needs 12 bytes, but its range holds 8");
        assertThat(error(file("{\"a\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8])))
                .contains("unsupported dtype 'C64'");
        assertThat(error(file("{" + ok + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8])))
                .contains("tensor byte ranges overlap at byte 4");
        assertThat(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8])))
                .contains("bytes [0, 4) belong to no tensor");
        assertThat(error(file("{" + ok + "}", new byte[12]))).contains("bytes [8, 12) at the end belong to no tensor");
        assertThat(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", new byte[0])))
                .contains("shape[0]: expected a non-negative integer, got -1");
        assertThat(error(file("{\"__metadata__\":{\"k\":1}}", new byte[0]))).contains("__metadata__/k: expected a string");
    }

    private static String error(byte[] file) {
        try {
            Safetensors.read(file, "f.safetensors");
        } catch (ModelFileException e) {
            assertThat(e.getMessage()).startsWith("f.safetensors: not a valid safetensors file: ");
            return e.getMessage();
        }
        throw new AssertionError("read succeeded");
    }

    private static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).put(data).array();
    }

    @Test
    void namesMustNotCollideWithMetadata() {
        assertThatThrownBy(() -> Safetensors.write(Map.of("__metadata__", Tensor.of(new int[] {1})), Map.of(),
                new ByteArrayOutputStream())).hasMessageContaining("reserved");
    }
}
