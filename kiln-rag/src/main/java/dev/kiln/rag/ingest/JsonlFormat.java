package dev.kiln.rag.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.core.io.DataFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON Lines file ({@code .jsonl}, {@code .ndjson}): one document per record, a JSON object on a
 * line of its own (blank lines are skipped). The id field (a string or number) is the document's
 * id; the text field, a non-blank string, its text; the title field, a string, its optional title.
 * Other fields are ignored. A record that breaks these rules is reported as
 * {@code file:line: detail} and the whole file is left out.
 */
final class JsonlFormat implements Format {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final DocumentReader.Settings settings;

    JsonlFormat(DocumentReader.Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Document> read(Path file, String fileId) {
        String[] lines = SourceText.read(file).split("\n", -1);
        List<Document> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            JsonNode record;
            try {
                record = JSON.readTree(lines[i]);
            } catch (JsonProcessingException e) {
                throw malformed(file, line, "expected a JSON object, got malformed JSON (" + e.getOriginalMessage() + ")");
            }
            if (record == null || !record.isObject()) {
                throw malformed(file, line, "expected a JSON object");
            }
            String id = field(record, settings.idField(), "the document id", true, file, line);
            if (id.isBlank()) {
                throw malformed(file, line, "/" + settings.idField() + ": expected a non-blank document id");
            }
            Integer before = seen.putIfAbsent(id, line);
            if (before != null) {
                throw malformed(file, line, "document id '" + id + "' was already used on line " + before + "; ids must be unique");
            }
            String text = field(record, settings.textField(), "the document text", false, file, line);
            if (text.isBlank()) {
                throw malformed(file, line, "/" + settings.textField() + ": the text is empty");
            }
            JsonNode t = record.get(settings.titleField());
            String title = t == null || t.isNull() ? "" : field(record, settings.titleField(), "a title", false, file, line);
            out.add(new Document(id, title, file.toString(), text, List.of()));
        }
        return out;
    }

    private static String field(JsonNode record, String name, String what, boolean integerToo, Path file, int line) {
        JsonNode v = record.get(name);
        if (v == null || v.isNull()) {
            throw malformed(file, line, "/" + name + ": missing; expected " + what);
        }
        if (!v.isTextual() && !(integerToo && v.isIntegralNumber())) {
            throw malformed(file, line, "/" + name + ": expected " + (integerToo ? "a string or an integer" : "a string") + ", got "
                    + v.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }

    private static DataFormatException malformed(Path file, int line, String detail) {
        return DataFormatException.atLine(file.toString(), line, detail);
    }
}
