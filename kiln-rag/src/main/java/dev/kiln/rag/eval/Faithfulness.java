package dev.kiln.rag.eval;

import dev.kiln.search.UnitVectors;
import dev.kiln.text.encode.Embedder;
import dev.kiln.text.sentence.Sentence;
import dev.kiln.text.sentence.SentenceSplitter;
import dev.kiln.text.vectorize.TextAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How much of an answer the retrieved context supports: the share of its sentences (citation
 * markers removed) that either have {@code minOverlap} of their stemmed content words in one
 * context chunk, or an embedding cosine of at least {@code minCosine} to one sentence of the
 * context. An answer with no sentences is fully faithful; one with sentences and no context, not.
 */
public final class Faithfulness {
    private static final Pattern CITATIONS = Pattern.compile("\\s*\\[\\d+(?:\\s*,\\s*\\d+)*]");
    private static final TextAnalyzer CONTENT_WORDS = TextAnalyzer.words().withStopWords(TextAnalyzer.StopWordList.ENGLISH)
            .withStemmer(TextAnalyzer.StemmerChoice.ENGLISH);

    private final Embedder embedder;
    private final double minOverlap;
    private final double minCosine;

    public Faithfulness(Embedder embedder, double minOverlap, double minCosine) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (minOverlap <= 0 || minOverlap > 1 || minCosine <= 0 || minCosine > 1) {
            throw new IllegalArgumentException("minOverlap and minCosine must lie in (0, 1]");
        }
        this.minOverlap = minOverlap;
        this.minCosine = minCosine;
    }

    /** Overlap 0.8 or cosine 0.8. */
    public Faithfulness(Embedder embedder) {
        this(embedder, 0.8, 0.8);
    }

    /** The supported share of {@code answer}'s sentences, in [0, 1]. */
    public double of(String answer, List<String> context) {
        List<String> claims = new ArrayList<>();
        for (Sentence s : SentenceSplitter.english().split(CITATIONS.matcher(answer).replaceAll(""))) {
            if (!s.text().isBlank()) {
                claims.add(s.text());
            }
        }
        if (claims.isEmpty()) {
            return 1;
        }
        if (context.isEmpty()) {
            return 0;
        }
        TextAnalyzer.Terms terms = CONTENT_WORDS.terms();
        List<Set<String>> chunkWords = new ArrayList<>();
        for (String c : context) {
            chunkWords.add(new HashSet<>(terms.of(c)));
        }
        List<String> unsupported = new ArrayList<>();
        int supported = 0;
        for (String claim : claims) {
            List<String> words = terms.of(claim);
            boolean ok = false;
            for (Set<String> chunk : chunkWords) {
                long found = words.stream().filter(chunk::contains).count();
                if (!words.isEmpty() && found >= minOverlap * words.size()) {
                    ok = true;
                    break;
                }
            }
            if (ok) {
                supported++;
            } else {
                unsupported.add(claim);
            }
        }
        if (!unsupported.isEmpty()) {
            List<String> contextSentences = new ArrayList<>();
            for (String c : context) {
                SentenceSplitter.english().split(c).forEach(s -> contextSentences.add(s.text()));
            }
            float[][] a = embedder.embed(unsupported);
            float[][] b = embedder.embed(contextSentences);
            for (float[] claim : a) {
                for (float[] evidence : b) {
                    if (UnitVectors.cosine(claim, evidence) >= minCosine) {
                        supported++;
                        break;
                    }
                }
            }
        }
        return supported / (double) claims.size();
    }
}
