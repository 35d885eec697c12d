package dev.kiln.cli.text;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.text.vectors.Neighbour;
import dev.kiln.text.vectors.VectorFormat;
import dev.kiln.text.vectors.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln text neighbours}: the words closest to a word, or the answers to an analogy, in a
 * word2vec-format vectors file.
 */
@Command(name = "neighbours", aliases = "neighbors", description = {"The words nearest to WORD by cosine similarity in a vectors file,",
    "or with --analogy A B C the words nearest to B - A + C (\"A is to B as C is to ?\"), the three inputs left out."})
public final class NeighboursCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vectors", required = true, paramLabel = "FILE", description = "Vectors in the word2vec text or binary format.")
    Path vectors;

    @Option(names = "--format", paramLabel = "text|binary", description = "File format (default: binary for a .bin file, text otherwise).")
    String format;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORD", description = "The word to find neighbours of.")
    String word;

    @Option(names = "--analogy", arity = "3", paramLabel = "WORD", description = "A B C: the words that are to C as B is to A.")
    List<String> analogy;

    @Option(names = "--top", paramLabel = "N", description = "How many words to list (default: ${DEFAULT-VALUE}).")
    int top = 10;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if ((word == null) == (analogy == null)) {
            throw new IllegalArgumentException("give either a WORD or --analogy A B C, not " + (word == null ? "neither" : "both"));
        }
        if (top < 1) {
            throw new IllegalArgumentException("--top must be >= 1, got " + top);
        }
        WordVectors v = WordVectors.read(vectors, format == null ? VectorFormat.forFile(vectors) : VectorFormat.parse(format));
        List<Neighbour> found = word != null ? v.nearest(word, top) : v.analogy(analogy.get(0), analogy.get(1), analogy.get(2), top);
        Map<String, Object> result = new LinkedHashMap<>();
        if (word != null) {
            result.put("word", word);
        } else {
            result.put("analogy", analogy);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Neighbour n : found) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("word", n.word());
            row.put("similarity", n.similarity());
            rows.add(row);
        }
        result.put("neighbours", rows);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), result);
            return 0;
        }
        var w = spec.commandLine().getOut();
        w.println(word != null ? "nearest to '" + word + "' in " + vectors
                : "'" + analogy.get(0) + "' is to '" + analogy.get(1) + "' as '" + analogy.get(2) + "' is to … (in " + vectors + ")");
        Table t = Table.withHeader("rank", "word", "similarity");
        for (int i = 0; i < found.size(); i++) {
            t.row(i + 1, found.get(i).word(), String.format(java.util.Locale.ROOT, "%.4f", found.get(i).similarity()));
        }
        w.print(t);
        return 0;
    }
}
