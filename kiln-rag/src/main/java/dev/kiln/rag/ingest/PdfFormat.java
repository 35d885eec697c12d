package dev.kiln.rag.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF file, read with Apache PDFBox: one document whose text is the text of its pages in order,
 * separated by a blank line, each page a level-1 heading "page N" at the start of its text, so that
 * every chunk lies on one page and names it. The title is the document information's title, else
 * the file name without extension. A PDF without any text (a scan) counts as empty.
 */
final class PdfFormat implements Format {
    @Override
    public List<Document> read(Path file, String id) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            StringBuilder text = new StringBuilder();
            List<Document.Heading> headings = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String pageText = stripper.getText(pdf).replace("\r\n", "\n").replace('\r', '\n').strip();
                if (page > 1) {
                    text.append("\n\n");
                }
                headings.add(new Document.Heading(1, "page " + page, text.length()));
                text.append(pageText);
            }
            if (text.toString().isBlank()) {
                return List.of();
            }
            String title = pdf.getDocumentInformation().getTitle();
            title = title == null || title.isBlank() ? SourceText.stem(file) : title.strip();
            return List.of(new Document(id, title, file.toString(), text.toString(), headings));
        }
    }
}
