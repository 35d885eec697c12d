package dev.kiln.text.token;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Recognises common ASCII emoticons. A repeated final mouth (":)))", ":DD") belongs to the
 * emoticon. To keep "12:30", "see:Paris", "f(x)" and "C:\" out, an emoticon cannot be followed by
 * a letter or digit, ":/" cannot be followed by another "/", and those not starting with ":",
 * ";" or "=" cannot follow a letter or digit.
 */
final class Emoticons {
    private static final String[] EMOTICONS = byLengthDescending(
            ":)", ":-)", ":(", ":-(", ":D", ":-D", ":P", ":-P", ":p", ":-p", ":O", ":-O", ":o", ":-o",
            ":/", ":-/", ":\\", ":-\\", ":|", ":-|", ":*", ":-*", ":]", ":-]", ":[", ":-[",
            ":'(", ":')", ":'-(", ":'-)",
            ";)", ";-)", ";D", ";-D", ";P", ";-P", ";p", ";-p",
            "=)", "=(", "=D", "=P", "=]", "=[",
            "<3", "</3", ">:(", ">:-(", ">:)", ">:-)", ">.<", ">_<",
            "^_^", "^^", "^.^", "-_-", "o_O", "O_o", "o_o", "O_O", "T_T", "XD", "xD", "X-D");

    private Emoticons() {
    }

    private static String[] byLengthDescending(String... emoticons) {
        String[] sorted = emoticons.clone();
        Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /** The end of the emoticon starting at {@code i}, or -1 when none starts there. */
    static int end(String text, int i) {
        char first = text.charAt(i);
        if (!canStart(first)) {
            return -1;
        }
        boolean free = first == ':' || first == ';' || first == '=';
        if (!free && i > 0 && Character.isLetterOrDigit(text.codePointBefore(i))) {
            return -1;
        }
        for (String emoticon : EMOTICONS) {
            if (emoticon.charAt(0) == first && text.startsWith(emoticon, i)) {
                int end = i + emoticon.length();
                char last = emoticon.charAt(emoticon.length() - 1);
                if (isMouth(last)) {
                    while (end < text.length() && text.charAt(end) == last) {
                        end++;
                    }
                }
                if (end < text.length()) {
                    char next = text.charAt(end);
                    if (Character.isLetterOrDigit(text.codePointAt(end)) || (last == '/' || last == '\\') && next == last) {
                        return -1;
                    }
                }
                return end;
            }
        }
        return -1;
    }

    private static boolean canStart(char c) {
        return switch (c) {
            case ':', ';', '=', '<', '>', '^', '-', 'o', 'O', 'T', 'X', 'x' -> true;
            default -> false;
        };
    }

    private static boolean isMouth(char c) {
        return c == ')' || c == '(' || c == 'D' || c == 'P' || c == 'p' || c == ']' || c == '[';
    }
}
