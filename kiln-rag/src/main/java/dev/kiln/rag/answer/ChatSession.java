package dev.kiln.rag.answer;

import dev.kiln.search.index.MetadataFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A conversation with a knowledge base: each question is made standalone with the previous turn
 * ({@link FollowUpRewriter}) before retrieval, and the turns are kept. Not thread-safe: one
 * session per conversation.
 */
public final class ChatSession {
    /** One exchange: what was asked, what was searched for, and the result. */
    public record Turn(String question, String standaloneQuery, QuestionAnswerer.Result result) {
    }

    private static final FollowUpRewriter REWRITER = new FollowUpRewriter();

    private final QuestionAnswerer answerer;
    private final int maxTurns;
    private final List<Turn> turns = new ArrayList<>();

    public ChatSession(QuestionAnswerer answerer, int maxTurns) {
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be >= 1");
        }
        this.answerer = answerer;
        this.maxTurns = maxTurns;
    }

    /**
     * Answers {@code question} in the context of the turns before it.
     *
     * @throws IllegalArgumentException for an empty question or one longer than the answerer accepts (as typed, before
     *     the previous turn's words are carried into it); the session goes on
     */
    public Turn ask(String question, Consumer<String> tokens) {
        answerer.checkQuestion(question);
        String previous = turns.isEmpty() ? null : turns.get(turns.size() - 1).standaloneQuery();
        String query = standalone(question, previous, answerer.settings().maxQuestionChars());
        QuestionAnswerer.Result r = answerer.ask(query, MetadataFilter.none(), tokens);
        Turn turn = new Turn(question, query, r);
        turns.add(turn);
        if (turns.size() > maxTurns) {
            turns.remove(0);
        }
        return turn;
    }

    /**
     * What a session asked {@code questions} in turn searches for at the last of them: the
     * standalone query of a conversation a client keeps (a stateless server's chat).
     */
    public static String standaloneQuery(List<String> questions, int maxQuestionChars) {
        String query = null;
        for (String q : questions) {
            query = standalone(q, query, maxQuestionChars);
        }
        return query;
    }

    /** {@code question} made standalone with {@code previous}; itself when that would be longer than the answerer accepts. */
    private static String standalone(String question, String previous, int maxQuestionChars) {
        String query = REWRITER.standalone(question, previous);
        return query.length() > maxQuestionChars ? question : query;
    }

    public List<Turn> turns() {
        return List.copyOf(turns);
    }
}
