package dev.kiln.text.token;

/**
 * Recognises web addresses that start with {@code http://}, {@code https://}, {@code ftp://} or
 * {@code www.} (any case). An address runs to the next space, angle bracket or quote; trailing
 * sentence punctuation is left out, and so is a closing bracket without its opening one inside
 * the address, so "(see https://en.wikipedia.org/wiki/Pi_(letter))." keeps the inner parentheses.
 */
final class Urls {
    private static final String[] PREFIXES = {"https://", "http://", "ftp://", "www."};

    private Urls() {
    }

    /** The end of the address starting at {@code i}, or -1 when none starts there. */
    static int end(String text, int i) {
        char first = text.charAt(i);
        if (first != 'h' && first != 'H' && first != 'f' && first != 'F' && first != 'w' && first != 'W') {
            return -1;
        }
        if (i > 0 && Character.isLetterOrDigit(text.codePointBefore(i))) {
            return -1;
        }
        int bodyStart = -1;
        for (String prefix : PREFIXES) {
            if (text.regionMatches(true, i, prefix, 0, prefix.length())) {
                bodyStart = i + prefix.length();
                break;
            }
        }
        if (bodyStart < 0) {
            return -1;
        }
        int end = bodyStart;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            if (endsAddress(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        end = trimTrailing(text, bodyStart, end);
        if (end == bodyStart || !Character.isLetterOrDigit(text.codePointAt(bodyStart))) {
            return -1;
        }
        return end;
    }

    private static boolean endsAddress(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || cp == '<' || cp == '>' || cp == '"' || cp == '`'
                || cp == '“' || cp == '”' || cp == '‘' || cp == '’' || cp == '«' || cp == '»';
    }

    private static int trimTrailing(String text, int start, int end) {
        int[] balance = new int[3];
        for (int i = start; i < end; i++) {
            int b = bracket(text.charAt(i));
            if (b >= 0) {
                balance[b % 3] += b < 3 ? 1 : -1;
            }
        }
        while (end > start) {
            char last = text.charAt(end - 1);
            int b = bracket(last);
            boolean unmatchedClose = b >= 3 && balance[b - 3] < 0;
            if (!unmatchedClose && ".,;:!?'*".indexOf(last) < 0) {
                return end;
            }
            if (b >= 3) {
                balance[b - 3]++;
            }
            end--;
        }
        return end;
    }

    /** 0, 1, 2 for the opening brackets ( [ {, 3, 4, 5 for the closing ones, -1 otherwise. */
    private static int bracket(char c) {
        return switch (c) {
            case '(' -> 0;
            case '[' -> 1;
            case '{' -> 2;
            case ')' -> 3;
            case ']' -> 4;
            case '}' -> 5;
            default -> -1;
        };
    }
}
