package dev.kiln.search.index;

import dev.kiln.core.io.AtomicWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Named passage indexes kept side by side in one root directory, one subdirectory each. A new
 * index is built in a hidden directory beside its final place and renamed into it only when
 * complete, so a failed build leaves the previous index (if any) untouched.
 */
public final class IndexCatalog {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    private final Path root;
    private final String kind;
    private final String makeOne;

    /** Indexes under {@code root}. */
    public IndexCatalog(Path root) {
        this(root, "index", "kiln index build --name %s --docs PATH");
    }

    /**
     * Directories under {@code root} that hold a {@link PassageIndex} and are called {@code kind}
     * in messages ("knowledge base"); {@code makeOne} is the command that makes one, with %s for the name.
     */
    public IndexCatalog(Path root, String kind, String makeOne) {
        this.root = root;
        this.kind = kind;
        this.makeOne = makeOne;
    }

    public Path root() {
        return root;
    }

    /** The names of the indexes in the root, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(PassageIndex::isIndex).map(d -> d.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(String name) {
        return Files.isDirectory(path(name));
    }

    /**
     * The directory of index {@code name}.
     *
     * @throws IllegalArgumentException when the name is not 1–64 letters, digits, '_', '-' or '.'
     */
    public Path path(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(kind + " name '" + name + "': expected 1-64 letters, digits, '_', '-' or '.',"
                    + " starting with a letter or digit");
        }
        return root.resolve(name);
    }

    /** Opens index {@code name} to search only; an unknown name is an error that lists the known ones. */
    public PassageIndex openReadOnly(String name) {
        return PassageIndex.openReadOnly(existing(name));
    }

    /** Opens index {@code name} to search and change; an unknown name is an error that lists the known ones. */
    public PassageIndex open(String name) {
        return PassageIndex.open(existing(name));
    }

    /** The directory of the existing index {@code name}; an unknown name is an error that lists the known ones. */
    public Path existing(String name) {
        Path dir = path(name);
        if (!Files.isDirectory(dir)) {
            List<String> names = names();
            throw new IllegalArgumentException("no " + kind + " named '" + name + "' in " + root + "; "
                    + (names.isEmpty() ? "there are none yet (make one with: " + String.format(makeOne, name) + ")"
                    : "those there are: " + String.join(", ", names)));
        }
        return dir;
    }

    /**
     * Builds index {@code name}: {@code fill} gets a new empty index, and once it returns the index
     * is committed, merged into one segment and moved into place. With {@code replace}, an existing
     * index of that name is swapped out only then; without it, an existing name is an error. With
     * {@code calibrate}, efSearch is then set by {@link PassageIndex#calibrate} to reach
     * {@link PassageIndex#DEFAULT_TARGET_RECALL}; the calibration is returned.
     */
    public java.util.Optional<PassageIndex.Calibration> build(String name, IndexSettings settings, boolean replace,
                                                              boolean calibrate, Consumer<PassageIndex> fill) {
        Path target = checkBuildable(name, replace);
        Path staging = null;
        PassageIndex.Calibration calibration = null;
        try {
            staging = AtomicWrite.directoryBeside(target, ".building-");
            try (PassageIndex index = PassageIndex.create(staging, settings)) {
                fill.accept(index);
                index.optimize();
                if (calibrate) {
                    calibration = index.calibrate(PassageIndex.DEFAULT_TARGET_RECALL, PassageIndex.CALIBRATION_QUERIES, 42);
                }
            }
            if (Files.exists(target)) {
                Path old = AtomicWrite.directoryBeside(target, ".old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
            staging = null;
            return java.util.Optional.ofNullable(calibration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build index '" + name + "' in " + root + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    /**
     * The directory {@link #build} would fill for {@code name}, checked first (before any costly
     * work): a valid name, and no index of that name unless {@code replace}.
     */
    public Path checkBuildable(String name, boolean replace) {
        Path target = path(name);
        if (Files.exists(target) && !replace) {
            throw new IllegalArgumentException(("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind + " named '" + name
                    + "' already exists in " + root
                    + "; choose another name, add to it (kiln index add), or rebuild it with --replace");
        }
        return target;
    }

    /** Deletes index {@code name}; false when there is none. */
    public boolean delete(String name) {
        Path dir = path(name);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        deleteTree(dir);
        return true;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
