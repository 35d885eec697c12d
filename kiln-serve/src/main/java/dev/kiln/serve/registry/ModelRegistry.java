package dev.kiln.serve.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.modelfile.Manifest;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 *
 * <p>A registered version never changes, so what it holds is read once; the version list and the
 * aliases are read again when their directory or file changes (its modification time, size or
 * file key) and at least once a second, so resolving a reference — which every served request
 * does — mostly costs two {@code stat} calls, not a directory walk and three JSON files, and a
 * change made by another process is seen within a second.
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
    private final Map<String, Registered> registered = new ConcurrentHashMap<>();
    private final Map<String, Stamped<List<Integer>>> listings = new ConcurrentHashMap<>();
    private final Map<String, Stamped<Map<String, Integer>>> aliasFiles = new ConcurrentHashMap<>();

    /** What a registered version holds; it never changes. */
    private record Registered(Path model, Manifest manifest, Instant registeredAt, String description) {
    }

    /**
     * A value read from a file or directory, the stamp of that file when it was read, and when.
     * It stands while the stamp is unchanged and for at most a second: a file's time only ticks
     * every few milliseconds, so two quick changes by another process may leave the same stamp.
     */
    private record Stamped<T>(String stamp, T value, long readAt) {
        static final long FRESH_NANOS = 1_000_000_000L;

        Stamped(String stamp, T value) {
            this(stamp, value, System.nanoTime());
        }

        boolean standsFor(String current) {
            return stamp.equals(current) && System.nanoTime() - readAt < FRESH_NANOS;
        }
    }

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
        return register(name, modelPath, description, Map.of());
    }

    /**
     * As {@link #register(String, Path, String)}, with files kept beside the model in the version
     * directory under the given names (a model's expectations and reference data, say), copied in
     * before the version appears.
     *
     * @throws IllegalArgumentException also for an attachment name that is not a plain file name or is taken by the registry
     */
    public ModelVersion register(String name, Path modelPath, String description, Map<String, Path> attachments) {
        checkName(name, "model name");
        for (var a : attachments.entrySet()) {
            String file = a.getKey();
            if (!NAME.matcher(file).matches() || file.equals("model") || file.equals("model.zip") || file.equals(REGISTRATION)) {
                throw new IllegalArgumentException("cannot attach a file named '" + file + "': expected a plain file name other than"
                        + " model, model.zip and " + REGISTRATION);
            }
            if (!Files.isRegularFile(a.getValue())) {
                throw new IllegalArgumentException("cannot attach " + a.getValue() + " as " + file + ": no such file");
            }
        }
        ModelFile.load(modelPath);
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".registering-");
            try {
                boolean zip = Files.isRegularFile(modelPath);
                copy(modelPath, staging.resolve(zip ? "model.zip" : "model"));
                for (var a : attachments.entrySet()) {
                    Files.copy(a.getValue(), staging.resolve(a.getKey()));
                }
                Instant now = Instant.now();
                for (int attempt = 0; ; attempt++) {
                    int version = listVersions(dir).stream().max(Integer::compare).orElse(0) + 1;
                    ObjectNode reg = JSON.createObjectNode();
                    reg.put("name", name);
                    reg.put("version", version);
                    reg.put("registered_at", now.toString());
                    reg.put("source", modelPath.toAbsolutePath().toString());
                    reg.put("description", description == null ? "" : description);
                    Files.writeString(staging.resolve(REGISTRATION), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reg) + "\n");
                    try {
                        Files.move(staging, dir.resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
                        listings.remove(name);   // a directory's time may not tick between two quick changes
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
        String key = name + "/" + version;
        Registered r = registered.get(key);
        if (r == null) {
            Path dir = root.resolve(name).resolve(Integer.toString(version));
            Path reg = dir.resolve(REGISTRATION);
            if (!Files.isRegularFile(reg)) {
                return Optional.empty();
            }
            Path model = Files.isRegularFile(dir.resolve("model.zip")) ? dir.resolve("model.zip") : dir.resolve("model");
            JsonNode node = readJson(reg);
            r = new Registered(model, ModelFile.readManifest(model),
                    Instant.parse(node.path("registered_at").asText(Instant.EPOCH.toString())), node.path("description").asText(""));
            registered.put(key, r);
        }
        List<String> mine = aliases.entrySet().stream().filter(e -> e.getValue() == version).map(Map.Entry::getKey).toList();
        return Optional.of(new ModelVersion(name, version, r.model(), r.manifest(), r.registeredAt(), r.description(), mine));
    }

    /** The modification time, size and file key of {@code path}, or "absent". */
    private static String stamp(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.lastModifiedTime() + ":" + a.size() + ":" + a.fileKey();
        } catch (IOException e) {
            return "absent";
        }
    }

    /** The aliases of {@code name} and the versions they point at. */
    public Map<String, Integer> aliases(String name) {
        return cached(aliasFiles, name, root.resolve(name).resolve(ALIASES), ModelRegistry::readAliases);
    }

    /** What {@code read} makes of {@code path}, from {@code cache} while the entry for {@code name} stands (see {@link Stamped}). */
    private static <T> T cached(Map<String, Stamped<T>> cache, String name, Path path, Function<Path, T> read) {
        String stamp = stamp(path);
        Stamped<T> known = cache.get(name);
        if (known != null && known.standsFor(stamp)) {
            return known.value();
        }
        T value = read.apply(path);
        cache.put(name, new Stamped<>(stamp, value));
        return value;
    }

    private static Map<String, Integer> readAliases(Path file) {
        Map<String, Integer> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return Collections.unmodifiableMap(out);
        }
        JsonNode node = readJson(file);
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().canConvertToInt()) {
                throw DataFormatException.of(file.toString(), "/" + e.getKey() + ": expected a version number");
            }
            out.put(e.getKey(), e.getValue().asInt());
        });
        return Collections.unmodifiableMap(out);
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
        Map<String, Integer> aliases = new TreeMap<>(readAliases(root.resolve(name).resolve(ALIASES)));
        Integer before = aliases.put(alias, version);
        ObjectNode node = JSON.createObjectNode();
        aliases.forEach(node::put);
        try {
            AtomicWrite.text(root.resolve(name).resolve(ALIASES), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
            aliasFiles.remove(name);
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
        return cached(listings, name, root.resolve(name), ModelRegistry::listVersions);
    }

    private static List<Integer> listVersions(Path dir) {
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
        return List.copyOf(out);
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
