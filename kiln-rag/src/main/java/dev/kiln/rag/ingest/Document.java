package dev.kiln.rag.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One ingested document: its id (what citations and evaluation refer to), title, source path,
 * plain text, and the headings found in it, each at a character offset of {@code text}.
 */
public record Document(String id, String title, String source, String text, List<Heading> headings) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        headings = List.copyOf(headings == null ? List.of() : headings);
        for (Heading h : headings) {
            if (h.offset() < 0 || h.offset() > text.length()) {
                throw new IllegalArgumentException("document '" + id + "': heading '" + h.title() + "' at offset " + h.offset()
                        + " lies outside its " + text.length() + " characters");
            }
        }
    }

    /**
     * The SHA-256, in hex, of what this document's chunks are made of: its title, text and headings
     * (not its id or source path). Equal documents read twice give the same hash; a changed title,
     * text or heading gives another, so a knowledge base that keeps hashes can skip unchanged
     * documents and replace the chunks of changed ones.
     */
    public String contentHash() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        field(sha, title);
        field(sha, text);
        for (Heading h : headings) {
            field(sha, h.level() + " " + h.offset() + " " + h.title());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    /** A section heading: its level (1 = top), its title, and where its section starts in the text. */
    public record Heading(int level, String title, int offset) {
        public Heading {
            if (level < 1) {
                throw new IllegalArgumentException("heading level must be >= 1, got " + level);
            }
            Objects.requireNonNull(title, "title");
        }
    }
}
