package dev.kiln.core.report;

import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.plot.Chart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML report: headings, paragraphs, tables and charts. Charts are written as
 * SVG files beside the page and shown in it, so the folder opens in any browser and the images
 * can be reused on their own.
 */
public final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final List<Figure> figures = new ArrayList<>();

    private record Figure(String file, Chart chart) {
    }

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A two-column table of names and values (numbers shown with up to 6 significant digits). */
    public HtmlReport keyValues(Map<String, ?> entries) {
        body.append("<table>\n");
        entries.forEach((k, v) -> body.append("<tr><th>").append(escape(k)).append("</th><td>")
                .append(escape(format(v))).append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /** A table with a header row. */
    public HtmlReport table(List<String> header, List<List<?>> rows) {
        body.append("<table>\n<tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr>\n");
        for (List<?> row : rows) {
            body.append("<tr>");
            for (Object cell : row) {
                body.append("<td>").append(escape(format(cell))).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A chart, saved as {@code fileName} (ending in .svg) beside the page, with a caption. */
    public HtmlReport figure(String fileName, Chart chart, String caption) {
        if (!fileName.endsWith(".svg") || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("figure files are plain names ending in .svg, got '" + fileName + "'");
        }
        figures.add(new Figure(fileName, chart));
        body.append("<figure><img src=\"").append(escape(fileName)).append("\" alt=\"").append(escape(caption))
                .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** A chart embedded in the page as inline SVG, with a caption, so the page needs no other file. */
    public HtmlReport inlineFigure(Chart chart, String caption) {
        body.append("<figure>").append(chart.toSvg()).append("<figcaption>").append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /** The page's HTML. */
    public String toHtml() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:Helvetica,Arial,sans-serif;max-width:960px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ddd;padding:4px 10px;text-align:left}"
                + "th{background:#f5f5f5}td{font-variant-numeric:tabular-nums}figure{display:inline-block;margin:1em 1em 1em 0}"
                + "figcaption{color:#555;font-size:90%}</style></head>\n<body>\n<h1>" + escape(title) + "</h1>\n"
                + body + "<p style=\"color:#888;font-size:80%\">Written by Kiln at "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "</p>\n</body></html>\n";
    }

    /** Writes {@code index.html} and the figures into {@code directory}; returns the page's path. */
    public Path write(Path directory) {
        try {
            Files.createDirectories(directory);
            for (Figure f : figures) {
                f.chart().writeSvg(directory.resolve(f.file()));
            }
            Path page = directory.resolve("index.html");
            AtomicWrite.text(page, toHtml());
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the page alone to {@code file}, for reports whose figures are all inline.
     *
     * @throws IllegalStateException when the report has figures saved as files beside the page
     */
    public Path writeFile(Path file) {
        if (!figures.isEmpty()) {
            throw new IllegalStateException("this report has " + figures.size() + " figure file(s); write it to a directory");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        AtomicWrite.text(file, toHtml());
        return file;
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d.toString();
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return String.format(Locale.ROOT, "%.6g", d).replaceFirst("\\.?0+(e|$)", "$1");
        }
        return v.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
