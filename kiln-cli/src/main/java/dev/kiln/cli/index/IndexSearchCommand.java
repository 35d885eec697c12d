package dev.kiln.cli.index;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.search.index.PassageHit;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.search.retrieve.Retriever;
import dev.kiln.search.retrieve.SearchMode;
import dev.kiln.text.encode.SentenceEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln index search}: the top-k passages of an index for a query. */
@Command(name = "search", description = "Search an index: dense (meaning), bm25 (words) or hybrid (both, fused by reciprocal rank).")
public final class IndexSearchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSearchCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    IndexRoot root;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The index.")
    String name;

    @Parameters(index = "0", paramLabel = "QUERY", description = "What to look for.")
    String query;

    @Option(names = "-k", paramLabel = "K", description = "How many passages (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Option(names = "--mode", paramLabel = "dense|bm25|hybrid", description = "How to rank (default: ${DEFAULT-VALUE}).")
    String mode = "hybrid";

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Only passages whose metadata KEY is VALUE; repeat a key to allow more values.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        SearchMode searchMode = SearchMode.parse(mode);
        MetadataFilter filter = MetadataFilter.parse(filters);
        if (query.isBlank()) {
            throw new IllegalArgumentException("the query is empty; give the text to look for");
        }
        if (k < 1) {
            throw new IllegalArgumentException("-k must be at least 1, got " + k);
        }
        try (PassageIndex index = root.catalog().openReadOnly(name)) {
            SentenceEncoder encoder = IndexRoot.encoder(index.settings());
            int window = encoder.window();
            int pieces = encoder.tokenizer().tokenize(query).size();
            boolean truncated = searchMode != SearchMode.BM25 && pieces > window;
            if (truncated) {
                LOG.warn("the query has {} word pieces; the model reads the first {} and ignores the rest", pieces, window);
            }
            long t0 = System.nanoTime();
            List<PassageHit> hits = new Retriever(index, encoder).search(query, k, searchMode, filter);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", name);
                out.put("query", query);
                out.put("mode", searchMode.id());
                out.put("filter", filter.allowed());
                out.put("query_truncated", truncated);
                List<Map<String, Object>> rows = new ArrayList<>();
                int rank = 1;
                for (PassageHit h : hits) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("rank", rank++);
                    row.put("id", h.id());
                    row.put("score", h.score());
                    row.put("title", h.passage().title());
                    row.put("text", h.passage().text());
                    row.put("metadata", h.passage().metadata());
                    rows.add(row);
                }
                out.put("hits", rows);
                out.put("timings", Map.of("search_seconds", seconds));
                JsonOutput.print(spec.commandLine().getOut(), out);
                return 0;
            }
            var out = spec.commandLine().getOut();
            out.printf("'%s' (%d passages), %s: %s%n", name, index.size(), searchMode.id(), query);
            Table t = Table.withHeader("rank", "score", "id", "text");
            int rank = 1;
            for (PassageHit h : hits) {
                String title = h.passage().title();
                t.row(rank++, h.score(), h.id(), Table.snippet(title.isBlank() ? h.passage().text() : title + " — " + h.passage().text(), 90));
            }
            out.print(t);
            if (hits.isEmpty()) {
                out.println("no passage matched" + (filter.isEmpty() ? "" : " the filter " + filter));
            }
        }
        return 0;
    }
}
