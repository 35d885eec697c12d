package dev.kiln.text.token;

/**
 * One pass over a text, finding tokens left to right without backtracking: at each position it
 * tries, in order, a URL, an e-mail address, an emoticon, an emoji, an acronym ("U.S."), a word
 * or number, and otherwise takes punctuation. Every recogniser looks ahead a bounded distance or
 * consumes what it reads; the two that can read far and fail (e-mail local parts and dotted
 * acronyms) remember where their failed run ended, so the pass stays linear in the text.
 */
final class TokenScanner {
    private static final int MAX_ACRONYM_SEGMENTS = 6;

    private final String text;
    private final int length;
    private int position;
    private int emailFailsBefore;
    private int acronymFailsBefore;

    int start;
    int end;
    TokenKind kind;

    TokenScanner(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** Finds the next token, setting {@link #start}, {@link #end} and {@link #kind}; false at the end of the text. */
    boolean next() {
        while (position < length) {
            int cp = text.codePointAt(position);
            if (isSkipped(cp)) {
                position += Character.charCount(cp);
                continue;
            }
            start = position;
            scanAt(cp);
            position = end;
            return true;
        }
        return false;
    }

    private void scanAt(int cp) {
        int i = start;
        if ((end = Urls.end(text, i)) > 0) {
            kind = TokenKind.URL;
        } else if (isWordChar(cp) && (end = emailEnd(i)) > 0) {
            kind = TokenKind.EMAIL;
        } else if ((end = Emoticons.end(text, i)) > 0) {
            kind = TokenKind.EMOTICON;
        } else if (mayStartEmoji(cp) && (end = Emoji.end(text, i)) > 0) {
            kind = TokenKind.EMOJI;
        } else if (Character.isLetter(cp) && (end = acronymEnd(i)) > 0) {
            kind = TokenKind.WORD;
        } else if (isWordChar(cp)) {
            scanWordOrNumber(i);
        } else {
            scanPunctuation(cp);
        }
    }

    private static boolean mayStartEmoji(int cp) {
        return cp > 0x7F || cp == '#' || cp == '*' || cp >= '0' && cp <= '9';
    }

    /** Spaces, control and format characters, and stray variation selectors separate tokens. */
    static boolean isSkipped(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || cp >= 0xFE00 && cp <= 0xFE0F;
    }

    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private int cpAt(int i) {
        return i < length ? text.codePointAt(i) : -1;
    }

    private void scanWordOrNumber(int i) {
        boolean letters = false;
        int j = i;
        while (true) {
            while (j < length) {
                int cp = text.codePointAt(j);
                if (isWordChar(cp)) {
                    letters |= Character.isLetter(cp);
                } else if (!isMark(cp) && !(Character.getType(cp) == Character.FORMAT && isWordChar(cpAt(j + Character.charCount(cp))))) {
                    break;
                }
                j += Character.charCount(cp);
            }
            int joined = joinerEnd(j);
            if (joined < 0) {
                break;
            }
            j = joined;
        }
        end = j;
        kind = letters ? TokenKind.WORD : TokenKind.NUMBER;
    }

    /**
     * When the char at {@code j} joins the word or number before it to what follows, the index
     * after the joiner (and, for thousands separators, after the three digits); -1 otherwise.
     */
    private int joinerEnd(int j) {
        if (j >= length) {
            return -1;
        }
        char c = text.charAt(j);
        int before = baseBefore(j);
        int after = cpAt(j + 1);
        if (after < 0) {
            return -1;
        }
        switch (c) {
            case '.':
                return Character.isDigit(before) && Character.isDigit(after) ? j + 1 : -1;
            case ',':
                if (Character.isDigit(before) && isDigitAt(j + 1) && isDigitAt(j + 2) && isDigitAt(j + 3) && !isDigitAt(j + 4)) {
                    return j + 4;
                }
                return -1;
            case '-', '\u2010', '\u2011', '_':
                boolean bothDigits = Character.isDigit(before) && Character.isDigit(after);
                return isWordChar(before) && isWordChar(after) && !bothDigits ? j + 1 : -1;
            case '\'', '\u2019':
                return isWordChar(before) && Character.isLetter(after) ? j + 1 : -1;
            default:
                return -1;
        }
    }

    /** The last code point before {@code j} that is not a combining mark. */
    private int baseBefore(int j) {
        int i = j;
        while (i > start) {
            int cp = text.codePointBefore(i);
            if (!isMark(cp)) {
                return cp;
            }
            i -= Character.charCount(cp);
        }
        return -1;
    }

    private boolean isDigitAt(int i) {
        return i < length && Character.isDigit(text.charAt(i));
    }

    /** Dotted abbreviations of two to six parts of one or two letters: "U.S.", "e.g.", "Ph.D.". */
    private int acronymEnd(int i) {
        if (i < acronymFailsBefore) {
            return -1;
        }
        int j = i;
        int segments = 0;
        while (true) {
            int k = j;
            int letters = 0;
            while (k < length && letters <= 2 && Character.isLetter(text.codePointAt(k))) {
                k += Character.charCount(text.codePointAt(k));
                letters++;
            }
            if (letters == 0 || letters > 2 || k >= length || text.charAt(k) != '.') {
                break;
            }
            segments++;
            j = k + 1;
        }
        if (segments < 2) {
            return -1;
        }
        if (segments > MAX_ACRONYM_SEGMENTS || j < length && isWordChar(text.codePointAt(j))) {
            acronymFailsBefore = j;
            return -1;
        }
        return j;
    }

    /**
     * An e-mail address: a local part of letters, digits and . _ % + - starting with a letter or
     * digit, "@", then at least two dot-separated domain labels of letters, digits and inner
     * hyphens, the last of at least two letters.
     */
    private int emailEnd(int i) {
        if (i < emailFailsBefore) {
            return -1;
        }
        int j = i;
        while (j < length) {
            int cp = text.codePointAt(j);
            if (!(isWordChar(cp) || cp == '.' || cp == '_' || cp == '%' || cp == '+' || cp == '-')) {
                break;
            }
            j += Character.charCount(cp);
        }
        if (j >= length || text.charAt(j) != '@' || text.charAt(j - 1) == '.') {
            emailFailsBefore = j;
            return -1;
        }
        int domainEnd = domainEnd(j + 1);
        if (domainEnd < 0) {
            emailFailsBefore = j;
            return -1;
        }
        return domainEnd;
    }

    private int domainEnd(int from) {
        int j = from;
        int labels = 0;
        int lastLabelStart = from;
        int end = -1;
        while (true) {
            int labelStart = j;
            while (j < length && (isWordChar(text.codePointAt(j)) || text.charAt(j) == '-')) {
                j += Character.charCount(text.codePointAt(j));
            }
            if (j == labelStart || text.charAt(labelStart) == '-' || text.charAt(j - 1) == '-') {
                break;
            }
            labels++;
            lastLabelStart = labelStart;
            if (labels >= 2 && isTopLevel(lastLabelStart, j)) {
                end = j;
            }
            if (j + 1 < length && text.charAt(j) == '.' && isWordChar(text.codePointAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return end;
    }

    private boolean isTopLevel(int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private void scanPunctuation(int cp) {
        int j = start + Character.charCount(cp);
        while (j < length && text.codePointAt(j) == cp) {
            j += Character.charCount(cp);
        }
        while (j < length && isMark(text.codePointAt(j))) {
            j += Character.charCount(text.codePointAt(j));
        }
        end = j;
        kind = TokenKind.PUNCT;
    }
}
