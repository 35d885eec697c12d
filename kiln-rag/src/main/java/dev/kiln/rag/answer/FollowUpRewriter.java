package dev.kiln.rag.answer;

import dev.kiln.text.vectorize.TextAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a follow-up question stand alone before retrieval, without a language model: when it
 * leans on the previous turn (a pronoun such as "it" or "that", or fewer than three content
 * words), the content words of the previous standalone question that it lacks are carried over,
 * e.g. "How do I copy a list?" then "and a dict?" becomes "and a dict? (copy list)".
 */
public final class FollowUpRewriter {
    private static final Pattern REFERRING = Pattern.compile(
            "\\b(it|its|it's|they|them|their|this|that|these|those|he|she|him|her|one|ones|there|same|also|else|instead)\\b");
    private static final TextAnalyzer CONTENT_WORDS = TextAnalyzer.words().withStopWords(TextAnalyzer.StopWordList.ENGLISH);
    private static final int MAX_CARRIED = 6;

    /** {@code followUp} as a standalone query, given the previous turn's standalone query (null for none). */
    public String standalone(String followUp, String previous) {
        if (previous == null || previous.isBlank()) {
            return followUp;
        }
        TextAnalyzer.Terms terms = CONTENT_WORDS.terms();
        List<String> own = terms.of(followUp);
        boolean leans = own.size() < 3 || REFERRING.matcher(followUp.toLowerCase(Locale.ROOT)).find();
        if (!leans) {
            return followUp;
        }
        Set<String> have = new LinkedHashSet<>(own);
        List<String> carried = new ArrayList<>();
        for (String w : terms.of(previous.replaceAll("\\(([^)]*)\\)\\s*$", "$1"))) {
            if (carried.size() == MAX_CARRIED) {
                break;
            }
            if (!have.contains(w) && !carried.contains(w) && w.length() > 1) {
                carried.add(w);
            }
        }
        return carried.isEmpty() ? followUp : followUp.strip() + " (" + String.join(" ", carried) + ")";
    }
}
