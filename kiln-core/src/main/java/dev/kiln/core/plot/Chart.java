package dev.kiln.core.plot;

import dev.kiln.core.io.AtomicWrite;
import java.nio.file.Path;

/**
 * A chart: it draws itself on a {@link Canvas}, so it renders as SVG (vector graphics that need
 * no fonts, embedded by HTML reports) or as a PNG image.
 */
public interface Chart {

    int width();

    int height();

    void draw(Canvas canvas);

    /** The chart as a standalone SVG document. */
    default String toSvg() {
        SvgCanvas canvas = new SvgCanvas(width(), height());
        draw(canvas);
        return canvas.finish();
    }

    /** The chart as PNG bytes. */
    default byte[] toPng() {
        RasterCanvas canvas = new RasterCanvas(width(), height());
        draw(canvas);
        return canvas.toPng();
    }

    /** Writes the SVG to {@code file} (beside, then renamed into place). */
    default void writeSvg(Path file) {
        AtomicWrite.text(file, toSvg());
    }

    /** Writes the chart to {@code file} as SVG or PNG, by its extension. */
    default void write(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".svg")) {
            writeSvg(file);
        } else if (name.endsWith(".png")) {
            byte[] png = toPng();
            try {
                java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
                AtomicWrite.file(file, out -> out.write(png));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
            }
        } else {
            throw new IllegalArgumentException("cannot tell the picture format of " + file + "; expected a .png or .svg file");
        }
    }
}
