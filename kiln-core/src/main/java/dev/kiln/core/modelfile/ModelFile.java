package dev.kiln.core.modelfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.KilnVersion;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.frame.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Saves models as data and loads them back. A model file is a directory — or, when the path
 * ends in {@code .zip}, a zip archive — holding {@code manifest.json} (see {@link Manifest})
 * and {@code weights.safetensors}. Saving is atomic: the new file is written beside the target
 * and renamed into place, so a crash leaves the old model or the new one, never a mixture.
 * Loading verifies the format version and the weights' checksum and rebuilds the model through
 * the codec registered for its type id in {@link ModelTypes}; no code is named by the file.
 */
public final class ModelFile {
    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = "kiln-model";
    /** The file layout this Kiln writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String WEIGHTS = "weights.safetensors";
    private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;
    private static final long MAX_WEIGHTS_BYTES = Integer.MAX_VALUE - 8;

    private ModelFile() {
    }

    /** Saves {@code model} to {@code target} with nothing recorded beyond the model itself. */
    public static void save(Object model, Path target) {
        save(model, target, ModelInfo.none());
    }

    /** Saves {@code model} to {@code target} (a directory, or a zip file when the name ends in .zip). */
    public static void save(Object model, Path target, ModelInfo info) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ObjectNode component = ModelWriter.write(model, "", tensors);
        byte[] weights;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Safetensors.write(tensors, Map.of("format", "kiln"), out);
            weights = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Manifest manifest = new Manifest(FORMAT, FORMAT_VERSION, component.get("model_type").asText(),
                component.get("type_version").asInt(), KilnVersion.current(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), info.task(), info.target(),
                component.get("hyperparameters"), inputSchema(component),
                component.get("config"), info.trainingMetrics(), info.provenance(),
                new Manifest.Weights(WEIGHTS, weights.length, sha256(weights)),
                info.featureRanges().isEmpty() ? null : info.featureRanges());
        byte[] manifestBytes;
        try {
            manifestBytes = ModelJson.MAPPER.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new ModelFileException("cannot write the manifest of " + target + ": " + e.getOriginalMessage(), e);
        }
        try {
            if (isZip(target)) {
                writeZip(target, manifestBytes, weights);
            } else {
                writeDirectory(target, manifestBytes, weights);
            }
        } catch (IOException e) {
            throw new ModelFileException("cannot save the model to " + target + ": " + e, e);
        }
    }

    /** The input schema Kiln recorded for the component (models and fitted transformers have one), or null. */
    private static Schema inputSchema(ObjectNode component) {
        JsonNode schema = component.get(ModelReader.INPUT_SCHEMA);
        if (schema == null) {
            return null;
        }
        try {
            return ModelJson.MAPPER.treeToValue(schema, Schema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Kiln wrote an input schema it cannot read back", e);
        }
    }

    /** Loads the model at {@code source}. */
    public static LoadedModel load(Path source) {
        byte[][] parts = readParts(source, true);
        Manifest manifest = parseManifest(source, parts[0]);
        byte[] weights = parts[1];
        Manifest.Weights w = manifest.weights();
        if (weights.length != w.bytes() || !sha256(weights).equalsIgnoreCase(w.sha256())) {
            throw new ModelFileException(source + ": " + WEIGHTS + " does not match the size and SHA-256 recorded in "
                    + MANIFEST + " (" + weights.length + " bytes found, " + w.bytes()
                    + " recorded): the file is corrupt or was modified");
        }
        Map<String, Tensor> tensors = Safetensors.read(weights, source + "/" + WEIGHTS).tensors();
        JsonNode component = ModelJson.MAPPER.valueToTree(manifest);
        Object model = ModelReader.read(source.toString(), "", "", component, tensors);
        return new LoadedModel(model, manifest, source);
    }

    /** Loads the model at {@code source}, which must be a {@code type}. */
    public static <T> T load(Path source, Class<T> type) {
        return load(source).as(type);
    }

    /** Reads and checks only the manifest (fast: the weights are not read). */
    public static Manifest readManifest(Path source) {
        return parseManifest(source, readParts(source, false)[0]);
    }

    private static Manifest parseManifest(Path source, byte[] bytes) {
        String where = source + "/" + MANIFEST;
        JsonNode tree;
        try {
            tree = ModelJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new ModelFileException(where + ": not valid JSON: " + detail);
        }
        if (tree == null || !tree.isObject()) {
            throw new ModelFileException(where + ": expected a JSON object");
        }
        if (!FORMAT.equals(tree.path("format").asText(null))) {
            throw new ModelFileException(where + ": /format: expected \"" + FORMAT + "\"; this is not a Kiln model file");
        }
        JsonNode version = tree.path("format_version");
        if (!version.isInt()) {
            throw new ModelFileException(where + ": /format_version: expected an integer");
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw new ModelFileException(where + ": /format_version: the file is format " + version.asInt()
                    + ", written by a newer Kiln; this Kiln (" + KilnVersion.current() + ") reads up to format " + FORMAT_VERSION);
        }
        Manifest m;
        try {
            m = ModelJson.MAPPER.treeToValue(tree, Manifest.class);
        } catch (JsonMappingException e) {
            throw new ModelFileException(where + ": " + ModelJson.pointer(e) + ": " + ModelJson.reason(e));
        } catch (JsonProcessingException e) {
            throw new ModelFileException(where + ": " + e.getOriginalMessage());
        }
        require(where, "/model_type", m.modelType());
        require(where, "/weights", m.weights());
        require(where, "/weights/sha256", m.weights().sha256());
        if (!WEIGHTS.equals(m.weights().file())) {
            throw new ModelFileException(where + ": /weights/file: expected \"" + WEIGHTS + "\"");
        }
        return m;
    }

    private static void require(String where, String pointer, Object value) {
        if (value == null) {
            throw new ModelFileException(where + ": " + pointer + ": missing");
        }
    }

    /** The manifest and weights bytes of a model directory or zip. */
    /** The manifest's bytes and, when {@code withWeights}, the weights' (else null; the weights must still be there). */
    private static byte[][] readParts(Path source, boolean withWeights) {
        try {
            if (Files.isDirectory(source)) {
                Path manifest = source.resolve(MANIFEST);
                if (!Files.isRegularFile(manifest)) {
                    throw new ModelFileException(source + ": not a Kiln model: it has no " + MANIFEST);
                }
                Path weights = source.resolve(WEIGHTS);
                if (!Files.isRegularFile(weights)) {
                    throw new ModelFileException(source + ": " + WEIGHTS + " is missing");
                }
                return new byte[][] {readCapped(manifest, MAX_MANIFEST_BYTES), withWeights ? readCapped(weights, MAX_WEIGHTS_BYTES) : null};
            }
            if (!Files.exists(source)) {
                throw new ModelFileException(source + ": no such model file or directory");
            }
            try (ZipFile zip = new ZipFile(source.toFile())) {
                byte[] manifest = zipEntry(zip, source, MANIFEST, MAX_MANIFEST_BYTES);
                if (!withWeights) {
                    requireEntry(zip, source, WEIGHTS);
                    return new byte[][] {manifest, null};
                }
                return new byte[][] {manifest, zipEntry(zip, source, WEIGHTS, MAX_WEIGHTS_BYTES)};
            } catch (java.util.zip.ZipException e) {
                throw new ModelFileException(source + ": not a Kiln model: neither a model directory nor a readable zip file ("
                        + e.getMessage() + ")");
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException(source + ": no such file: " + e.getFile());
        } catch (IOException e) {
            throw new ModelFileException(source + ": cannot read: " + e, e);
        }
    }

    private static byte[] readCapped(Path file, long cap) throws IOException {
        long size = Files.size(file);
        if (size > cap) {
            throw new ModelFileException(file + ": " + size + " bytes exceeds the limit of " + cap);
        }
        return Files.readAllBytes(file);
    }

    private static ZipEntry requireEntry(ZipFile zip, Path source, String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFileException(source + ": the archive has no " + name);
        }
        return entry;
    }

    private static byte[] zipEntry(ZipFile zip, Path source, String name, long cap) throws IOException {
        ZipEntry entry = requireEntry(zip, source, name);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
            if (data.length > cap) {
                throw new ModelFileException(source + "!/" + name + ": exceeds the limit of " + cap + " bytes");
            }
            return data;
        }
    }

    private static boolean isZip(Path target) {
        return target.getFileName() != null && target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    private static void writeZip(Path target, byte[] manifest, byte[] weights) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a directory; refusing to replace it with a zip file");
        }
        AtomicWrite.file(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(WEIGHTS));
            zip.write(weights);
            zip.closeEntry();
            zip.finish();
        });
    }

    private static void writeDirectory(Path target, byte[] manifest, byte[] weights) throws IOException {
        if (Files.exists(target) && !(Files.isDirectory(target) && Files.isRegularFile(target.resolve(MANIFEST)))) {
            throw new IOException(target + " exists and is not a Kiln model directory; refusing to replace it");
        }
        Path tmp = AtomicWrite.directoryBeside(target, ".tmp-");
        Path old = null;
        try {
            writeSynced(tmp.resolve(WEIGHTS), weights);
            writeSynced(tmp.resolve(MANIFEST), manifest);
            if (!Files.exists(target)) {
                moveAtomically(tmp, target);
                return;
            }
            old = AtomicWrite.directoryBeside(target, ".old-");
            Files.delete(old);
            moveAtomically(target, old);
            try {
                moveAtomically(tmp, target);
            } catch (IOException e) {
                moveAtomically(old, target);
                old = null;
                throw e;
            }
        } finally {
            deleteTree(tmp);
            if (old != null) {
                deleteTree(old);
            }
        }
    }

    private static void writeSynced(Path file, byte[] data) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        AtomicWrite.ordinaryPermissions(file, false);
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
