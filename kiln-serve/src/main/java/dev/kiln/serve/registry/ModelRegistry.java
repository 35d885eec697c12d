package dev.kiln.serve.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.modelfile.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saved models by name and version on the filesystem, as MLflow's registry keeps them:
 * {@code ROOT/NAME/VERSION/} holds a copy of the model ({@code model/}, or {@code model.zip}) and
 * {@code registration.json}; versions count up from 1; {@code ROOT/NAME/aliases.json} maps aliases
 * ({@code champion}, {@code challenger}, any name) to versions and is replaced atomically, so a
 * reader sees the old mapping or the new one. A version is copied into a hidden directory and
 * renamed into place, so a crash never leaves half a version. Safe for many readers and writers
 * in one process and across processes.
 */
public final class ModelRegistry {
    /** Names of models and aliases: a letter or digit, then letters, digits, '.', '_' or '-'; at most 64. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** What a reference without a version or alias means: the {@code champion} alias when set, else the latest version. */
    public static final String CHAMPION = "champion";
    static final String ALIASES = "aliases.json";
    static final String REGISTRATION = "registration.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public ModelRegistry(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * Copies the saved model at {@code modelPath} (a model directory or {@code .zip}) in as the next
     * version of {@code name}, after checking that it loads as a Kiln model file.
     *
     * @throws IllegalArgumentException for a bad name or a path that is not a readable model (with the reason)
     */
    public ModelVersion register(String name, Path modelPath, String description) {
        checkName(name, "model name");
        ModelFile.load(modelPath);
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".registering-");
            try {
                boolean zip = Files.isRegularFile(modelPath);
                copy(modelPath, staging.resolve(zip ? "model.zip" : "model"));
                Instant now = Instant.now();
                for (int attempt = 0; ; attempt++) {
                    int version = versionNumbers(name).stream().max(Integer::compare).orElse(0) + 1;
                    ObjectNode reg = JSON.createObjectNode();
                    reg.put("name", name);
                    reg.put("version", version);
                    reg.put("registered_at", now.toString());
                    reg.put("source", modelPath.toAbsolutePath().toString());
                    reg.put("description", description == null ? "" : description);
                    Files.writeString(staging.resolve(REGISTRATION), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reg) + "\n");
                    try {
                        Files.move(staging, dir.resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
                        return version(name, version).orElseThrow();
                    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                        if (attempt > 100) {
                            throw raced;
                        }
                    }
                }
            } finally {
                if (Files.exists(staging)) {
                    deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register " + modelPath + " as '" + name + "' in " + root + ": " + e.getMessage(), e);
        }
    }

    /** The registered model names, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches())
                    .filter(n -> !versionNumbers(n).isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** Every version of {@code name}, oldest first (none for an unknown name). */
    public List<ModelVersion> versions(String name) {
        checkName(name, "model name");
        Map<String, Integer> aliases = aliases(name);
        List<ModelVersion> out = new ArrayList<>();
        for (int v : versionNumbers(name)) {
            version(name, v, aliases).ifPresent(out::add);
        }
        return out;
    }

    /** Version {@code version} of {@code name}, if registered. */
    public Optional<ModelVersion> version(String name, int version) {
        return version(name, version, aliases(name));
    }

    private Optional<ModelVersion> version(String name, int version, Map<String, Integer> aliases) {
        Path dir = root.resolve(name).resolve(Integer.toString(version));
        Path reg = dir.resolve(REGISTRATION);
        if (!Files.isRegularFile(reg)) {
            return Optional.empty();
        }
        Path model = Files.isRegularFile(dir.resolve("model.zip")) ? dir.resolve("model.zip") : dir.resolve("model");
        JsonNode node = readJson(reg);
        List<String> mine = aliases.entrySet().stream().filter(e -> e.getValue() == version).map(Map.Entry::getKey).toList();
        return Optional.of(new ModelVersion(name, version, model, ModelFile.readManifest(model),
                Instant.parse(node.path("registered_at").asText(Instant.EPOCH.toString())), node.path("description").asText(""), mine));
    }

    /** The aliases of {@code name} and the versions they point at. */
    public Map<String, Integer> aliases(String name) {
        Path file = root.resolve(name).resolve(ALIASES);
        Map<String, Integer> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        JsonNode node = readJson(file);
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().canConvertToInt()) {
                throw DataFormatException.of(file.toString(), "/" + e.getKey() + ": expected a version number");
            }
            out.put(e.getKey(), e.getValue().asInt());
        });
        return out;
    }

    /**
     * Points {@code alias} of {@code name} at {@code version}, replacing where it pointed before;
     * returns the version it pointed at, or 0.
     */
    public synchronized int promote(String name, int version, String alias) {
        checkName(alias, "alias");
        if (alias.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("alias '" + alias + "' is a number: it would read as a version");
        }
        if (alias.equals("latest")) {
            throw new IllegalArgumentException("'latest' always means the newest version; choose another alias");
        }
        if (version(name, version).isEmpty()) {
            throw new UnknownModelException(name + " has no version " + version + "; it has " + versionNumbers(name));
        }
        Map<String, Integer> aliases = aliases(name);
        Integer before = aliases.put(alias, version);
        ObjectNode node = JSON.createObjectNode();
        aliases.forEach(node::put);
        try {
            AtomicWrite.text(root.resolve(name).resolve(ALIASES), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return before == null ? 0 : before;
    }

    /**
     * The version {@code reference} names: a version number, an alias, {@code latest}, or null for
     * the {@code champion} (the latest version when no champion is set).
     *
     * @throws UnknownModelException when there is no such model, version or alias (the message lists what there is)
     */
    public ModelVersion resolve(String name, String reference) {
        List<Integer> numbers = name == null || !NAME.matcher(name).matches() ? List.of() : versionNumbers(name);
        if (numbers.isEmpty()) {
            throw new UnknownModelException("no model named '" + name + "'; registered: " + names());
        }
        Map<String, Integer> aliases = aliases(name);
        int version;
        if (reference == null || reference.isEmpty()) {
            version = aliases.getOrDefault(CHAMPION, numbers.get(numbers.size() - 1));
        } else if (reference.equals("latest")) {
            version = numbers.get(numbers.size() - 1);
        } else if (reference.chars().allMatch(Character::isDigit) && reference.length() < 10) {
            version = Integer.parseInt(reference);
        } else if (aliases.containsKey(reference)) {
            version = aliases.get(reference);
        } else {
            throw new UnknownModelException(name + " has no version or alias '" + reference + "'; versions " + numbers
                    + ", aliases " + aliases.keySet());
        }
        int v = version;
        return version(name, v, aliases).orElseThrow(() -> new UnknownModelException(name + " has no version " + v + "; it has "
                + numbers));
    }

    /** The version numbers of {@code name}, ascending (none for an unknown name); no manifest is read. */
    public List<Integer> versionNumbers(String name) {
        checkName(name, "model name");
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String f = p.getFileName().toString();
                if (f.chars().allMatch(Character::isDigit) && f.length() < 10 && Files.isRegularFile(p.resolve(REGISTRATION))) {
                    out.add(Integer.parseInt(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static void checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "': expected a letter or digit, then letters, digits, '.', '_'"
                    + " or '-', at most 64 characters");
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw DataFormatException.of(file.toString(), "expected a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DataFormatException.of(file.toString(), "expected a JSON object (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.copy(from, to);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
