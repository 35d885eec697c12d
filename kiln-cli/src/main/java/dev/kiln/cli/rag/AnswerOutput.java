package dev.kiln.cli.rag;

import dev.kiln.cli.output.Table;
import dev.kiln.rag.answer.QuestionAnswerer;
import dev.kiln.rag.generate.Source;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How ask and chat show an answer: the text, then the sources it cites. */
final class AnswerOutput {
    private AnswerOutput() {
    }

    static Map<String, Object> json(QuestionAnswerer.Result r, String standaloneQuery) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", r.question());
        if (standaloneQuery != null) {
            out.put("standalone_query", standaloneQuery);
        }
        out.put("answer", r.answer().text());
        out.put("abstained", r.answer().abstained());
        out.put("generator", r.answer().generator());
        List<Map<String, Object>> citations = new ArrayList<>();
        for (Source s : r.sources()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("number", s.number());
            c.put("cited", r.answer().cited().contains(s.number()));
            c.put("document_id", s.documentId());
            c.put("chunk_id", s.chunkId());
            c.put("title", s.title());
            c.put("source", s.location());
            c.put("score", s.score());
            c.put("snippet", Table.snippet(s.text(), 240));
            citations.add(c);
        }
        out.put("sources", citations);
        out.put("timings", Map.of("retrieve_seconds", r.retrieveSeconds(), "generate_seconds", r.generateSeconds(),
                "total_seconds", r.retrieveSeconds() + r.generateSeconds()));
        return out;
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
