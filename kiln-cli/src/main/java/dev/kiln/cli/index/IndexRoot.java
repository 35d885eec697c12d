package dev.kiln.cli.index;

import dev.kiln.cli.KilnHome;
import dev.kiln.search.index.IndexCatalog;
import dev.kiln.search.index.IndexSettings;
import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option every index command shares, and the encoder an index was built with. */
final class IndexRoot {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Kiln's data directory; indexes live in DIR/indexes (default: $KILN_HOME, else ~/.kiln).")
    Path home;

    IndexCatalog catalog() {
        return new IndexCatalog(KilnHome.resolve(home).resolve("indexes"));
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
