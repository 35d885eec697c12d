package dev.kiln.cli.index;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.core.progress.Progress;
import dev.kiln.search.index.IndexCatalog;
import dev.kiln.search.index.IndexSettings;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.search.ingest.PassageReader;
import dev.kiln.text.encode.EncoderModel;
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

/** {@code kiln index build}: a new named index of documents, built beside and moved into place when done. */
@Command(name = "build", description = {"Index documents under a name: every passage embedded with all-MiniLM-L6-v2 into an",
    "HNSW graph and keyword-indexed for BM25. A failed build leaves any earlier index of the name as it was."})
public final class IndexBuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexRoot root;

    @Mixin
    DocsOptions docs;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The index name (letters, digits, '_', '-', '.').")
    String name;

    @Option(names = "--replace", description = "Replace an index of the same name once the new one is complete.")
    boolean replace;

    @Option(names = "--hnsw-m", paramLabel = "M", description = "HNSW links per node (default: ${DEFAULT-VALUE}).")
    int m = IndexSettings.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--hnsw-beam", paramLabel = "N", description = "HNSW candidate list while building, efConstruction (default: ${DEFAULT-VALUE}).")
    int beam = IndexSettings.DEFAULT_BEAM_WIDTH;

    @Option(names = "--ef-search", paramLabel = "N",
            description = "HNSW candidate list while searching (default: the smallest that reaches recall@10 of 0.99 against exact search, measured on the index).")
    Integer efSearch;

    @Option(names = "--json", description = "Print one JSON object instead of a line.")
    boolean json;

    @Override
    public Integer call() {
        IndexCatalog catalog = root.catalog();
        catalog.checkBuildable(name, replace);
        long t0 = System.nanoTime();
        PassageReader.Result read = docs.read();
        SentenceEncoder encoder = SentenceEncoder.of(EncoderModel.ALL_MINILM_L6_V2, SentenceEncoder.Settings.defaults());
        IndexSettings settings = new IndexSettings(encoder.dimension(), encoder.model().name(), m, beam,
                efSearch == null ? IndexSettings.DEFAULT_EF_SEARCH : efSearch);
        DocsOptions.warnLong(read.passages(), encoder);
        long t1 = System.nanoTime();
        var calibration = catalog.build(name, settings, replace, efSearch == null, index -> {
            try (Progress progress = Progress.start("indexing " + name, read.passages().size())) {
                index.add(read.passages(), encoder, progress);
            }
        });
        long t2 = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("path", catalog.path(name).toString());
        out.put("passages", read.passages().size());
        out.put("files", read.files().size());
        out.put("empty_files", read.emptyFiles().stream().map(Object::toString).toList());
        out.put("encoder", settings.encoder());
        out.put("dimension", settings.dimension());
        int ef = calibration.map(PassageIndex.Calibration::efSearch).orElse(settings.efSearch());
        Map<String, Object> hnsw = new LinkedHashMap<>();
        hnsw.put("m", m);
        hnsw.put("beam_width", beam);
        hnsw.put("ef_search", ef);
        calibration.ifPresent(c -> {
            hnsw.put("calibrated_recall_at_10", c.recall());
            hnsw.put("calibration_queries", c.queries());
        });
        out.put("hnsw", hnsw);
        out.put("timings", Map.of("read_seconds", (t1 - t0) / 1e9, "index_seconds", (t2 - t1) / 1e9));
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), out);
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "indexed %d passages from %d file%s as '%s' in %.1f s (%.0f passages/s); %s%n",
                    read.passages().size(), read.files().size(), read.files().size() == 1 ? "" : "s", name, (t2 - t1) / 1e9,
                    read.passages().size() / ((t2 - t1) / 1e9), catalog.path(name));
            calibration.filter(c -> c.queries() > 0).ifPresent(c -> spec.commandLine().getOut().printf(Locale.ROOT,
                    "HNSW efSearch %d: recall@10 %.3f against exact search on %d calibration queries%n", c.efSearch(), c.recall(), c.queries()));
        }
        return 0;
    }
}
