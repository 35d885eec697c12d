package dev.kiln.cli.index;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.search.eval.QaSet;
import dev.kiln.search.eval.RetrievalEvaluation;
import dev.kiln.search.eval.RetrievalMetrics;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.search.retrieve.Retriever;
import dev.kiln.search.retrieve.SearchMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln index eval}: hit@k, MRR and nDCG@10 of an index on questions with known answers. */
@Command(name = "eval", description = {"Score retrieval on questions whose answering passage is known (JSON Lines):",
    "hit@1, hit@5, hit@10, MRR and nDCG@10 for each search mode."})
public final class IndexEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IndexRoot root;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The index.")
    String name;

    @Option(names = "--qa", required = true, paramLabel = "FILE", description = "The questions (JSON Lines).")
    Path qa;

    @Option(names = "--question-field", paramLabel = "NAME", description = "The question field (default: ${DEFAULT-VALUE}).")
    String questionField = "question";

    @Option(names = "--gold-field", paramLabel = "NAME",
            description = "The field with the answering passage id, or an array of ids (default: ${DEFAULT-VALUE}).")
    String goldField = "passage_id";

    @Option(names = "--mode", arity = "1..*", paramLabel = "MODE", description = "The modes to score (default: dense bm25 hybrid).")
    List<String> modes = List.of("dense", "bm25", "hybrid");

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        QaSet questions = QaSet.read(qa, questionField, goldField);
        List<SearchMode> searchModes = modes.stream().map(SearchMode::parse).toList();
        Map<String, Object> results = new LinkedHashMap<>();
        try (PassageIndex index = root.catalog().openReadOnly(name)) {
            Retriever retriever = new Retriever(index, IndexRoot.encoder(index.settings()));
            long unknown = questions.gold().stream().filter(g -> g.stream().noneMatch(id -> index.get(id).isPresent())).count();
            if (unknown == questions.size()) {
                throw new IllegalArgumentException(qa + ": none of the gold ids in '" + goldField + "' is a passage of '" + name
                        + "'; were the passages indexed with their ids (--id-field)?");
            }
            for (SearchMode mode : searchModes) {
                long t0 = System.nanoTime();
                RetrievalMetrics m = RetrievalEvaluation.evaluate(retriever, questions, mode);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("hit_at_1", m.hitAt1());
                row.put("hit_at_5", m.hitAt5());
                row.put("hit_at_10", m.hitAt10());
                row.put("mrr", m.mrr());
                row.put("ndcg_at_10", m.ndcgAt10());
                row.put("timings", Map.of("search_seconds", seconds, "queries_per_second", questions.size() / seconds));
                results.put(mode.id(), row);
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", name);
                out.put("qa", qa.toString());
                out.put("questions", questions.size());
                out.put("passages", index.size());
                out.put("results", results);
                JsonOutput.print(spec.commandLine().getOut(), out);
                return 0;
            }
            var out = spec.commandLine().getOut();
            out.printf("'%s' (%d passages), %d questions from %s%n", name, index.size(), questions.size(), qa);
            Table t = Table.withHeader("mode", "hit@1", "hit@5", "hit@10", "MRR", "nDCG@10", "queries/s");
            results.forEach((mode, v) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) v;
                @SuppressWarnings("unchecked")
                Map<String, Object> timings = (Map<String, Object>) r.get("timings");
                t.row(mode, r.get("hit_at_1"), r.get("hit_at_5"), r.get("hit_at_10"), r.get("mrr"), r.get("ndcg_at_10"),
                        timings.get("queries_per_second"));
            });
            out.print(t);
        }
        return 0;
    }
}
