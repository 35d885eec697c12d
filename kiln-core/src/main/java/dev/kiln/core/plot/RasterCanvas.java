package dev.kiln.core.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.slf4j.LoggerFactory;

/**
 * Paints charts into an image with Java2D (headless, antialiased) for PNG files. Text needs a
 * font from the system; where the JDK finds none, the chart is drawn without its text and a
 * warning says why, rather than failing.
 */
public final class RasterCanvas implements Canvas {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final BufferedImage image;
    private final Graphics2D g;
    private boolean textFailed;

    public RasterCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    @Override
    public int width() {
        return image.getWidth();
    }

    @Override
    public int height() {
        return image.getHeight();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        g.setColor(color(color));
        g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {4f, 3f}, 0f) : new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, String color, double width) {
        if (xs.length == 0) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.setColor(color(color));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
        if (!"none".equals(fill)) {
            g.setColor(color(fill));
            g.fill(r);
        }
        if (stroke != null) {
            g.setColor(color(stroke));
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    @Override
    public void circle(double cx, double cy, double r, String fill, double opacity) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
        g.setColor(color(fill));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setComposite(AlphaComposite.SrcOver);
    }

    @Override
    public void text(double x, double y, String text, double size, String anchor, String color, double degrees, boolean bold) {
        if (textFailed || text.isEmpty()) {
            return;
        }
        try {
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
            FontMetrics metrics = g.getFontMetrics();
            double w = metrics.stringWidth(text);
            double dx = switch (anchor) {
                case "middle" -> -w / 2;
                case "end" -> -w;
                default -> 0;
            };
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            if (degrees != 0) {
                g.rotate(Math.toRadians(degrees));
            }
            g.setColor(color(color));
            g.drawString(text, (float) dx, 0f);
            g.setTransform(saved);
        } catch (Error | RuntimeException e) {
            textFailed = true;
            LoggerFactory.getLogger(RasterCanvas.class).warn("charts are drawn without text: the JDK found no usable font ({})", e.toString());
        }
    }

    /** The picture as PNG bytes. */
    public byte[] toPng() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The picture. */
    public BufferedImage image() {
        return image;
    }

    static Color color(String hex) {
        if (hex.length() == 7 && hex.charAt(0) == '#') {
            return new Color(Integer.parseInt(hex.substring(1), 16));
        }
        if (hex.length() == 4 && hex.charAt(0) == '#') {
            int r = Character.digit(hex.charAt(1), 16);
            int g = Character.digit(hex.charAt(2), 16);
            int b = Character.digit(hex.charAt(3), 16);
            return new Color(r * 17, g * 17, b * 17);
        }
        return switch (hex) {
            case "white" -> Color.WHITE;
            case "black" -> Color.BLACK;
            default -> throw new IllegalArgumentException("colours are #rrggbb, #rgb, white or black; got '" + hex + "'");
        };
    }
}
