package dev.kiln.cli.rag;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.core.progress.Progress;
import dev.kiln.rag.chunk.Chunker;
import dev.kiln.rag.ingest.DocumentReader;
import dev.kiln.rag.ingest.ReadResult;
import dev.kiln.rag.ingest.SkippedFile;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.search.index.IndexCatalog;
import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln rag ingest}: documents into a knowledge base, made on first use; changed documents replace their chunks. */
@Command(name = "ingest", description = {"Add files and folders (text, Markdown, HTML, PDF, JSON Lines) to a knowledge base,",
    "creating it if needed. Changed documents replace their chunks; unchanged ones are skipped; unreadable files are reported."})
public final class RagIngestCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RagIngestCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeBaseOptions kb;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    @Option(names = "--id-field", paramLabel = "NAME", description = "JSON Lines: the document id field (default: ${DEFAULT-VALUE}).")
    String idField = "id";

    @Option(names = "--title-field", paramLabel = "NAME", description = "JSON Lines: the title field (default: ${DEFAULT-VALUE}).")
    String titleField = "title";

    @Option(names = "--text-field", paramLabel = "NAME", description = "JSON Lines: the text field (default: ${DEFAULT-VALUE}).")
    String textField = "text";

    @Option(names = "--chunk-tokens", paramLabel = "N", description = "Word pieces per chunk (default: ${DEFAULT-VALUE}).")
    int chunkTokens = KnowledgeBase.DEFAULT_CHUNKING.maxTokens();

    @Option(names = "--overlap-tokens", paramLabel = "N", description = "Word pieces repeated between chunks (default: ${DEFAULT-VALUE}).")
    int overlapTokens = KnowledgeBase.DEFAULT_CHUNKING.overlapTokens();

    @Option(names = "--prune", description = {"Then remove the documents this run did not read (files deleted since, records gone",
        "from a JSON Lines file), keeping those of files skipped with an error: the knowledge base mirrors PATH..."})
    boolean prune;

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Override
    public Integer call() {
        IndexCatalog catalog = kb.catalog();
        Path dir = catalog.path(kb.name);
        Chunker chunker = Chunker.allMiniLmL6V2(new Chunker.Settings(chunkTokens, overlapTokens));
        long t0 = System.nanoTime();
        ReadResult read = new DocumentReader(new DocumentReader.Settings(idField, titleField, textField)).read(paths);
        for (SkippedFile s : read.skipped()) {
            LOG.warn("skipped {}: {}", s.path(), s.message());
        }
        if (read.documents().isEmpty()) {
            throw new IllegalArgumentException("no document could be read from " + paths + (read.skipped().isEmpty() ? ""
                    : " (" + read.skipped().size() + " files skipped, see the warnings)"));
        }
        SentenceEncoder encoder = SentenceEncoder.of(EncoderModel.ALL_MINILM_L6_V2, SentenceEncoder.Settings.defaults());
        KnowledgeBase.IngestReport report;
        try (KnowledgeBase base = catalog.exists(kb.name) ? kb.open(true)
                : KnowledgeBase.create(dir, encoder.model().name(), encoder.dimension())) {
            report = base.ingest(read.documents(), chunker, encoder, Progress::start);
            List<String> removed = prune ? base.retainOnly(kept(base, read)) : List.of();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kb", kb.name);
            out.put("path", dir.toString());
            out.put("documents_read", read.documents().size());
            out.put("added", report.added());
            out.put("replaced", report.replaced());
            out.put("unchanged", report.unchanged());
            out.put("removed", removed);
            out.put("chunks", report.chunks());
            out.put("sentences_embedded", report.sentences());
            List<Map<String, String>> skipped = new ArrayList<>();
            for (SkippedFile s : read.skipped()) {
                skipped.add(Map.of("path", s.path().toString(), "reason", s.reason().name().toLowerCase(Locale.ROOT), "message", s.message()));
            }
            out.put("skipped", skipped);
            out.put("documents", base.documents());
            out.put("timings", Map.of("ingest_seconds", seconds, "chunks_per_second", report.chunks() / seconds));
            if (json) {
                JsonOutput.print(spec.commandLine().getOut(), out);
            } else {
                spec.commandLine().getOut().printf(Locale.ROOT,
                        "'%s': %d documents added, %d replaced, %d unchanged%s; %d chunks and %d sentences embedded in %.1f s (%.0f chunks/s);"
                                + " %d files skipped; %d documents in all%n",
                        kb.name, report.added(), report.replaced(), report.unchanged(), prune ? ", " + removed.size() + " removed" : "",
                        report.chunks(), report.sentences(), seconds, report.chunks() / seconds, read.skipped().size(), base.documents());
                for (String id : removed) {
                    spec.commandLine().getOut().println("  removed " + id);
                }
            }
        }
        return 0;
    }

    /** What --prune keeps: the documents read now, and those recorded from a file skipped this time (unreadable is not deleted). */
    private static Set<String> kept(KnowledgeBase base, ReadResult read) {
        Set<String> keep = new HashSet<>();
        read.documents().forEach(d -> keep.add(d.id()));
        Set<String> skipped = new HashSet<>();
        read.skipped().forEach(s -> skipped.add(s.path().toString()));
        for (String id : base.documentIds()) {
            if (skipped.contains(base.sourceOf(id))) {
                keep.add(id);
            }
        }
        return keep;
    }
}
