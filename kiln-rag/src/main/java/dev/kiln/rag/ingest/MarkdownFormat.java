package dev.kiln.rag.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown file: one document whose text is the Markdown source as written, so that offsets point
 * into the file. Each ATX heading ({@code #} to {@code ######}, outside fenced code) is a heading at
 * the start of its line; the heading line stays in the text, opening its section. The title is the
 * first level-1 heading, else the file name without extension. Setext headings (underlined) are plain text.
 */
final class MarkdownFormat implements Format {
    @Override
    public List<Document> read(Path file, String id) {
        String text = SourceText.read(file);
        if (text.isBlank()) {
            return List.of();
        }
        List<Document.Heading> headings = headings(text);
        String title = headings.stream().filter(h -> h.level() == 1).map(Document.Heading::title).findFirst()
                .orElse(SourceText.stem(file));
        return List.of(new Document(id, title, file.toString(), text, headings));
    }

    /** The ATX headings of {@code text}, each at the offset of its line. */
    static List<Document.Heading> headings(String text) {
        List<Document.Heading> out = new ArrayList<>();
        String fence = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            String body = line.substring(indent(line));
            if (indent(line) <= 3) {
                if (fence != null) {
                    if (closes(fence, body)) {
                        fence = null;
                    }
                } else if (body.startsWith("```") || body.startsWith("~~~")) {
                    fence = body.substring(0, run(body, body.charAt(0)));
                } else {
                    Document.Heading h = atx(body, lineStart);
                    if (h != null) {
                        out.add(h);
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /** Whether {@code line} closes a code block opened by {@code fence}: as many fence characters or more, then only spaces. */
    private static boolean closes(String fence, String line) {
        int n = run(line, fence.charAt(0));
        return n >= fence.length() && line.substring(n).isBlank();
    }

    private static Document.Heading atx(String body, int offset) {
        int level = run(body, '#');
        if (level < 1 || level > 6 || level < body.length() && body.charAt(level) != ' ' && body.charAt(level) != '\t') {
            return null;
        }
        String title = body.substring(level).strip();
        int closing = title.length();
        while (closing > 0 && title.charAt(closing - 1) == '#') {
            closing--;
        }
        if (closing == 0 || title.charAt(closing - 1) == ' ' || title.charAt(closing - 1) == '\t') {
            title = title.substring(0, closing).strip();
        }
        return title.isEmpty() ? null : new Document.Heading(level, title, offset);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int run(String s, char c) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i;
    }
}
