package dev.kiln.core.modelfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (Hugging Face, https://github.com/huggingface/safetensors):
 * an 8-byte little-endian header length, a JSON header mapping each tensor name to its dtype,
 * shape and byte range, an optional {@code __metadata__} map of strings, then the tensor bytes.
 * Reading checks everything the format promises — ranges inside the buffer, sizes matching
 * shapes, no overlaps or holes — so a corrupt file fails with a message, never half-loads.
 */
public final class Safetensors {
    /** Headers larger than this are rejected as corrupt (the reference implementation uses 100 MB). */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";

    private Safetensors() {
    }

    /** The tensors and metadata of one file. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
        public Contents {
            tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Map.copyOf(metadata);
        }
    }

    /** Writes {@code tensors} (in name order) and {@code metadata} to {@code out}. */
    public static void write(Map<String, Tensor> tensors, Map<String, String> metadata, OutputStream out) throws IOException {
        List<String> names = new ArrayList<>(tensors.keySet());
        names.sort(Comparator.naturalOrder());
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> meta.put(e.getKey(), e.getValue()));
        }
        long offset = 0;
        for (String name : names) {
            if (name.equals(METADATA)) {
                throw new IllegalArgumentException("'" + METADATA + "' is reserved and cannot name a tensor");
            }
            Tensor t = tensors.get(name);
            ObjectNode entry = header.putObject(name);
            entry.put("dtype", t.dtype().name());
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            ArrayNode range = entry.putArray("data_offsets");
            range.add(offset);
            range.add(offset + t.byteSize());
            offset += t.byteSize();
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = Arrays.copyOf(json, padded);
        Arrays.fill(headerBytes, json.length, padded, (byte) ' ');
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.write(headerBytes);
        for (String name : names) {
            out.write(tensors.get(name).bytes());
        }
    }

    /**
     * Parses a whole safetensors file held in memory.
     *
     * @param source names the file in error messages
     * @throws ModelFileException when the bytes are not a valid safetensors file
     */
    public static Contents read(byte[] file, String source) {
        if (file.length < 8) {
            throw corrupt(source, "the file has " + file.length + " bytes, fewer than the 8-byte header length");
        }
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > file.length - 8L) {
            throw corrupt(source, "the header length " + headerLength + " does not fit a file of " + file.length + " bytes");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw corrupt(source, "the header is not valid JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw corrupt(source, "the header is not a JSON object");
        }
        int dataStart = 8 + (int) headerLength;
        int dataLength = file.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals(METADATA)) {
                readMetadata(source, value, metadata);
                continue;
            }
            String where = "tensor '" + name + "'";
            if (!value.isObject()) {
                throw corrupt(source, where + ": expected an object with dtype, shape and data_offsets");
            }
            DType dtype = DType.parse(value.path("dtype").asText(""));
            if (dtype == null) {
                throw corrupt(source, where + ": unsupported dtype '" + value.path("dtype").asText("") + "' (Kiln reads "
                        + Arrays.toString(DType.values()) + ")");
            }
            long[] shape = longs(source, where + " shape", value.path("shape"), -1);
            long[] range = longs(source, where + " data_offsets", value.path("data_offsets"), 2);
            long begin = range[0];
            long end = range[1];
            if (begin > end || end > dataLength) {
                throw corrupt(source, where + ": byte range [" + begin + ", " + end + ") lies outside the "
                        + dataLength + " data bytes");
            }
            long expected;
            try {
                expected = Math.multiplyExact(Tensor.elementCount(shape), dtype.bytes());
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw corrupt(source, where + ": invalid shape " + Arrays.toString(shape));
            }
            if (end - begin != expected) {
                throw corrupt(source, where + ": shape " + Arrays.toString(shape) + " of " + dtype + " needs " + expected
                        + " bytes, but its range holds " + (end - begin));
            }
            tensors.put(name, Tensor.ofBytes(dtype, shape,
                    Arrays.copyOfRange(file, dataStart + (int) begin, dataStart + (int) end)));
            ranges.add(new long[] {begin, end});
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        long covered = 0;
        for (long[] r : ranges) {
            if (r[0] != covered) {
                throw corrupt(source, r[0] < covered ? "tensor byte ranges overlap at byte " + r[0]
                        : "bytes [" + covered + ", " + r[0] + ") belong to no tensor");
            }
            covered = r[1];
        }
        if (covered != dataLength) {
            throw corrupt(source, "bytes [" + covered + ", " + dataLength + ") at the end belong to no tensor");
        }
        return new Contents(tensors, metadata);
    }

    private static void readMetadata(String source, JsonNode value, Map<String, String> metadata) {
        if (!value.isObject()) {
            throw corrupt(source, METADATA + ": expected an object of strings");
        }
        Iterator<Map.Entry<String, JsonNode>> it = value.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw corrupt(source, METADATA + "/" + e.getKey() + ": expected a string");
            }
            metadata.put(e.getKey(), e.getValue().asText());
        }
    }

    private static long[] longs(String source, String what, JsonNode node, int length) {
        if (!node.isArray() || (length >= 0 && node.size() != length)) {
            throw corrupt(source, what + ": expected an array" + (length >= 0 ? " of " + length : "") + " non-negative integers");
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
                throw corrupt(source, what + "[" + i + "]: expected a non-negative integer, got " + v);
            }
            out[i] = v.asLong();
        }
        return out;
    }

    private static ModelFileException corrupt(String source, String detail) {
        return new ModelFileException(source + ": not a valid safetensors file: " + detail);
    }
}
