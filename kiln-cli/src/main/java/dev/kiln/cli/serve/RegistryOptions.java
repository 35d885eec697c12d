package dev.kiln.cli.serve;

import dev.kiln.cli.KilnHome;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the model registry lives: HOME/models. */
final class RegistryOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Kiln's data directory; the registry is DIR/models, knowledge bases DIR/kb (default: $KILN_HOME, else ~/.kiln).")
    Path home;

    ModelRegistry registry() {
        return new ModelRegistry(KilnHome.resolve(home).resolve("models"));
    }

    /** Where the knowledge bases live: HOME/kb, as {@code kiln rag} puts them. */
    Path kbRoot() {
        return KilnHome.resolve(home).resolve("kb");
    }
}
