package dev.kiln.cli.serve;

import dev.kiln.cli.KilnHome;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the model registry lives: HOME/models. */
final class RegistryOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Kiln's data directory; the registry is DIR/models (default: $KILN_HOME, else ~/.kiln).")
    Path home;

    ModelRegistry registry() {
        return new ModelRegistry(KilnHome.resolve(home).resolve("models"));
    }
}
