package dev.kiln.text.stop;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvOptions;
import dev.kiln.core.io.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of stop words: words so frequent that they say little about a document, left out before
 * counting words. {@link #english()} is the Snowball project's English list (174 words);
 * {@link #english(Lexicon, Lexicon...)} gives the SMART (Lewis et al. 2004) and Onix lists, or
 * any union of the three, as packaged by the R package tidytext. Words are compared
 * exactly, so look up lower-cased tokens: the lists are lower case and include contractions
 * whole ("don't", "it's"), matching a tokenizer that keeps contractions. Immutable.
 */
public final class StopWords {
    private static final String RESOURCE = "english_stop_words.csv";

    /** The word lists in {@code english_stop_words.csv}. */
    public enum Lexicon {
        /** The Snowball English list: 174 words, pronouns, auxiliaries, contractions, conjunctions, prepositions. */
        SNOWBALL("snowball"),
        /** The SMART system's list (Lewis et al. 2004, JMLR RCV1 appendix): 570 words. */
        SMART("SMART"),
        /** The Onix Text Retrieval Toolkit's list: 398 words. */
        ONIX("onix");

        private final String label;

        Lexicon(String label) {
            this.label = label;
        }
    }

    private final Set<String> words;

    private StopWords(Set<String> words) {
        this.words = Collections.unmodifiableSet(words);
    }

    /** The Snowball English list. */
    public static StopWords english() {
        return English.BY_LEXICON.get(Lexicon.SNOWBALL);
    }

    /** The union of the given English lists, for example {@code english(Lexicon.SMART)}. */
    public static StopWords english(Lexicon first, Lexicon... more) {
        if (first == null) {
            throw new IllegalArgumentException("name at least one lexicon: SNOWBALL, SMART or ONIX");
        }
        StopWords union = English.BY_LEXICON.get(first);
        for (Lexicon lexicon : more) {
            if (lexicon == null) {
                throw new IllegalArgumentException("lexicons must not be null; expected SNOWBALL, SMART or ONIX");
            }
            union = union.with(English.BY_LEXICON.get(lexicon).words);
        }
        return union;
    }

    /** A custom list. */
    public static StopWords of(String... words) {
        return of(List.of(words));
    }

    /** A custom list; duplicates are dropped. */
    public static StopWords of(Collection<String> words) {
        return new StopWords(validated(words, new TreeSet<>()));
    }

    private static TreeSet<String> validated(Collection<String> words, TreeSet<String> into) {
        if (words == null) {
            throw new IllegalArgumentException("stop words must not be null");
        }
        for (String word : words) {
            if (word == null || word.isEmpty()) {
                throw new IllegalArgumentException("stop words must be non-empty strings, got "
                        + (word == null ? "null" : "\"\"") + " among " + words.size() + " words");
            }
            into.add(word);
        }
        return into;
    }

    public boolean contains(String word) {
        return words.contains(word);
    }

    public int size() {
        return words.size();
    }

    /** The words, in alphabetical order. */
    public Set<String> words() {
        return words;
    }

    /** These words and {@code more}. */
    public StopWords with(Collection<String> more) {
        return new StopWords(validated(more, new TreeSet<>(words)));
    }

    /** These words and {@code more}. */
    public StopWords with(String... more) {
        return with(List.of(more));
    }

    /** These words without {@code fewer}: "not" and "no" matter for sentiment, for instance. */
    public StopWords without(Collection<String> fewer) {
        TreeSet<String> kept = new TreeSet<>(words);
        kept.removeAll(validated(fewer, new TreeSet<>()));
        return new StopWords(kept);
    }

    /** These words without {@code fewer}. */
    public StopWords without(String... fewer) {
        return without(List.of(fewer));
    }

    /** The tokens that are not stop words, in order. */
    public List<String> removeFrom(List<String> tokens) {
        List<String> kept = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (!words.contains(token)) {
                kept.add(token);
            }
        }
        return kept;
    }

    @Override
    public String toString() {
        return "StopWords(" + words.size() + " words)";
    }

    /** The packaged lists, read on first use. */
    private static final class English {
        static final Map<Lexicon, StopWords> BY_LEXICON = read();

        private static Map<Lexicon, StopWords> read() {
            CsvOptions options = CsvOptions.builder().missingMarkers(List.of())
                    .type("word", ColumnType.TEXT).type("lexicon", ColumnType.TEXT).build();
            Frame frame;
            try (InputStream in = StopWords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the stop word list " + RESOURCE + " is missing from kiln-text's resources");
                }
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                frame = CsvReader.read(reader, RESOURCE, options);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the stop word list " + RESOURCE, e);
            }
            Column word = frame.column("word");
            Column lexicon = frame.column("lexicon");
            Map<Lexicon, TreeSet<String>> lists = new EnumMap<>(Lexicon.class);
            for (Lexicon l : Lexicon.values()) {
                lists.put(l, new TreeSet<>());
            }
            for (int row = 0; row < frame.rowCount(); row++) {
                lists.get(lexicon(lexicon.text(row), row)).add(word.text(row));
            }
            Map<Lexicon, StopWords> result = new EnumMap<>(Lexicon.class);
            lists.forEach((l, words) -> result.put(l, new StopWords(words)));
            return result;
        }

        private static Lexicon lexicon(String label, int row) {
            for (Lexicon l : Lexicon.values()) {
                if (l.label.equals(label)) {
                    return l;
                }
            }
            throw new IllegalStateException(RESOURCE + " line " + (row + 2) + ": unknown lexicon '" + label
                    + "'; expected snowball, SMART or onix");
        }
    }
}
