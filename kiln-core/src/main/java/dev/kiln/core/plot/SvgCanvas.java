package dev.kiln.core.plot;

import java.util.Locale;

/** Draws into an SVG document element by element, escaping text and writing coordinates compactly. */
public final class SvgCanvas implements Canvas {
    private final StringBuilder sb = new StringBuilder();
    private final int width;
    private final int height;

    public SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(color).append("\" stroke-width=\"")
                .append(n(width)).append('"');
        if (dashed) {
            sb.append(" stroke-dasharray=\"4 3\"");
        }
        sb.append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, String color, double width) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(n(width))
                .append("\" stroke-linejoin=\"round\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(n(xs[i])).append(',').append(n(ys[i]));
        }
        sb.append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            sb.append(" stroke=\"").append(stroke).append('"');
        }
        sb.append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, String fill, double opacity) {
        sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        if (opacity < 1) {
            sb.append(" fill-opacity=\"").append(n(opacity)).append('"');
        }
        sb.append("/>\n");
    }

    /** Text anchored "start", "middle" or "end"; rotated by {@code degrees} about its anchor. */
    @Override
    public void text(double x, double y, String text, double size, String anchor, String color, double degrees, boolean bold) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(color).append('"');
        if (bold) {
            sb.append(" font-weight=\"bold\"");
        }
        if (degrees != 0) {
            sb.append(" transform=\"rotate(").append(n(degrees)).append(' ').append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        sb.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** The SVG document drawn so far. */
    public String finish() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"Helvetica, Arial, sans-serif\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + sb + "</svg>\n";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
