package dev.kiln.text.lemma;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A dictionary lemmatizer for English: WordNet's morphy (morphy(7WN); Miller 1995, "WordNet: a
 * lexical database for English") over WordNet 3.1's exception lists and lemma index, as NLTK's
 * {@code WordNetLemmatizer} applies it. It needs the part of speech: "better" is "good" as an
 * adjective and "well" as an adverb, "leaves" is "leaf" as a noun and "leave" as a verb.
 * Irregular forms come from the exception lists ("geese" → "goose", "ran" → "run"), regular
 * ones from suffix rules checked against the dictionary ("boxes" → "box", "stopped" → "stop").
 *
 * <p>Words are stripped and lower-cased. Collocations may be written with spaces, which become
 * the underscores WordNet writes and are spaces again in the answer ("hot dogs" → "hot dog"),
 * or as WordNet writes them ("hot_dogs" → "hot_dog", "mothers-in-law" → "mother-in-law"). The
 * data (4.4 MB of heap) is read once, on the first call to {@link #english()}; the lemmatizer is
 * immutable and safe to share between threads.
 */
public final class WordNetLemmatizer {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Morphy morphy;

    WordNetLemmatizer(WordNet wordNet) {
        this.morphy = new Morphy(wordNet);
    }

    /** The lemmatizer over the packaged WordNet 3.1; the first call reads it, in about 0.15 s. */
    public static WordNetLemmatizer english() {
        return Shared.ENGLISH;
    }

    /** The lemma of {@code word} as a noun, NLTK's default. */
    public String lemmatize(String word) {
        return lemmatize(word, Pos.NOUN);
    }

    /**
     * The shortest of {@link #lemmas(String, Pos) lemmas(word, pos)}, the first of them on a tie,
     * as NLTK's {@code min(lemmas, key=len)}; {@code word} unchanged when there are none. A form
     * that is a lemma itself competes with its base forms, so "saw" stays "saw" as a verb (the
     * exception list's "see" is no shorter) and "best" stays "best" as an adverb ("well" ties).
     */
    public String lemmatize(String word, Pos pos) {
        List<String> lemmas = lemmas(word, pos);
        if (lemmas.isEmpty()) {
            return word;
        }
        String shortest = lemmas.getFirst();
        for (String lemma : lemmas) {
            if (lemma.length() < shortest.length()) {
                shortest = lemma;
            }
        }
        return shortest;
    }

    /**
     * Every lemma of {@code word} as {@code pos}, in the order morphy finds them: the word itself
     * first when it is a lemma, then the base forms. Empty when WordNet knows none.
     */
    public List<String> lemmas(String word, Pos pos) {
        if (word == null) {
            throw new IllegalArgumentException("the word to lemmatize must not be null");
        }
        if (pos == null) {
            throw new IllegalArgumentException("the part of speech must not be null; expected NOUN, VERB, ADJECTIVE or ADVERB");
        }
        String stripped = word.strip();
        String form = WHITESPACE.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll("_");
        List<String> lemmas = morphy.lemmas(form, pos);
        if (!form.equals(stripped.toLowerCase(Locale.ROOT))) {
            return lemmas.stream().map(lemma -> lemma.replace('_', ' ')).toList();
        }
        return lemmas;
    }

    private static final class Shared {
        static final WordNetLemmatizer ENGLISH = new WordNetLemmatizer(WordNet.packaged());
    }
}
