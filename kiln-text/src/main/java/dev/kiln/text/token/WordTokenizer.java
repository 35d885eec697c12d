package dev.kiln.text.token;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits text into words, numbers, URLs, e-mail addresses, emoticons, emoji and punctuation, in
 * one left-to-right pass with no regular expressions (time linear in the text). Unicode-aware:
 * letters and digits of any script make words, combining marks stay with their letter, and
 * emoji sequences (skin tones, flags, keycaps, ZWJ families) are one token each.
 *
 * <p>Rules, in the order they are tried at each position:
 * <ul>
 *   <li>URL: from {@code http://}, {@code https://}, {@code ftp://} or {@code www.} to the next
 *       space, without trailing sentence punctuation or unbalanced closing brackets;</li>
 *   <li>EMAIL: {@code local@domain.tld};</li>
 *   <li>EMOTICON: common ASCII emoticons (":-)", ";)", ":'(", "<3", "^_^", "XD"), not inside a word or number;</li>
 *   <li>EMOJI: one emoji sequence as Unicode TS #51 defines them;</li>
 *   <li>WORD: letters and digits, joined across inner hyphens and underscores ("state-of-the-art",
 *       "COVID-19", "snake_case") and apostrophes ("don't", "O'Neill"); dotted abbreviations of
 *       two to six one- and two-letter parts ("U.S.", "e.g.", "Ph.D.") keep their dots;</li>
 *   <li>NUMBER: digits with decimal points between digits and comma thousands separators
 *       followed by exactly three digits ("3.14", "1,000,000.5"); signs and units are separate
 *       tokens;</li>
 *   <li>PUNCT: anything else that is not a space; a run of one repeated character ("...",
 *       "!!") is one token.</li>
 * </ul>
 * Scripts written without spaces (Chinese, Japanese, Thai) come out as one word per run of
 * letters: there is no dictionary segmentation. Instances are immutable and thread-safe.
 */
public final class WordTokenizer {
    private static final String[] CLITICS = {"n't", "'ll", "'re", "'ve", "'s", "'m", "'d"};

    private final TokenizerOptions options;

    /** A tokenizer with {@link TokenizerOptions#defaults()}. */
    public WordTokenizer() {
        this(TokenizerOptions.defaults());
    }

    public WordTokenizer(TokenizerOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("tokenizer options must not be null; use TokenizerOptions.defaults()");
        }
        this.options = options;
    }

    public TokenizerOptions options() {
        return options;
    }

    /** The tokens of {@code text} in order, with their kinds and offsets. */
    public List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        List<Token> tokens = new ArrayList<>(Math.max(4, text.length() / 5));
        TokenScanner scanner = new TokenScanner(text);
        while (scanner.next()) {
            if (scanner.kind == TokenKind.WORD && options.contractions() == Contractions.SPLIT) {
                addSplit(text, scanner.start, scanner.end, tokens);
            } else {
                add(text, scanner.kind, scanner.start, scanner.end, tokens);
            }
        }
        return tokens;
    }

    /** Just the texts of {@link #tokenize(String)}'s tokens. */
    public List<String> texts(String text) {
        List<Token> tokens = tokenize(text);
        List<String> texts = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            texts.add(token.text());
        }
        return texts;
    }

    /** Adds the word at [start, end), split before its clitics ("shouldn't've" → "should" "n't" "'ve"). */
    private void addSplit(String text, int start, int end, List<Token> tokens) {
        int insertAt = tokens.size();
        int wordEnd = end;
        while (true) {
            int cliticStart = cliticStart(text, start, wordEnd);
            if (cliticStart < 0) {
                break;
            }
            tokens.add(insertAt, token(text, TokenKind.WORD, cliticStart, wordEnd));
            wordEnd = cliticStart;
        }
        tokens.add(insertAt, token(text, TokenKind.WORD, start, wordEnd));
    }

    /** Where a clitic ends the word [start, end), leaving a non-empty word before it; -1 if none does. */
    private static int cliticStart(String text, int start, int end) {
        for (String clitic : CLITICS) {
            int at = end - clitic.length();
            if (at > start && matchesClitic(text, at, clitic)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean matchesClitic(String text, int at, String clitic) {
        for (int k = 0; k < clitic.length(); k++) {
            char expected = clitic.charAt(k);
            char actual = text.charAt(at + k);
            boolean same = expected == '\'' ? actual == '\'' || actual == '\u2019' : Character.toLowerCase(actual) == expected;
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private void add(String text, TokenKind kind, int start, int end, List<Token> tokens) {
        tokens.add(token(text, kind, start, end));
    }

    private Token token(String text, TokenKind kind, int start, int end) {
        String s = text.substring(start, end);
        if (kind == TokenKind.WORD || kind == TokenKind.EMAIL) {
            if (options.foldAccents()) {
                s = foldAccents(s);
            }
            if (options.lowercase()) {
                s = s.toLowerCase(Locale.ROOT);
            }
        }
        return new Token(s, kind, start, end);
    }

    /** {@code s} without combining diacritical marks, recomposed; unchanged when it is all ASCII. */
    static String foldAccents(String s) {
        if (isAscii(s)) {
            return s;
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            if (!isDiacritic(cp)) {
                kept.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        String folded = Normalizer.normalize(kept, Normalizer.Form.NFC);
        return folded.isEmpty() ? s : folded;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDiacritic(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.COMBINING_DIACRITICAL_MARKS
                || block == Character.UnicodeBlock.COMBINING_DIACRITICAL_MARKS_EXTENDED
                || block == Character.UnicodeBlock.COMBINING_DIACRITICAL_MARKS_SUPPLEMENT
                || block == Character.UnicodeBlock.COMBINING_MARKS_FOR_SYMBOLS
                || block == Character.UnicodeBlock.COMBINING_HALF_MARKS;
    }
}
