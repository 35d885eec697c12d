package dev.kiln.text.stem;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A word being stemmed by one of the Porter family: its characters, its length, and the starts
 * of the regions R1 and R2 as Snowball defines them (the region after the first non-vowel that
 * follows a vowel, and the same again inside R1). Vowels are a, e, i, o, u and y; a y that
 * acts as a consonant is written Y while stemming.
 */
final class StemBuffer {
    /** A suffix and what replaces it. */
    record Rule(String suffix, String replacement) {
    }

    private char[] chars;
    private int length;
    int r1;
    int r2;

    StemBuffer(String word) {
        chars = word.toCharArray();
        length = chars.length;
    }

    /** Rules from (suffix, replacement) pairs, longest suffix first, so the first match is the longest. */
    static Rule[] rules(String... pairs) {
        Rule[] rules = new Rule[pairs.length / 2];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = new Rule(pairs[2 * i], pairs[2 * i + 1]);
        }
        Arrays.sort(rules, Comparator.comparingInt((Rule r) -> r.suffix().length()).reversed());
        return rules;
    }

    int length() {
        return length;
    }

    char charAt(int i) {
        return chars[i];
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    boolean isVowelAt(int i) {
        return isVowel(chars[i]);
    }

    /** Writes Y for each y that acts as a consonant: at the start, or after a vowel. Returns whether any was. */
    boolean markConsonantY() {
        boolean found = false;
        for (int i = 0; i < length; i++) {
            if (chars[i] == 'y' && (i == 0 || isVowel(chars[i - 1]))) {
                chars[i] = 'Y';
                found = true;
            }
        }
        return found;
    }

    void unmarkConsonantY() {
        for (int i = 0; i < length; i++) {
            if (chars[i] == 'Y') {
                chars[i] = 'y';
            }
        }
    }

    /** The position just past the first non-vowel that follows a vowel at or after {@code from}; the length if none. */
    int regionStart(int from) {
        int i = from;
        while (i < length && !isVowel(chars[i])) {
            i++;
        }
        while (i < length && isVowel(chars[i])) {
            i++;
        }
        return i < length ? i + 1 : length;
    }

    boolean startsWith(String prefix) {
        if (prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (chars[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean endsWith(String suffix) {
        int n = suffix.length();
        if (n > length) {
            return false;
        }
        int offset = length - n;
        for (int i = n - 1; i >= 0; i--) {
            if (chars[offset + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean endsWith(char c) {
        return length > 0 && chars[length - 1] == c;
    }

    /** Whether the word is exactly {@code word}. */
    boolean is(String word) {
        return word.length() == length && endsWith(word);
    }

    /** The first (longest) rule whose suffix ends the word, or null. */
    Rule longestMatch(Rule[] rules) {
        for (Rule rule : rules) {
            if (endsWith(rule.suffix())) {
                return rule;
            }
        }
        return null;
    }

    /** Whether any of the first {@code end} characters is a vowel. */
    boolean hasVowelBefore(int end) {
        for (int i = 0; i < end; i++) {
            if (isVowel(chars[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the first {@code end} characters end in a short syllable: a non-vowel, a vowel, then
     * a non-vowel other than w, x or Y.
     */
    boolean endsWithShortSyllable(int end) {
        if (end < 3) {
            return false;
        }
        char last = chars[end - 1];
        return !isVowel(last) && last != 'w' && last != 'x' && last != 'Y'
                && isVowel(chars[end - 2]) && !isVowel(chars[end - 3]);
    }

    void truncate(int newLength) {
        length = newLength;
    }

    void append(String s) {
        if (length + s.length() > chars.length) {
            chars = Arrays.copyOf(chars, length + s.length());
        }
        s.getChars(0, s.length(), chars, length);
        length += s.length();
    }

    /** Replaces the last {@code suffixLength} characters with {@code replacement}. */
    void replaceEnd(int suffixLength, String replacement) {
        length -= suffixLength;
        append(replacement);
    }

    void set(int i, char c) {
        chars[i] = c;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
