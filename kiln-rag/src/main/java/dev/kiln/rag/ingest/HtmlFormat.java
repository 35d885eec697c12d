package dev.kiln.rag.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An HTML file, parsed by jsoup (charset from the byte order mark or {@code <meta>}, else UTF-8):
 * one document holding the visible text of its body, white space collapsed except in
 * {@code <pre>}, each block element (paragraph, list item, heading, table row, …) a paragraph of
 * its own, separated by a blank line. Scripts, styles, templates, navigation, frames, graphics and
 * elements marked {@code hidden} are dropped. Each {@code <h1>}–{@code <h6>} is a heading at the offset of
 * its text, which stays in the document's text. The title is {@code <title>}, else the first
 * {@code <h1>}, else the file name without extension.
 */
final class HtmlFormat implements Format {
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "nav", "svg", "canvas",
            "iframe", "object", "head");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption", "dd",
            "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
            "tr", "ul");

    @Override
    public List<Document> read(Path file, String id) throws IOException {
        org.jsoup.nodes.Document html = Jsoup.parse(file.toFile(), null);
        Text text = new Text();
        List<Document.Heading> headings = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (DROPPED.contains(tag) || e.hasAttr("hidden")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCKS.contains(tag)) {
                        text.paragraphBreak();
                    } else if (tag.equals("br")) {
                        text.lineBreak();
                    } else if (tag.equals("td") || tag.equals("th")) {
                        text.space();
                    }
                    int level = headingLevel(tag);
                    if (level > 0) {
                        String title = e.text().strip();
                        if (!title.isEmpty()) {
                            headings.add(new Document.Heading(level, title, text.nextOffset()));
                        }
                    }
                } else if (node instanceof TextNode t) {
                    text.append(t.getWholeText(), inPre(t));
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    text.paragraphBreak();
                }
                return FilterResult.CONTINUE;
            }
        }, html.body() == null ? html : html.body());
        String body = text.toString();
        if (body.isBlank()) {
            return List.of();
        }
        headings.removeIf(h -> h.offset() >= body.length());
        String title = html.title().strip();
        if (title.isEmpty()) {
            title = headings.stream().filter(h -> h.level() == 1).map(Document.Heading::title).findFirst()
                    .orElse(SourceText.stem(file));
        }
        return List.of(new Document(id, title, file.toString(), body, headings));
    }

    private static int headingLevel(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6' ? tag.charAt(1) - '0' : 0;
    }

    private static boolean inPre(Node node) {
        for (Node n = node.parentNode(); n != null; n = n.parentNode()) {
            if (n instanceof Element e && (e.normalName().equals("pre") || e.normalName().equals("textarea"))) {
                return true;
            }
        }
        return false;
    }

    /** Visible text built up with collapsed white space and pending line or paragraph breaks. */
    private static final class Text {
        private final StringBuilder out = new StringBuilder();
        private int pendingBreaks;
        private boolean pendingSpace;

        void paragraphBreak() {
            pendingBreaks = 2;
        }

        void lineBreak() {
            pendingBreaks = Math.min(2, pendingBreaks + 1);
        }

        void space() {
            pendingSpace = true;
        }

        /** Where the next visible character will go. */
        int nextOffset() {
            flush();
            return out.length();
        }

        void append(String s, boolean pre) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (pre) {
                    flush();
                    if (c != '\n' || !out.isEmpty()) {
                        out.append(c);
                    }
                } else if (Character.isWhitespace(c) || c == '\u00a0') {
                    pendingSpace = true;
                } else {
                    flush();
                    if (pendingSpace && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.append(c);
                }
            }
        }

        /** Ends the current line or paragraph if a break is pending: enough newlines, never more. */
        private void flush() {
            if (pendingBreaks > 0 && !out.isEmpty()) {
                int end = out.length();
                while (end > 0 && out.charAt(end - 1) == ' ') {
                    end--;
                }
                out.setLength(end);
                int newlines = 0;
                while (newlines < end && out.charAt(end - 1 - newlines) == '\n') {
                    newlines++;
                }
                out.append("\n".repeat(Math.max(0, pendingBreaks - newlines)));
                pendingSpace = false;
            }
            pendingBreaks = 0;
        }

        @Override
        public String toString() {
            return out.toString().stripTrailing();
        }
    }
}
