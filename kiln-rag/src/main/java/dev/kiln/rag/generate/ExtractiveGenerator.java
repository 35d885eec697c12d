package dev.kiln.rag.generate;

import dev.kiln.search.UnitVectors;
import dev.kiln.text.encode.Embedder;
import dev.kiln.text.sentence.Sentence;
import dev.kiln.text.sentence.SentenceSplitter;
import dev.kiln.text.vectorize.TextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Answers offline by quoting: every sentence of the sources is scored against the question by the
 * cosine of sentence embeddings and by lexical overlap (the share of the question's stemmed
 * content words it holds), with a small bonus for a passage's opening sentences and for
 * better-ranked sources; the best sentences, none a near-repeat of another (as overlapping chunks
 * produce), make the answer in reading order, each
 * followed by its source's [n]. When even the best sentence scores below {@code minScore}, it
 * answers "I don't know" and names the closest sources instead. No model is downloaded: the
 * embedder is the one the knowledge base already uses.
 */
public final class ExtractiveGenerator implements Generator {

    /**
     * @param maxSentences  the most sentences an answer quotes
     * @param minScore      the score below which it abstains: 0.29 answers all 100 python_docs_qa questions (lowest best
     *                      score 0.30) and abstains on 9 of 10 off-topic ones (docs/rag.md)
     * @param semanticWeight the weight of embedding cosine against lexical overlap, in [0, 1]
     * @param margin        sentences after the best must score within this of it
     * @param redundancy    a sentence whose words overlap one already chosen by more than this (Jaccard) is left out
     * @param leadBonus     added to the first sentence of a passage (answers tend to lead)
     * @param maxCandidates the most sentences scored (from the best-ranked sources first)
     */
    public record Settings(int maxSentences, double minScore, double semanticWeight, double margin, double redundancy,
                           double leadBonus, int maxCandidates) {
        public Settings {
            if (maxSentences < 1) {
                throw new IllegalArgumentException("maxSentences must be >= 1, got " + maxSentences);
            }
            if (semanticWeight < 0 || semanticWeight > 1) {
                throw new IllegalArgumentException("semanticWeight must be in [0, 1], got " + semanticWeight);
            }
            if (margin < 0 || redundancy <= 0 || redundancy > 1 || leadBonus < 0 || maxCandidates < 1) {
                throw new IllegalArgumentException("margin and leadBonus must be >= 0, redundancy in (0, 1], maxCandidates >= 1");
            }
        }

        public static Settings defaults() {
            return new Settings(3, 0.29, 0.7, 0.12, 0.8, 0.15, 24);
        }

        public Settings withMinScore(double v) {
            return new Settings(maxSentences, v, semanticWeight, margin, redundancy, leadBonus, maxCandidates);
        }

        public Settings withMaxSentences(int v) {
            return new Settings(v, minScore, semanticWeight, margin, redundancy, leadBonus, maxCandidates);
        }
    }

    /** A sentence of a source with its scores. */
    public record ScoredSentence(int source, int position, String text, double cosine, double overlap, double score) {
    }

    private static final TextAnalyzer CONTENT_WORDS = TextAnalyzer.words().withStopWords(TextAnalyzer.StopWordList.ENGLISH)
            .withStemmer(TextAnalyzer.StemmerChoice.ENGLISH);

    private final Embedder embedder;
    private final Settings settings;

    public ExtractiveGenerator(Embedder embedder, Settings settings) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ExtractiveGenerator(Embedder embedder) {
        this(embedder, Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "extractive";
    }

    @Override
    public Answer answer(String question, List<Source> sources, Consumer<String> tokens) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("the question is empty");
        }
        if (sources.isEmpty()) {
            String text = "I don't know: no passage of the knowledge base matched the question.";
            tokens.accept(text);
            return new Answer(text, List.of(), true, name());
        }
        List<ScoredSentence> scored = score(question, sources);
        ScoredSentence best = scored.isEmpty() ? null : scored.get(0);
        if (best == null || best.score() < settings.minScore()) {
            List<Integer> closest = sources.stream().limit(3).map(Source::number).toList();
            StringBuilder text = new StringBuilder("I don't know: the sources do not seem to answer this. The closest are");
            for (int i = 0; i < closest.size(); i++) {
                Source s = sources.get(i);
                text.append(i == 0 ? " " : "; ").append('[').append(s.number()).append("] ")
                        .append(s.title().isBlank() ? s.documentId() : s.title());
            }
            text.append('.');
            tokens.accept(text.toString());
            return new Answer(text.toString(), closest, true, name());
        }
        List<ScoredSentence> chosen = choose(scored);
        chosen.sort(Comparator.comparingInt(ScoredSentence::source).thenComparingInt(ScoredSentence::position));
        StringBuilder text = new StringBuilder();
        Set<Integer> cited = new LinkedHashSet<>();
        for (ScoredSentence s : chosen) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(s.text().strip()).append(" [").append(s.source()).append(']');
            cited.add(s.source());
        }
        tokens.accept(text.toString());
        return new Answer(text.toString(), List.copyOf(cited), false, name());
    }

    /** Every candidate sentence of {@code sources} with its scores, best first. */
    public List<ScoredSentence> score(String question, List<Source> sources) {
        List<int[]> where = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Source s : sources) {
            for (Quotable q : quotableSentences(s.text())) {
                if (texts.size() == settings.maxCandidates()) {
                    break;
                }
                where.add(new int[] {s.number(), q.position()});
                texts.add(q.text());
            }
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        TextAnalyzer.Terms terms = CONTENT_WORDS.terms();
        Set<String> asked = new HashSet<>(terms.of(question));
        float[] q = embedder.embed(question);
        float[][] vectors = embedder.embed(texts);
        List<ScoredSentence> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            double cosine = UnitVectors.cosine(q, vectors[i]);
            double overlap = 0;
            if (!asked.isEmpty()) {
                Set<String> has = new HashSet<>(terms.of(texts.get(i)));
                has.retainAll(asked);
                overlap = has.size() / (double) asked.size();
            }
            int source = where.get(i)[0];
            int position = where.get(i)[1];
            double score = settings.semanticWeight() * cosine + (1 - settings.semanticWeight()) * overlap
                    + (position == 0 ? settings.leadBonus() : 0) + 0.02 / source;
            out.add(new ScoredSentence(source, position, texts.get(i), cosine, overlap, score));
        }
        out.sort(Comparator.comparingDouble(ScoredSentence::score).reversed());
        return out;
    }

    /** The sentences of a passage an answer may quote (prose, not code or markup), in order. */
    public static List<String> quotable(String passage) {
        return quotableSentences(passage).stream().map(Quotable::text).toList();
    }

    /** A quotable sentence and its position among all the sentences of its passage (0: the passage's first). */
    private record Quotable(int position, String text) {
    }

    private static List<Quotable> quotableSentences(String passage) {
        List<Sentence> sentences = SentenceSplitter.english().split(passage);
        List<Quotable> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (isProse(sentences.get(i).text())) {
                out.add(new Quotable(i, sentences.get(i).text()));
            }
        }
        return out;
    }

    /**
     * Whether a "sentence" reads as prose rather than code or markup: mostly letters and spaces,
     * no indented code lines, no reST directive, Markdown heading or code fence. An answer quotes prose only.
     */
    static boolean isProse(String sentence) {
        String t = sentence.strip();
        if (t.length() < 2 || t.startsWith("..") || t.startsWith(">>>") || t.startsWith("#") || t.startsWith("```") || t.contains("\n    ") || t.contains("\n\t")) {
            return false;
        }
        int letters = 0;
        int others = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c) || Character.isWhitespace(c)) {
                letters++;
            } else {
                others++;
            }
        }
        return letters >= 0.75 * (letters + others);
    }

    private List<ScoredSentence> choose(List<ScoredSentence> scored) {
        List<ScoredSentence> chosen = new ArrayList<>();
        ScoredSentence best = scored.get(0);
        for (ScoredSentence s : scored) {
            if (chosen.size() == settings.maxSentences() || s.score() < best.score() - settings.margin()) {
                break;
            }
            boolean repeat = false;
            for (ScoredSentence c : chosen) {
                if (similarWords(c.text(), s.text()) > settings.redundancy()) {
                    repeat = true;
                    break;
                }
            }
            if (!repeat) {
                chosen.add(s);
            }
        }
        return chosen;
    }

    /** Jaccard similarity of two sentences' lower-cased words: near-repeats (overlapping chunks) score near 1. */
    private static double similarWords(String a, String b) {
        Set<String> x = new HashSet<>(List.of(a.toLowerCase(Locale.ROOT).split("\\W+")));
        Set<String> y = new HashSet<>(List.of(b.toLowerCase(Locale.ROOT).split("\\W+")));
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return union.isEmpty() ? 0 : x.size() / (double) union.size();
    }
}
