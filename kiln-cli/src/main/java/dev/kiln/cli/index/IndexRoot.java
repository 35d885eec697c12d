package dev.kiln.cli.index;

import dev.kiln.search.index.IndexCatalog;
import dev.kiln.search.index.IndexSettings;
import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --root} option every index command shares, and the encoder an index was built with. */
final class IndexRoot {

    @Option(names = "--root", paramLabel = "DIR",
            description = "Where named indexes live (default: $KILN_HOME/indexes; KILN_HOME defaults to ~/.kiln).")
    Path root;

    IndexCatalog catalog() {
        if (root != null) {
            return new IndexCatalog(root);
        }
        String home = System.getenv("KILN_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".kiln");
        return new IndexCatalog(base.resolve("indexes"));
    }

    /** The sentence encoder named in an index's settings. */
    static SentenceEncoder encoder(IndexSettings settings) {
        EncoderModel model;
        try {
            model = EncoderModel.named(settings.encoder());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the index was built with the encoder '" + settings.encoder()
                    + "', which this Kiln does not ship; search it from code with that embedder", e);
        }
        return SentenceEncoder.of(model, SentenceEncoder.Settings.defaults());
    }
}
