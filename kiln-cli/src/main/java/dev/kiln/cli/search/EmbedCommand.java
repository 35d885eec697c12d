package dev.kiln.cli.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.cli.output.JsonOutput;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln embed}: the all-MiniLM-L6-v2 sentence vector of every text of a file (one text per
 * line, or a JSON Lines field), written as JSON Lines: {@code {"line", "text", "embedding"}}.
 */
@Command(name = "embed", description = {"Embed every text of a file with all-MiniLM-L6-v2 (384 numbers each, unit length).",
    "Input: one text per non-blank line, or JSON Lines (.jsonl, .ndjson) with a text field. Output: JSON Lines {line, text, embedding}."})
public final class EmbedCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The texts.")
    Path in;

    @Option(names = "--text-field", paramLabel = "NAME", description = "The text field of JSON Lines records (default: ${DEFAULT-VALUE}).")
    String textField = "text";

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the embeddings (JSON Lines).")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary instead of a line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Integer> lines = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String[] all = SimilarCommand.read(in).split("\n", -1);
        String name = in.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean jsonl = name.endsWith(".jsonl") || name.endsWith(".ndjson");
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String text = line;
            if (jsonl) {
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw DataFormatException.atLine(in.toString(), i + 1, "expected a JSON object, got malformed JSON");
                }
                JsonNode field = record == null ? null : record.get(textField);
                if (field == null || !field.isTextual()) {
                    throw DataFormatException.atLine(in.toString(), i + 1, "expected a string field '" + textField + "'");
                }
                text = field.asText();
            }
            lines.add(i + 1);
            texts.add(text);
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(in + ": holds no texts");
        }
        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2();
        long t0 = System.nanoTime();
        float[][] vectors = encoder.encode(texts);
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode row = JSON.createObjectNode();
            row.put("line", lines.get(i));
            row.put("text", texts.get(i));
            ArrayNode v = row.putArray("embedding");
            for (float x : vectors[i]) {
                v.add(x);
            }
            sb.append(JSON.writeValueAsString(row)).append('\n');
        }
        AtomicWrite.text(out, sb.toString());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("in", in.toString());
        summary.put("texts", texts.size());
        summary.put("dimension", encoder.dimension());
        summary.put("seconds", seconds);
        summary.put("texts_per_second", texts.size() / seconds);
        summary.put("out", out.toString());
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), summary);
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "embedded %d texts (%d dimensions) in %.2f s (%.0f texts/s); wrote %s%n",
                    texts.size(), encoder.dimension(), seconds, texts.size() / seconds, out);
        }
        return 0;
    }
}
