package dev.kiln.rag.ingest;

import dev.kiln.core.io.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads files and folders into {@link Document}s: plain text ({@code .txt}), Markdown ({@code .md},
 * {@code .markdown}), HTML ({@code .html}, {@code .htm}), PDF ({@code .pdf}) and JSON Lines
 * ({@code .jsonl}, {@code .ndjson}, one document per record). Folders are read recursively in name
 * order, hidden files and folders (names starting with ".") left out. A file's document id is its
 * path relative to the folder given, with "/" between names, or its file name when the file itself
 * was given; a JSON Lines record's id is its id field. A file that cannot be read, has an unknown
 * extension, a malformed record, no text, or an id already read is reported in
 * {@link ReadResult#skipped()} and the rest are still read. Instances are immutable and thread-safe.
 */
public final class DocumentReader {
    private final Map<String, Format> formats;

    /**
     * The JSON Lines field names.
     *
     * @param idField    the document id, a string or integer ("id")
     * @param titleField the optional title ("title")
     * @param textField  the text ("text")
     */
    public record Settings(String idField, String titleField, String textField) {
        public Settings {
            for (String f : new String[] {idField, titleField, textField}) {
                if (f == null || f.isBlank()) {
                    throw new IllegalArgumentException("JSON Lines field names must be non-blank, got id " + idField + ", title "
                            + titleField + ", text " + textField);
                }
            }
            if (idField.equals(textField) || idField.equals(titleField) || titleField.equals(textField)) {
                throw new IllegalArgumentException("the id, title and text fields must differ, got " + idField + ", " + titleField
                        + ", " + textField);
            }
        }

        public static Settings defaults() {
            return new Settings("id", "title", "text");
        }
    }

    public DocumentReader(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        Format markdown = new MarkdownFormat();
        Format html = new HtmlFormat();
        Format jsonl = new JsonlFormat(settings);
        this.formats = Map.of("txt", new PlainTextFormat(), "md", markdown, "markdown", markdown, "html", html, "htm", html,
                "pdf", new PdfFormat(), "jsonl", jsonl, "ndjson", jsonl);
    }

    /** A reader with the default JSON Lines field names: id, title, text. */
    public static DocumentReader defaults() {
        return new DocumentReader(Settings.defaults());
    }

    /** The file extensions read, lower case, without the dot. */
    public Set<String> extensions() {
        return formats.keySet();
    }

    /** The documents in {@code paths}, files or folders. */
    public ReadResult read(Path... paths) {
        return read(List.of(paths));
    }

    /** The documents in {@code paths}, files or folders, in the order given. */
    public ReadResult read(List<Path> paths) {
        List<Document> documents = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path root : paths) {
            List<Entry> entries = new ArrayList<>();
            if (Files.isDirectory(root)) {
                walk(root, entries, new HashSet<>());
            } else if (Files.exists(root)) {
                entries.add(new Entry(root, null));
            } else {
                entries.add(new Entry(root, new SkippedFile(root, SkippedFile.Reason.UNREADABLE, root + ": no such file or directory")));
            }
            for (Entry e : entries) {
                if (e.problem != null) {
                    skipped.add(e.problem);
                } else {
                    String id = (e.path.equals(root) ? e.path.getFileName() : root.relativize(e.path)).toString().replace('\\', '/');
                    read(e.path, id, ids, documents, skipped);
                }
            }
        }
        return new ReadResult(documents, skipped);
    }

    private void read(Path file, String id, Map<String, Path> ids, List<Document> documents, List<SkippedFile> skipped) {
        Format format = formats.get(extension(file));
        if (format == null) {
            skipped.add(new SkippedFile(file, SkippedFile.Reason.UNSUPPORTED, file + ": cannot read " + (extension(file).isEmpty()
                    ? "files without an extension" : "." + extension(file) + " files") + "; expected one of " + extensions()
                    .stream().sorted().map(e -> "." + e).toList()));
            return;
        }
        List<Document> found;
        try {
            found = format.read(file, id);
        } catch (FileProblem e) {
            skipped.add(new SkippedFile(file, e.reason(), e.getMessage()));
            return;
        } catch (DataFormatException e) {
            skipped.add(new SkippedFile(file, SkippedFile.Reason.MALFORMED, e.getMessage()));
            return;
        } catch (IOException | RuntimeException e) {
            boolean io = e instanceof IOException || e instanceof UncheckedIOException;
            String why = (io && e.getMessage() != null ? e.getMessage() : e.toString()).replace("cannot read " + file + ": ", "");
            skipped.add(new SkippedFile(file, SkippedFile.Reason.UNREADABLE, why.startsWith(file.toString()) ? why
                    : file + ": cannot read it: " + why));
            return;
        }
        if (found.isEmpty()) {
            skipped.add(new SkippedFile(file, SkippedFile.Reason.EMPTY, file + ": holds no text"));
            return;
        }
        for (Document d : found) {
            Path before = ids.get(d.id());
            if (before != null) {
                skipped.add(new SkippedFile(file, SkippedFile.Reason.DUPLICATE_ID, file + ": document id '" + d.id()
                        + "' was already read from " + before));
                return;
            }
        }
        for (Document d : found) {
            ids.put(d.id(), file);
        }
        documents.addAll(found);
    }

    /** A file found in a folder, or what kept a folder from being listed. */
    private record Entry(Path path, SkippedFile problem) {
    }

    /** Adds the files under {@code dir} to {@code entries}, depth first in name order, hidden ones left out. */
    private static void walk(Path dir, List<Entry> entries, Set<Path> visited) {
        try {
            if (!visited.add(dir.toRealPath())) {
                entries.add(new Entry(dir, new SkippedFile(dir, SkippedFile.Reason.UNREADABLE, dir
                        + ": a link to a folder already read")));
                return;
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(dir)) {
                children = list.filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            }
            for (Path p : children) {
                if (Files.isDirectory(p)) {
                    walk(p, entries, visited);
                } else {
                    entries.add(new Entry(p, null));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            entries.add(new Entry(dir, new SkippedFile(dir, SkippedFile.Reason.UNREADABLE, dir + ": cannot list the folder: "
                    + e.getMessage())));
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
