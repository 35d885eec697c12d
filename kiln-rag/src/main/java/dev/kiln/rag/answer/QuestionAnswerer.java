package dev.kiln.rag.answer;

import dev.kiln.rag.generate.Answer;
import dev.kiln.rag.generate.Generator;
import dev.kiln.rag.generate.Source;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.rag.retrieve.MaximalMarginalRelevance;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.search.index.Passage;
import dev.kiln.search.index.PassageHit;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.search.retrieve.Retriever;
import dev.kiln.search.retrieve.SearchMode;
import dev.kiln.text.encode.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The RAG pipeline: retrieve candidate chunks (hybrid by default), diversify them by maximal
 * marginal relevance, number them as sources, and let a {@link Generator} answer from them.
 * Thread-safe when its generator is.
 */
public final class QuestionAnswerer {

    /**
     * @param k          the sources an answer is written from
     * @param candidates the chunks retrieved before diversification
     * @param mode       how chunks are ranked
     * @param mmrLambda  relevance against diversity (1 = relevance only)
     * @param maxQuestionChars the longest question accepted
     */
    public record Settings(int k, int candidates, SearchMode mode, double mmrLambda, int maxQuestionChars) {
        public Settings {
            if (k < 1 || candidates < k) {
                throw new IllegalArgumentException("need 1 <= k <= candidates, got k " + k + ", candidates " + candidates);
            }
            Objects.requireNonNull(mode, "mode");
            if (mmrLambda < 0 || mmrLambda > 1) {
                throw new IllegalArgumentException("mmrLambda must be in [0, 1], got " + mmrLambda);
            }
            if (maxQuestionChars < 1) {
                throw new IllegalArgumentException("maxQuestionChars must be >= 1");
            }
        }

        public static Settings defaults() {
            return new Settings(5, 20, SearchMode.HYBRID, 0.7, 2000);
        }

        public Settings withK(int v) {
            return new Settings(v, Math.max(v, candidates), mode, mmrLambda, maxQuestionChars);
        }

        public Settings withMode(SearchMode v) {
            return new Settings(k, candidates, v, mmrLambda, maxQuestionChars);
        }
    }

    /**
     * An answer with the sources it was written from, the documents of all candidates retrieved
     * (best first, each once), and where the time went.
     */
    public record Result(String question, Answer answer, List<Source> sources, List<String> rankedDocuments,
                         double retrieveSeconds, double generateSeconds) {
    }

    private final PassageIndex index;
    private final Retriever retriever;
    private final Embedder embedder;
    private final Generator generator;
    private final Settings settings;
    private final MaximalMarginalRelevance mmr;

    public QuestionAnswerer(KnowledgeBase kb, Embedder embedder, Generator generator, Settings settings) {
        this.index = kb.index();
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.retriever = new Retriever(index, embedder);
        this.generator = Objects.requireNonNull(generator, "generator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mmr = new MaximalMarginalRelevance(settings.mmrLambda());
    }

    public Generator generator() {
        return generator;
    }

    public Settings settings() {
        return settings;
    }

    /** The sources {@code question} retrieves, numbered from 1. */
    public List<Source> retrieve(String question, MetadataFilter filter) {
        return retrieval(question, filter).sources();
    }

    /** The ids of the documents whose chunks rank highest for {@code question}, best first, each once. */
    public List<String> rankedDocuments(String question, int n) {
        checkQuestion(question);
        return documents(retriever.search(question, Math.max(n, settings.candidates()), settings.mode(), MetadataFilter.none()), n);
    }

    /** Retrieves and answers {@code question}, streaming the answer's text to {@code tokens}. */
    public Result ask(String question, MetadataFilter filter, Consumer<String> tokens) {
        long t0 = System.nanoTime();
        Retrieval retrieval = retrieval(question, filter);
        long t1 = System.nanoTime();
        Answer answer = generator.answer(question, retrieval.sources(), tokens);
        long t2 = System.nanoTime();
        return new Result(question, answer, retrieval.sources(), documents(retrieval.candidates(), retrieval.candidates().size()),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private record Retrieval(List<PassageHit> candidates, List<Source> sources) {
    }

    /** One search for the candidates (the question embedded once, for the search and for MMR), then MMR and numbering. */
    private Retrieval retrieval(String question, MetadataFilter filter) {
        checkQuestion(question);
        float[] vector = settings.mode() == SearchMode.BM25 ? null : embedder.embed(question);
        List<PassageHit> hits = retriever.search(question, vector, settings.candidates(), settings.mode(), filter);
        List<PassageHit> chosen = hits;
        if (settings.mmrLambda() < 1 && hits.size() > settings.k()) {
            Map<String, float[]> vectors = index.vectors(hits.stream().map(PassageHit::id).toList());
            chosen = mmr.select(vector != null ? vector : embedder.embed(question), hits, vectors, settings.k());
        } else if (hits.size() > settings.k()) {
            chosen = hits.subList(0, settings.k());
        }
        List<Source> sources = new ArrayList<>(chosen.size());
        for (PassageHit h : chosen) {
            Passage p = h.passage();
            String documentId = p.metadata().getOrDefault(KnowledgeBase.DOCUMENT_ID, p.id());
            String location = p.metadata().getOrDefault(KnowledgeBase.SOURCE, "");
            String headings = p.metadata().getOrDefault(KnowledgeBase.HEADINGS, "");
            if (!headings.isEmpty()) {
                location = location.isEmpty() ? headings : location + " § " + headings;
            }
            sources.add(new Source(sources.size() + 1, p.id(), documentId, p.title(), location, p.text(), h.score()));
        }
        return new Retrieval(hits, sources);
    }

    /** The document ids of {@code hits}, best first, each once, at most {@code n}. */
    private static List<String> documents(List<PassageHit> hits, int n) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (PassageHit h : hits) {
            if (ids.size() == n) {
                break;
            }
            ids.add(h.passage().metadata().getOrDefault(KnowledgeBase.DOCUMENT_ID, h.id()));
        }
        return List.copyOf(ids);
    }

    public Result ask(String question) {
        return ask(question, MetadataFilter.none(), t -> { });
    }

    /**
     * Refuses what {@link #ask} would refuse.
     *
     * @throws IllegalArgumentException for an empty question or one longer than {@link Settings#maxQuestionChars()}
     */
    public void checkQuestion(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("the question is empty");
        }
        if (question.length() > settings.maxQuestionChars()) {
            throw new IllegalArgumentException("the question has " + question.length() + " characters; the most accepted is "
                    + settings.maxQuestionChars());
        }
    }
}
