package dev.kiln.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one section of a results file that several benchmarks share (parity.md holds the
 * supervised and the unsupervised checks), leaving the other sections as they are. A section
 * runs from its {@code <!-- section NAME -->} marker to the next marker or the end.
 */
public final class ResultSections {
    private ResultSections() {
    }

    /** Replaces (or appends) section {@code name} of {@code file} with {@code body}; {@code title} heads a new file. */
    public static void write(Path file, String title, String name, String body) throws IOException {
        String marker = "<!-- section " + name + " -->";
        String text = Files.exists(file) ? Files.readString(file) : "# " + title + "\n\n";
        int start = text.indexOf(marker);
        String updated;
        if (start < 0) {
            updated = text.stripTrailing() + "\n\n" + marker + "\n" + body.strip() + "\n";
        } else {
            int end = text.indexOf("<!-- section ", start + marker.length());
            updated = text.substring(0, start) + marker + "\n" + body.strip() + "\n" + (end < 0 ? "" : "\n" + text.substring(end));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, updated);
    }
}
