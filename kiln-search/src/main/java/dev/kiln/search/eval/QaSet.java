package dev.kiln.search.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.io.TextFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Questions with the ids of the passages that answer them, read from JSON Lines: a question
 * field and a gold field holding one id or an array of ids.
 */
public record QaSet(List<String> questions, List<Set<String>> gold) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public QaSet {
        if (questions.size() != gold.size()) {
            throw new IllegalArgumentException(questions.size() + " questions for " + gold.size() + " gold sets");
        }
        questions = List.copyOf(questions);
        gold = List.copyOf(gold);
    }

    public int size() {
        return questions.size();
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataFormatException naming the line and field of a malformed record
     */
    public static QaSet read(Path file, String questionField, String goldField) {
        String[] lines = TextFile.read(file).split("\n", -1);
        List<String> questions = new ArrayList<>();
        List<Set<String>> gold = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw DataFormatException.atLine(file.toString(), i + 1, "expected a JSON object, got malformed JSON");
            }
            JsonNode q = record == null ? null : record.get(questionField);
            if (q == null || !q.isTextual() || q.asText().isBlank()) {
                throw DataFormatException.atLine(file.toString(), i + 1, "/" + questionField + ": expected the question text");
            }
            JsonNode g = record.get(goldField);
            Set<String> ids = new LinkedHashSet<>();
            if (g != null && g.isTextual()) {
                ids.add(g.asText());
            } else if (g != null && g.isArray()) {
                g.forEach(x -> ids.add(x.asText()));
            }
            if (ids.isEmpty()) {
                throw DataFormatException.atLine(file.toString(), i + 1, "/" + goldField
                        + ": expected the id of the passage that answers the question (a string or an array of strings)");
            }
            questions.add(q.asText());
            gold.add(ids);
        }
        if (questions.isEmpty()) {
            throw DataFormatException.of(file.toString(), "holds no questions");
        }
        return new QaSet(questions, gold);
    }
}
