package dev.kiln.cli.index;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.core.progress.Progress;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.search.ingest.PassageReader;
import dev.kiln.text.encode.SentenceEncoder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln index add}: more documents into an index; a passage whose id is present replaces it. */
@Command(name = "add", description = "Add documents to an index; passages with ids already there replace theirs.")
public final class IndexAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexRoot root;

    @Mixin
    DocsOptions docs;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The index.")
    String name;

    @Option(names = "--json", description = "Print one JSON object instead of a line.")
    boolean json;

    @Override
    public Integer call() {
        PassageReader.Result read = docs.read();
        try (PassageIndex index = root.catalog().open(name)) {
            SentenceEncoder encoder = IndexRoot.encoder(index.settings());
            DocsOptions.warnLong(read.passages(), encoder);
            int before = index.size();
            long t0 = System.nanoTime();
            try (Progress progress = Progress.start("indexing " + name, read.passages().size())) {
                index.add(read.passages(), encoder, progress);
            }
            index.commit();
            int after = index.size();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", name);
            out.put("passages_read", read.passages().size());
            out.put("replaced", before + read.passages().size() - after);
            out.put("passages", after);
            out.put("timings", Map.of("index_seconds", seconds));
            if (json) {
                JsonOutput.print(spec.commandLine().getOut(), out);
            } else {
                spec.commandLine().getOut().printf(Locale.ROOT, "added %d passages to '%s' (%d replaced ones with the same id) in %.1f s;"
                        + " it holds %d%n", read.passages().size(), name, before + read.passages().size() - after, seconds, after);
            }
        }
        return 0;
    }
}
