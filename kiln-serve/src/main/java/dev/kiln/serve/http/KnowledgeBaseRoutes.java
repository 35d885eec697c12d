package dev.kiln.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.rag.answer.AnswerJson;
import dev.kiln.rag.answer.ChatSession;
import dev.kiln.rag.answer.QuestionAnswerer;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.kb.ServedKnowledgeBases;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Questions to the knowledge bases {@code kiln rag ingest} built: {@code POST /api/kb/NAME/ask}
 * with {@code {"question": …}} and {@code POST /api/kb/NAME/chat} with the conversation so far as
 * chat messages ({@code {"messages": [{"role": "user", "content": …}, …]}}, the shape chat APIs
 * use). The server keeps no conversation state: a follow-up is made standalone from the user turns
 * the client sends, as {@code kiln rag chat} does from its own.
 */
final class KnowledgeBaseRoutes {
    private static final int MAX_K = 50;
    private static final int MAX_MESSAGES = 200;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    private final KilnServer server;
    private final ServedKnowledgeBases bases;

    KnowledgeBaseRoutes(KilnServer server, ServedKnowledgeBases bases) {
        this.server = server;
        this.bases = bases;
    }

    /** {@code GET /api/kb}: the knowledge bases, with their document counts and encoders. */
    void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : bases.names()) {
            try (ServedKnowledgeBases.Lease lease = bases.lease(name)) {
                Map<String, Object> kb = new LinkedHashMap<>();
                kb.put("name", name);
                kb.put("documents", lease.knowledgeBase().documents());
                kb.put("encoder", lease.knowledgeBase().index().settings().encoder());
                kb.put("generator", lease.answerer().generator().name());
                out.add(kb);
            }
        }
        KilnServer.json(ctx, 200, Map.of("knowledge_bases", out));
    }

    /** {@code POST /api/kb/NAME/ask}: {@code {"question": "…", "k": 5, "filter": {"document_id": "faq.md"}}}. */
    void ask(Context ctx) throws Exception {
        JsonNode body = KilnServer.body(ctx);
        List<Violation> problems = new ArrayList<>();
        String question = text(body, "question", problems);
        int k = k(body, problems);
        MetadataFilter filter = filter(body.get("filter"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, 0);
        }
        answer(ctx, List.of(question), false, k, filter, "/question");
    }

    /** {@code POST /api/kb/NAME/chat}: {@code {"messages": [{"role": "user", "content": "…"}, …], "k": 5}}; the last message is the user's. */
    void chat(Context ctx) throws Exception {
        JsonNode body = KilnServer.body(ctx);
        List<Violation> problems = new ArrayList<>();
        JsonNode messages = body.get("messages");
        List<String> asked = new ArrayList<>();
        if (!body.isObject() || messages == null || !messages.isArray() || messages.isEmpty()) {
            problems.add(new Violation("/messages", "expected {\"messages\": [{\"role\": \"user\", \"content\": \"…\"}, …]}, the conversation so far"));
        } else if (messages.size() > MAX_MESSAGES) {
            problems.add(new Violation("/messages", "holds " + messages.size() + " messages; at most " + MAX_MESSAGES + " are accepted"));
        } else {
            for (int i = 0; i < messages.size(); i++) {
                JsonNode m = messages.get(i);
                String role = m.path("role").asText("");
                if (!ROLES.contains(role)) {
                    problems.add(new Violation("/messages/" + i + "/role", "expected user, assistant or system, found " + m.get("role")));
                } else if (!m.path("content").isTextual()) {
                    problems.add(new Violation("/messages/" + i + "/content", "expected the message's text as a string"));
                } else if (role.equals("user")) {
                    asked.add(m.get("content").asText());
                }
            }
            if (problems.isEmpty() && !messages.get(messages.size() - 1).path("role").asText().equals("user")) {
                problems.add(new Violation("/messages/" + (messages.size() - 1) + "/role", "the last message must be the user's question"));
            }
        }
        int k = k(body, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, 0);
        }
        answer(ctx, asked, true, k, MetadataFilter.none(), "/messages/" + (messages.size() - 1) + "/content");
    }

    /**
     * Answers the last of the user's questions {@code asked} (found at {@code pointer}); in a
     * {@code conversation} it is first made standalone from the ones before it, and the answer
     * says what was searched for.
     */
    private void answer(Context ctx, List<String> asked, boolean conversation, int k, MetadataFilter filter, String pointer)
            throws Exception {
        String question = asked.get(asked.size() - 1);
        try (ServedKnowledgeBases.Lease lease = bases.lease(ctx.pathParam("name"))) {
            QuestionAnswerer answerer = lease.answerer(k);
            checked(answerer, question, pointer);
            String query = conversation ? ChatSession.standaloneQuery(asked, answerer.settings().maxQuestionChars()) : question;
            QuestionAnswerer.Result r = server.within(() -> answerer.ask(query, filter, t -> { }));
            Map<String, Object> out = AnswerJson.of(r, conversation ? query : null);
            out.put("question", question);
            KilnServer.json(ctx, 200, out);
        }
    }

    /** Refuses a question the answerer would refuse, naming where it is in the request. */
    private static void checked(QuestionAnswerer answerer, String question, String pointer) {
        try {
            answerer.checkQuestion(question);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new Violation(pointer, e.getMessage())), 0);
        }
    }

    private static String text(JsonNode body, String field, List<Violation> problems) {
        JsonNode v = body.get(field);
        if (!body.isObject() || v == null || !v.isTextual()) {
            problems.add(new Violation("/" + field, "expected {\"" + field + "\": \"…\"} with the " + field + " as a string"));
            return null;
        }
        return v.asText();
    }

    private static int k(JsonNode body, List<Violation> problems) {
        JsonNode v = body.get("k");
        if (v == null || v.isNull()) {
            return QuestionAnswerer.Settings.defaults().k();
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > MAX_K) {
            problems.add(new Violation("/k", "expected the number of sources, a whole number from 1 to " + MAX_K + ", found " + v));
            return 1;
        }
        return v.asInt();
    }

    /** {@code {"document_id": "faq.md", "lang": ["en", "de"]}}: chunks whose metadata key holds the value (or one of the values). */
    private static MetadataFilter filter(JsonNode filter, List<Violation> problems) {
        if (filter == null || filter.isNull()) {
            return MetadataFilter.none();
        }
        if (!filter.isObject()) {
            problems.add(new Violation("/filter", "expected an object of metadata keys and values, e.g. {\"document_id\": \"faq.md\"}"));
            return MetadataFilter.none();
        }
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : filter.properties()) {
            String at = "/filter/" + e.getKey().replace("~", "~0").replace("/", "~1");
            Set<String> values = new LinkedHashSet<>();
            if (e.getValue().isTextual()) {
                values.add(e.getValue().asText());
            } else if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                for (JsonNode v : e.getValue()) {
                    if (v.isTextual()) {
                        values.add(v.asText());
                    } else {
                        problems.add(new Violation(at, "expected strings, found " + v));
                    }
                }
            } else {
                problems.add(new Violation(at, "expected a string or a non-empty array of strings, found " + e.getValue()));
            }
            allowed.put(e.getKey(), values);
        }
        if (!problems.isEmpty()) {
            return MetadataFilter.none();
        }
        try {
            return new MetadataFilter(allowed);
        } catch (IllegalArgumentException e) {
            problems.add(new Violation("/filter", e.getMessage()));
            return MetadataFilter.none();
        }
    }
}
