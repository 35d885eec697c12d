package dev.kiln.core.plot;

/**
 * What charts draw on: lines, rectangles, circles and text in pixel coordinates (origin top
 * left), colours as {@code #rrggbb} or {@code #rgb}. {@link SvgCanvas} writes SVG; {@link RasterCanvas} paints
 * a PNG image with Java2D.
 */
public interface Canvas {

    int width();

    int height();

    void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed);

    void polyline(double[] xs, double[] ys, String color, double width);

    /** A rectangle filled with {@code fill} ("none" for no fill), outlined in {@code stroke} unless null. */
    void rect(double x, double y, double w, double h, String fill, String stroke);

    void circle(double cx, double cy, double r, String fill, double opacity);

    /** Text anchored "start", "middle" or "end" at (x, y) on its baseline, rotated by {@code degrees} about the anchor. */
    void text(double x, double y, String text, double size, String anchor, String color, double degrees, boolean bold);
}
