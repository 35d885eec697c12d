package dev.kiln.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.rag.ingest.Document.Heading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfFormatTest {
    @TempDir
    Path tmp;

    @Test
    void eachPageIsAHeadingAtTheStartOfItsText() throws IOException {
        Path f = pdf(tmp.resolve("manual.pdf"), "The Manual", List.of(List.of("Chapter one.", "It begins here."), List.of(),
                List.of("Chapter two.")));
        Document d = DocumentReader.defaults().read(f).documents().get(0);
        assertThat(d.id()).isEqualTo("manual.pdf");
        assertThat(d.title()).isEqualTo("The Manual");
        assertThat(d.text()).isEqualTo("Chapter one.\nIt begins here.\n\n\n\nChapter two.");
        assertThat(d.headings()).containsExactly(new Heading(1, "page 1", 0), new Heading(1, "page 2", 30),
                new Heading(1, "page 3", 32));
    }

    @Test
    void withoutATitleThePdfIsNamedByItsFileAndWithoutTextItIsEmpty() throws IOException {
        Path titled = pdf(tmp.resolve("notes.pdf"), null, List.of(List.of("Text.")));
        assertThat(DocumentReader.defaults().read(titled).documents().get(0).title()).isEqualTo("notes");
        Path blank = pdf(tmp.resolve("scan.pdf"), null, List.of(List.of()));
        assertThat(DocumentReader.defaults().read(blank).skipped()).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(SkippedFile.Reason.EMPTY));
    }

    private static Path pdf(Path file, String title, List<List<String>> pages) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            if (title != null) {
                pdf.getDocumentInformation().setTitle(title);
            }
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
                    out.beginText();
                    out.setFont(font, 12);
                    out.setLeading(16);
                    out.newLineAtOffset(72, 700);
                    for (String line : lines) {
                        out.showText(line);
                        out.newLine();
                    }
                    out.endText();
                }
            }
            pdf.save(file.toFile());
        }
        return file;
    }
}
