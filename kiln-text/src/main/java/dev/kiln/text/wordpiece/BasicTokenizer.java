package dev.kiln.text.wordpiece;

import java.text.Normalizer;
import java.util.function.Consumer;

/**
 * BERT's BasicTokenizer, as HuggingFace's {@code BertNormalizer} + {@code BertPreTokenizer} run
 * it: drops NUL, U+FFFD and control characters (Unicode C*, keeping tab and line breaks), makes
 * every white space one space, puts spaces around CJK ideographs, strips accents (NFD, then
 * without the non-spacing marks, Mn), lower-cases, and splits at white space and around every
 * punctuation character (ASCII punctuation and Unicode P*), each of which is a word of its own.
 * Works code point by code point, in one pass.
 */
final class BasicTokenizer {
    private final boolean lowercase;
    private final boolean stripAccents;
    private final boolean splitCjk;

    BasicTokenizer(boolean lowercase, boolean stripAccents, boolean splitCjk) {
        this.lowercase = lowercase;
        this.stripAccents = stripAccents;
        this.splitCjk = splitCjk;
    }

    /** Gives each word of {@code text} to {@code words}, in order. */
    void words(String text, Consumer<String> words) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                continue;
            }
            if (isWhitespace(cp)) {
                flush(word, words);
            } else if (cp < 0x80) {
                if (isPunctuation(cp)) {
                    flush(word, words);
                    words.accept(String.valueOf((char) cp));
                } else {
                    word.append((char) (lowercase && cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
                }
            } else if (splitCjk && isCjk(cp)) {
                flush(word, words);
                words.accept(normalize(cp));
            } else {
                String normalized = normalize(cp);
                for (int j = 0; j < normalized.length(); ) {
                    int c = normalized.codePointAt(j);
                    j += Character.charCount(c);
                    if (isPunctuation(c)) {
                        flush(word, words);
                        words.accept(Character.toString(c));
                    } else {
                        word.appendCodePoint(c);
                    }
                }
            }
        }
        flush(word, words);
    }

    private static void flush(StringBuilder word, Consumer<String> words) {
        if (!word.isEmpty()) {
            words.accept(word.toString());
            word.setLength(0);
        }
    }

    /** One character with its accents stripped, then lower-cased, in that order as HuggingFace's normalizer does. */
    private String normalize(int cp) {
        String s = Character.toString(cp);
        if (stripAccents) {
            String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
            StringBuilder kept = new StringBuilder(decomposed.length());
            decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(kept::appendCodePoint);
            s = kept.toString();
        }
        if (!lowercase) {
            return s;
        }
        StringBuilder lower = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == 0x130) {
                lower.append("i\u0307");   // İ: the one full lower-case mapping of more than one character
            } else {
                lower.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return lower.toString();
    }

    /** Unicode categories Cc, Cf, Cn, Co, Cs, except tab, line feed and carriage return. */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** Tab, line breaks and the Unicode space, line and paragraph separators (Zs, Zl, Zp). */
    static boolean isWhitespace(int cp) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** ASCII punctuation (which includes $, +, <, =, >, ^, ` and |) and Unicode categories Pc, Pd, Pe, Pf, Pi, Po, Ps. */
    static boolean isPunctuation(int cp) {
        if (cp >= 33 && cp <= 47 || cp >= 58 && cp <= 64 || cp >= 91 && cp <= 96 || cp >= 123 && cp <= 126) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideographs blocks (and extensions A to E) and the compatibility ideographs, as BERT lists them. */
    static boolean isCjk(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF
                || cp >= 0x3400 && cp <= 0x4DBF
                || cp >= 0x20000 && cp <= 0x2A6DF
                || cp >= 0x2A700 && cp <= 0x2B73F
                || cp >= 0x2B740 && cp <= 0x2B81F
                || cp >= 0x2B820 && cp <= 0x2CEAF
                || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0x2F800 && cp <= 0x2FA1F;
    }
}
