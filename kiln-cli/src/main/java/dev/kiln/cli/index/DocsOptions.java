package dev.kiln.cli.index;

import dev.kiln.search.index.Passage;
import dev.kiln.search.ingest.PassageReader;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** How {@code kiln index build} and {@code add} read documents into passages. */
final class DocsOptions {
    private static final Logger LOG = LoggerFactory.getLogger(DocsOptions.class);

    @Option(names = "--docs", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Files or directories: JSON Lines (.jsonl, .ndjson; one passage a record) or text (.txt, .md, .rst; cut into passages).")
    List<Path> docs;

    @Option(names = "--id-field", paramLabel = "NAME", description = "The id field of JSON Lines records (default: ${DEFAULT-VALUE}; missing ids become FILE:LINE).")
    String idField = "id";

    @Option(names = "--text-field", paramLabel = "NAME", description = "The text field of JSON Lines records (default: ${DEFAULT-VALUE}).")
    String textField = "text";

    @Option(names = "--title-field", paramLabel = "NAME",
            description = "A JSON Lines field put before the text (default: ${DEFAULT-VALUE}; 'none' for no title).")
    String titleField = "title";

    @Option(names = "--max-words", paramLabel = "N", description = "The most words in a passage cut from a text file (default: ${DEFAULT-VALUE}).")
    int maxWords = PassageReader.DEFAULT_MAX_WORDS;

    PassageReader.Result read() {
        PassageReader reader = new PassageReader(idField, textField, "none".equals(titleField) ? null : titleField, maxWords);
        PassageReader.Result result = reader.read(docs);
        for (Path empty : result.emptyFiles()) {
            LOG.warn("{} holds no text; skipped", empty);
        }
        return result;
    }

    /** Warns when passages are longer than the encoder reads: only their start is embedded (BM25 sees all). */
    static void warnLong(List<Passage> passages, SentenceEncoder encoder) {
        int window = encoder.window();
        long longer = passages.stream().filter(p -> encoder.tokenizer().tokenize(p.text()).size() > window).count();
        if (longer > 0) {
            LOG.warn("{} of the {} passages are longer than the model's window of {} word pieces; their vectors cover their "
                    + "start (keyword search reads all of them)", longer, passages.size(), window);
        }
    }
}
