package dev.kiln.core.plot;

import dev.kiln.core.io.AtomicWrite;
import java.nio.file.Path;

/**
 * A chart that renders itself as SVG — vector graphics that need no fonts or native
 * libraries, and that HTML reports embed directly.
 */
public interface Chart {

    /** The chart as a standalone SVG document. */
    String toSvg();

    /** Writes the SVG to {@code file} (beside, then renamed into place). */
    default void writeSvg(Path file) {
        AtomicWrite.text(file, toSvg());
    }
}
