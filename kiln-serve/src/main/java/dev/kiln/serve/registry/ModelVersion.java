package dev.kiln.serve.registry;

import dev.kiln.core.modelfile.Manifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One registered version of a model: where its files are, its manifest (type, task, input schema,
 * training metrics, provenance), when it was registered, and the aliases that point at it.
 */
public record ModelVersion(String name, int version, Path path, Manifest manifest, Instant registeredAt, String description,
                           List<String> aliases) {
    public ModelVersion {
        aliases = List.copyOf(aliases);
    }

    /** The file registered beside the model under {@code fileName}, if there is one. */
    public java.util.Optional<Path> attachment(String fileName) {
        Path file = path.resolveSibling(fileName);
        return java.nio.file.Files.isRegularFile(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
    }
}
