package dev.kiln.search.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.io.TextFile;
import dev.kiln.search.index.Passage;
import dev.kiln.text.sentence.Sentence;
import dev.kiln.text.sentence.SentenceSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads documents into passages for an index. JSON Lines files ({@code .jsonl}, {@code .ndjson})
 * give one passage per record: an id field, a text field, an optional title (the passage's
 * {@link Passage#TITLE} metadata, searched with the text) and every other scalar field as metadata. Text files ({@code .txt},
 * {@code .md}, {@code .markdown}, {@code .rst}) are cut at blank lines into paragraphs, packed
 * into passages of at most {@code maxWords} words (a longer paragraph is cut between sentences,
 * and a Markdown heading starts a new passage), each with its {@code source}, first {@code line}
 * and nearest {@code section} heading. Directories are read recursively, in name order.
 */
public final class PassageReader {
    /** Text-file extensions read as prose. */
    public static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md", "markdown", "rst");
    /** Extensions read as JSON Lines. */
    public static final Set<String> JSONL_EXTENSIONS = Set.of("jsonl", "ndjson");
    /** A passage of about 200 words fits the 256 word pieces all-MiniLM-L6-v2 reads. */
    public static final int DEFAULT_MAX_WORDS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String idField;
    private final String textField;
    private final String titleField;
    private final int maxWords;

    /**
     * @param titleField the JSON Lines title field, or null to read no title
     */
    public PassageReader(String idField, String textField, String titleField, int maxWords) {
        if (maxWords < 1) {
            throw new IllegalArgumentException("maxWords must be >= 1, got " + maxWords);
        }
        this.idField = idField;
        this.textField = textField;
        this.titleField = titleField;
        this.maxWords = maxWords;
    }

    public static PassageReader defaults() {
        return new PassageReader("id", "text", "title", DEFAULT_MAX_WORDS);
    }

    /** What reading found: the passages, and the files that held none. */
    public record Result(List<Passage> passages, List<Path> files, List<Path> emptyFiles) {
    }

    /**
     * The passages of every file under {@code paths}.
     *
     * @throws IllegalArgumentException for a path that does not exist, a file of another kind, or
     *     no passage at all
     * @throws DataFormatException for a malformed record or a repeated id, naming file and line
     */
    public Result read(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no documents given");
        }
        List<Path> files = new ArrayList<>();
        Map<Path, String> labels = new HashMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .filter(f -> readable(f)).sorted().forEach(f -> {
                                files.add(f);
                                labels.put(f, p.relativize(f).toString().replace('\\', '/'));
                            });
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                if (!readable(p)) {
                    throw new IllegalArgumentException(p + ": cannot read ." + extension(p) + " files; expected "
                            + "JSON Lines (.jsonl, .ndjson) or text (.txt, .md, .markdown, .rst)");
                }
                files.add(p);
                labels.put(p, p.getFileName().toString());
            } else {
                throw new IllegalArgumentException(p + ": no such file or directory");
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .jsonl, .ndjson, .txt, .md, .markdown or .rst files under " + paths);
        }
        List<Passage> passages = new ArrayList<>();
        List<Path> empty = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path f : files) {
            List<Located> found = JSONL_EXTENSIONS.contains(extension(f)) ? jsonl(f) : prose(f, labels.get(f));
            if (found.isEmpty()) {
                empty.add(f);
            }
            for (Located l : found) {
                String before = seen.putIfAbsent(l.passage.id(), l.where);
                if (before != null) {
                    throw DataFormatException.of(l.where, "passage id '" + l.passage.id() + "' was already used at " + before
                            + "; ids must be unique");
                }
                passages.add(l.passage);
            }
        }
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("the documents hold no text: " + (files.size() == 1 ? files.get(0)
                    : files.size() + " files, all empty"));
        }
        return new Result(List.copyOf(passages), List.copyOf(files), List.copyOf(empty));
    }

    private record Located(Passage passage, String where) {
    }

    private List<Located> jsonl(Path file) {
        String[] lines = TextFile.read(file).split("\n", -1);
        List<Located> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw DataFormatException.atLine(file.toString(), lineNo, "expected a JSON object, got malformed JSON ("
                        + e.getOriginalMessage() + ")");
            }
            if (record == null || !record.isObject()) {
                throw DataFormatException.atLine(file.toString(), lineNo, "expected a JSON object");
            }
            String text = string(record, textField, file, lineNo, true);
            String title = titleField == null ? null : string(record, titleField, file, lineNo, false);
            String id = string(record, idField, file, lineNo, false);
            if (id == null) {
                id = file.getFileName() + ":" + lineNo;
            }
            if (id.isBlank()) {
                throw DataFormatException.atLine(file.toString(), lineNo, "/" + idField + ": expected a non-blank id");
            }
            if ((text == null || text.isBlank()) && (title == null || title.isBlank())) {
                throw DataFormatException.atLine(file.toString(), lineNo, "/" + textField + ": the text is empty");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            record.fields().forEachRemaining(e -> {
                String key = e.getKey();
                if (!key.equals(idField) && !key.equals(textField) && !key.equals(titleField) && !key.equals(Passage.TITLE)
                        && e.getValue().isValueNode() && !e.getValue().isNull()
                        && key.matches("[A-Za-z0-9_.\\-]+")) {
                    metadata.put(key, e.getValue().asText());
                }
            });
            metadata.put("source", file.toString());
            metadata.put("line", Integer.toString(lineNo));
            if (title != null && !title.isBlank()) {
                metadata.put(Passage.TITLE, title);
            }
            String body = text == null ? "" : text;
            out.add(new Located(new Passage(id, body, metadata), file + ":" + lineNo));
        }
        return out;
    }

    private static String string(JsonNode record, String field, Path file, int line, boolean required) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw DataFormatException.atLine(file.toString(), line, "/" + field + ": missing; expected the passage text"
                        + " (choose another field with --text-field)");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw DataFormatException.atLine(file.toString(), line, "/" + field + ": expected a string, got " + v.getNodeType()
                    .toString().toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }

    private List<Located> prose(Path file, String name) {
        String text = TextFile.read(file);
        List<Located> out = new ArrayList<>();
        StringBuilder passage = new StringBuilder();
        int words = 0;
        int startLine = 0;
        String section = null;
        String passageSection = null;
        String[] lines = text.split("\n", -1);
        List<String> paragraph = new ArrayList<>();
        int paragraphLine = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].stripTrailing() : "";
            boolean heading = line.startsWith("#") && !line.startsWith("#!");
            if (!line.isBlank() && !heading) {
                if (paragraph.isEmpty()) {
                    paragraphLine = i + 1;
                }
                paragraph.add(line.strip());
                continue;
            }
            if (!paragraph.isEmpty()) {
                String para = String.join(" ", paragraph);
                paragraph.clear();
                int paraWords = wordCount(para);
                if (words > 0 && words + paraWords > maxWords) {
                    emit(out, file, name, passage, startLine, passageSection);
                    words = 0;
                }
                if (paraWords > maxWords) {
                    for (String piece : bySentences(para)) {
                        if (words > 0 && words + wordCount(piece) > maxWords) {
                            emit(out, file, name, passage, startLine, passageSection);
                            words = 0;
                        }
                        if (words == 0) {
                            startLine = paragraphLine;
                            passageSection = section;
                        }
                        append(passage, piece, " ");
                        words += wordCount(piece);
                    }
                } else {
                    if (words == 0) {
                        startLine = paragraphLine;
                        passageSection = section;
                    }
                    append(passage, para, "\n\n");
                    words += paraWords;
                }
            }
            if (heading) {
                if (words > 0) {
                    emit(out, file, name, passage, startLine, passageSection);
                    words = 0;
                }
                section = line.replaceFirst("^#+", "").strip();
            }
        }
        if (words > 0) {
            emit(out, file, name, passage, startLine, passageSection);
        }
        return out;
    }

    /** A paragraph's sentences, each no longer than {@code maxWords} (a longer one is cut at word boundaries). */
    private List<String> bySentences(String paragraph) {
        List<String> out = new ArrayList<>();
        for (Sentence s : SentenceSplitter.english().split(paragraph)) {
            String[] w = s.text().split("\\s+");
            for (int at = 0; at < w.length; at += maxWords) {
                out.add(String.join(" ", java.util.Arrays.asList(w).subList(at, Math.min(w.length, at + maxWords))));
            }
        }
        return out;
    }

    private static void append(StringBuilder sb, String text, String separator) {
        if (!sb.isEmpty()) {
            sb.append(separator);
        }
        sb.append(text);
    }

    private static void emit(List<Located> out, Path file, String name, StringBuilder passage, int line, String section) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("source", file.toString());
        metadata.put("line", Integer.toString(line));
        if (section != null && !section.isEmpty()) {
            metadata.put("section", section);
        }
        String id = name + "#" + (out.size() + 1);
        out.add(new Located(new Passage(id, passage.toString(), metadata), file + ":" + line));
        passage.setLength(0);
    }

    private static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static boolean readable(Path f) {
        String ext = extension(f);
        return TEXT_EXTENSIONS.contains(ext) || JSONL_EXTENSIONS.contains(ext);
    }

    private static String extension(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
