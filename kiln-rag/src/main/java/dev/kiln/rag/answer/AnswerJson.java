package dev.kiln.rag.answer;

import dev.kiln.rag.generate.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An answer as {@code kiln rag ask --json} prints it and the server's {@code /api/kb/NAME/ask} returns it. */
public final class AnswerJson {
    /** The characters of a source's text shown with it. */
    public static final int SNIPPET_CHARS = 240;

    private AnswerJson() {
    }

    /**
     * {@code question}, {@code standalone_query} (when not null: what a chat turn searched for),
     * {@code answer}, {@code abstained}, {@code generator}, {@code sources} (number, whether cited,
     * document and chunk ids, title, location, score, snippet) and {@code timings}.
     */
    public static Map<String, Object> of(QuestionAnswerer.Result r, String standaloneQuery) {
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
            c.put("snippet", snippet(s.text()));
            citations.add(c);
        }
        out.put("sources", citations);
        out.put("timings", Map.of("retrieve_seconds", r.retrieveSeconds(), "generate_seconds", r.generateSeconds(),
                "total_seconds", r.retrieveSeconds() + r.generateSeconds()));
        return out;
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS - 1) + "…";
    }
}
