package dev.kiln.cli.search;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.io.TextFile;
import dev.kiln.search.exact.ExactIndex;
import dev.kiln.search.exact.Hit;
import dev.kiln.text.encode.SentenceEncoder;
import dev.kiln.text.sentence.Sentence;
import dev.kiln.text.sentence.SentenceSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln similar}: splits a document into sentences, embeds them with all-MiniLM-L6-v2, and
 * prints the sentences most similar to a query (or, with {@code --pairs}, the most similar pairs
 * of sentences), by cosine similarity over an exact index.
 */
@Command(name = "similar", description = {"Find the sentences of a document most similar in meaning to a query (all-MiniLM-L6-v2 embeddings).",
    "With --pairs: the most similar pairs of sentences within the document."})
public final class SimilarCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SimilarCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--doc", required = true, paramLabel = "FILE", description = "A UTF-8 text file.")
    Path doc;

    @Option(names = "--query", paramLabel = "TEXT", description = "What to look for.")
    String query;

    @Option(names = {"-k", "--top"}, paramLabel = "K", description = "How many results (default: ${DEFAULT-VALUE}).")
    int k = 5;

    @Option(names = "--pairs", description = "List the most similar pairs of sentences instead of answering a query.")
    boolean pairs;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (pairs == (query != null)) {
            throw new IllegalArgumentException(pairs ? "--pairs takes no --query" : "give --query TEXT, or --pairs");
        }
        if (k < 1) {
            throw new IllegalArgumentException("-k must be >= 1, got " + k);
        }
        if (query != null && query.isBlank()) {
            throw new IllegalArgumentException("--query is empty; give the text to look for");
        }
        List<Sentence> sentences = SentenceSplitter.english().split(read(doc));
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException(doc + ": holds no sentences");
        }
        List<String> texts = sentences.stream().map(Sentence::text).toList();
        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2();
        int window = encoder.window();
        long longSentences = texts.stream().filter(t -> encoder.tokenizer().tokenize(t).size() > window).count();
        if (longSentences > 0) {
            LOG.warn("{} of the {} sentences are longer than the model's window of {} word pieces; only their start is embedded",
                    longSentences, texts.size(), window);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ids.add(Integer.toString(i + 1));
        }
        ExactIndex index = ExactIndex.of(ids, encoder.encode(texts));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("doc", doc.toString());
        result.put("sentences", texts.size());
        List<Map<String, Object>> rows = new ArrayList<>();
        if (pairs) {
            for (ExactIndex.Pair p : index.mostSimilarPairs(k)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("score", p.score());
                row.put("first", sentence(sentences, p.first()));
                row.put("second", sentence(sentences, p.second()));
                rows.add(row);
            }
            result.put("pairs", rows);
        } else {
            result.put("query", query);
            int pieces = encoder.tokenizer().tokenize(query).size();
            if (pieces > window) {
                LOG.warn("the query has {} word pieces; the model reads the first {} and ignores the rest", pieces, window);
            }
            result.put("query_truncated", pieces > window);
            for (Hit h : index.search(encoder.encode(List.of(query))[0], k)) {
                rows.add(sentence(sentences, h));
            }
            result.put("hits", rows);
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), result);
            return 0;
        }
        var out = spec.commandLine().getOut();
        out.printf("%s: %d sentences%s%n", doc, texts.size(), pairs ? "" : "; query: " + query);
        Table t = pairs ? Table.withHeader("score", "sentence", "sentence") : Table.withHeader("score", "#", "sentence");
        for (Map<String, Object> r : rows) {
            if (pairs) {
                t.row(r.get("score"), text(r.get("first")), text(r.get("second")));
            } else {
                t.row(r.get("score"), r.get("sentence"), r.get("text"));
            }
        }
        out.print(t);
        return 0;
    }

    private static Map<String, Object> sentence(List<Sentence> sentences, Hit h) {
        Sentence s = sentences.get(h.index());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("score", h.score());
        row.put("sentence", h.index() + 1);
        row.put("text", s.text());
        row.put("start", s.start());
        row.put("end", s.end());
        return row;
    }

    private static Object text(Object row) {
        return ((Map<?, ?>) row).get("text");
    }

    /** The file's text, decoded strictly as UTF-8 ({@link TextFile}); a missing file says so in a line. */
    static String read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return TextFile.read(file);
    }
}
