package dev.kiln.cli;

import java.nio.file.Path;

/** Kiln's data directory, where indexes and knowledge bases live: {@code --home}, else {@code $KILN_HOME}, else {@code ~/.kiln}. */
public final class KilnHome {
    private KilnHome() {
    }

    /** The directory {@code option} names, or the default when it is null. */
    public static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv("KILN_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".kiln");
    }
}
