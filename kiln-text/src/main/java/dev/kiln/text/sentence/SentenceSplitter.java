package dev.kiln.text.sentence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Splits text into sentences with rules in the spirit of the Stanford and Punkt splitters
 * (without Punkt's unsupervised training). A sentence ends at a run of terminators (. ! ? … and
 * the full-width 。！？), with any closing quotes or brackets after it, when a space or the end
 * of the text follows and the next word does not start with a lower-case letter. A full stop
 * does not end a sentence after:
 * <ul>
 *   <li>an abbreviation that comes before a name or number: titles (Mr., Dr., Prof.), "e.g.",
 *       "i.e.", "vs.", "cf.", "No.", "Fig." and others, plus any added with
 *       {@link #withAbbreviations};</li>
 *   <li>a single capital letter, an initial ("J. R. R. Tolkien");</li>
 *   <li>a number that opens the sentence, an item number ("1. Preheat the oven.").</li>
 * </ul>
 * After abbreviations that may also end a sentence (etc., Inc., Jr., a.m., p.m., and dotted
 * ones like U.S. and Ph.D.) a sentence ends only when the next word is capitalised, so "the U.S.
 * Army" is split where "the U.S. army" is not. Decimals ("3.14"), ellipses followed by
 * lower case, and stops inside URLs and e-mail addresses (no space follows) never split, and a
 * blank line always does. Instances are immutable and thread-safe.
 */
public final class SentenceSplitter {
    private static final Set<String> NEVER_FINAL = Set.of(
            "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "hon", "st", "mt", "ft", "gen", "col", "capt", "lt", "sgt",
            "cmdr", "adm", "gov", "sen", "rep", "pres", "supt", "messrs", "mme", "mlle",
            "e.g", "i.e", "vs", "viz", "cf", "approx", "ca", "no", "nos", "vol", "vols", "fig", "figs", "eq", "eqs",
            "ch", "sec", "pp", "art", "dept", "est", "ref", "refs");
    private static final Set<String> MAY_END = Set.of(
            "etc", "inc", "ltd", "co", "corp", "jr", "sr", "al", "bros", "llc", "plc",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    private static final SentenceSplitter ENGLISH = new SentenceSplitter(NEVER_FINAL);

    private final Set<String> neverFinal;

    private SentenceSplitter(Set<String> neverFinal) {
        this.neverFinal = neverFinal;
    }

    /** The splitter with the English abbreviations above. */
    public static SentenceSplitter english() {
        return ENGLISH;
    }

    /**
     * This splitter, also treating {@code abbreviations} (with or without their final full stop,
     * any case: "Approx.", "dept") as never ending a sentence.
     */
    public SentenceSplitter withAbbreviations(String... abbreviations) {
        return withAbbreviations(List.of(abbreviations));
    }

    /** As {@link #withAbbreviations(String...)}. */
    public SentenceSplitter withAbbreviations(Collection<String> abbreviations) {
        Set<String> merged = new HashSet<>(neverFinal);
        for (String a : abbreviations) {
            if (a == null || a.isBlank() || a.chars().anyMatch(Character::isWhitespace) || a.equals(".")) {
                throw new IllegalArgumentException("an abbreviation must be one word such as \"approx.\" or \"dept\", got "
                        + (a == null ? "null" : "\"" + a + "\""));
            }
            String key = a.toLowerCase(Locale.ROOT);
            merged.add(key.endsWith(".") ? key.substring(0, key.length() - 1) : key);
        }
        return new SentenceSplitter(Set.copyOf(merged));
    }

    /** The sentences of {@code text} in order, with their offsets. */
    public List<Sentence> split(String text) {
        Objects.requireNonNull(text, "text");
        List<Sentence> sentences = new ArrayList<>();
        int n = text.length();
        int sentenceStart = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                int afterBlank = blankLineEnd(text, i);
                if (afterBlank > 0) {
                    add(text, sentenceStart, i, sentences);
                    sentenceStart = afterBlank;
                    i = afterBlank;
                    continue;
                }
            } else if (isTerminator(c)) {
                int runEnd = i;
                boolean fullWidth = false;
                while (runEnd < n && isTerminator(text.charAt(runEnd))) {
                    fullWidth |= isFullWidthTerminator(text.charAt(runEnd));
                    runEnd++;
                }
                int end = runEnd;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                boolean spaceFollows = end == n || Character.isWhitespace(text.charAt(end)) || Character.isSpaceChar(text.charAt(end));
                if ((fullWidth || spaceFollows) && endsSentence(text, sentenceStart, i, runEnd, end)) {
                    add(text, sentenceStart, end, sentences);
                    sentenceStart = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        add(text, sentenceStart, n, sentences);
        return sentences;
    }

    /** Just the texts of {@link #split(String)}'s sentences. */
    public List<String> sentences(String text) {
        List<Sentence> sentences = split(text);
        List<String> texts = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            texts.add(s.text());
        }
        return texts;
    }

    private boolean endsSentence(String text, int sentenceStart, int runStart, int runEnd, int end) {
        int next = nextWordStart(text, end);
        if (next < text.length() && Character.isLowerCase(text.codePointAt(next))) {
            return false;
        }
        if (runEnd - runStart != 1 || text.charAt(runStart) != '.') {
            return true;
        }
        int wordStart = runStart;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        while (wordStart < runStart && isOpener(text.charAt(wordStart))) {
            wordStart++;
        }
        if (wordStart == runStart) {
            return true;
        }
        String word = text.substring(wordStart, runStart);
        String key = word.toLowerCase(Locale.ROOT);
        if (neverFinal.contains(key)) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        if (isDigits(word) && text.substring(sentenceStart, wordStart).isBlank()) {
            return false;
        }
        if (MAY_END.contains(key) || isDotted(word)) {
            return next < text.length() && Character.isUpperCase(text.codePointAt(next));
        }
        return true;
    }

    /** The index of the first letter or digit after the spaces and opening quotes or brackets from {@code i}. */
    private static int nextWordStart(String text, int i) {
        int j = i;
        while (j < text.length() && (Character.isWhitespace(text.charAt(j)) || Character.isSpaceChar(text.charAt(j))
                || isOpener(text.charAt(j)))) {
            j++;
        }
        return j;
    }

    /** The index after a blank line starting with the newline at {@code i}, or -1 when the next line is not blank. */
    private static int blankLineEnd(String text, int i) {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '\n' ? j + 1 : -1;
    }

    private static void add(String text, int start, int end, List<Sentence> sentences) {
        int s = start;
        int e = end;
        while (s < e && isSpace(text.charAt(s))) {
            s++;
        }
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            sentences.add(new Sentence(text.substring(s, e), s, e));
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || isFullWidthTerminator(c);
    }

    private static boolean isFullWidthTerminator(char c) {
        return c == '。' || c == '！' || c == '？';
    }

    private static boolean isCloser(char c) {
        return switch (c) {
            case '"', '\'', '”', '’', ')', ']', '}', '»', '」', '』' -> true;
            default -> false;
        };
    }

    private static boolean isOpener(char c) {
        return switch (c) {
            case '"', '\'', '“', '‘', '(', '[', '{', '«', '「', '『' -> true;
            default -> false;
        };
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Letters with inner full stops, such as "U.S" or "Ph.D". */
    private static boolean isDotted(String word) {
        boolean dot = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '.') {
                if (i == 0 || word.charAt(i - 1) == '.') {
                    return false;
                }
                dot = true;
            } else if (!Character.isLetter(c)) {
                return false;
            }
        }
        return dot;
    }
}
