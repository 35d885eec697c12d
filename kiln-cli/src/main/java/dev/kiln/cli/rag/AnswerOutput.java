package dev.kiln.cli.rag;

import dev.kiln.cli.output.Table;
import dev.kiln.rag.answer.QuestionAnswerer;
import dev.kiln.rag.generate.Source;
import java.io.PrintWriter;
import java.util.Locale;

/** How ask and chat show an answer: the text, then the sources it cites. */
final class AnswerOutput {
    private AnswerOutput() {
    }

    /** The cited sources under an answer already printed. */
    static void sources(PrintWriter out, QuestionAnswerer.Result r) {
        for (Source s : r.sources()) {
            if (r.answer().cited().contains(s.number())) {
                out.printf(Locale.ROOT, "  [%d] %s%s — %s%n", s.number(), s.title().isBlank() ? s.documentId() : s.title(),
                        s.location().isBlank() ? "" : " (" + s.location() + ")", Table.snippet(s.text(), 100));
            }
        }
    }
}
