package dev.kiln.text.stem;

import dev.kiln.text.stem.StemBuffer.Rule;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Snowball English stemmer ("Porter2"), Martin Porter's revision of his 1980 algorithm, as
 * defined by {@code english.sbl} of the Snowball project (snowballstem.org): it adds the regions
 * R1/R2 with the gener-/commun-/arsen- exceptions, apostrophe handling, -li, -ogi and -ly rules,
 * and lists of exceptional words. Reproduces the Snowball reference vocabulary exactly.
 *
 * <p>Expects lower-case words; upper-case letters and other characters count as non-vowels.
 */
public final class EnglishStemmer implements Stemmer {
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("skis", "ski"), Map.entry("skies", "sky"),
            Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"),
            Map.entry("idly", "idl"), Map.entry("gently", "gentl"), Map.entry("ugly", "ugli"),
            Map.entry("early", "earli"), Map.entry("only", "onli"), Map.entry("singly", "singl"),
            Map.entry("sky", "sky"), Map.entry("news", "news"), Map.entry("howe", "howe"),
            Map.entry("atlas", "atlas"), Map.entry("cosmos", "cosmos"), Map.entry("bias", "bias"),
            Map.entry("andes", "andes"));
    private static final Set<String> INVARIANT_AFTER_STEP_1A = Set.of(
            "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed");
    private static final String[] R1_PREFIXES = {"gener", "commun", "arsen"};

    private static final Rule[] STEP_1A = StemBuffer.rules(
            "sses", "ss", "ied", "", "ies", "", "s", "", "us", "us", "ss", "ss");
    private static final Rule[] STEP_1B = StemBuffer.rules(
            "eed", "ee", "eedly", "ee", "ed", "", "edly", "", "ing", "", "ingly", "");
    private static final Rule[] STEP_2 = StemBuffer.rules(
            "tional", "tion", "enci", "ence", "anci", "ance", "abli", "able", "entli", "ent",
            "izer", "ize", "ization", "ize", "ational", "ate", "ation", "ate", "ator", "ate",
            "alism", "al", "aliti", "al", "alli", "al", "fulness", "ful", "ousli", "ous", "ousness", "ous",
            "iveness", "ive", "iviti", "ive", "biliti", "ble", "bli", "ble", "ogi", "og",
            "fulli", "ful", "lessli", "less", "li", "");
    private static final Rule[] STEP_3 = StemBuffer.rules(
            "tional", "tion", "ational", "ate", "alize", "al", "icate", "ic", "iciti", "ic", "ical", "ic",
            "ful", "", "ness", "", "ative", "");
    private static final Rule[] STEP_4 = StemBuffer.rules(
            "al", "", "ance", "", "ence", "", "er", "", "ic", "", "able", "", "ible", "", "ant", "",
            "ement", "", "ment", "", "ent", "", "ism", "", "ate", "", "iti", "", "ous", "", "ive", "",
            "ize", "", "ion", "");

    @Override
    public String stem(String word) {
        Objects.requireNonNull(word, "word");
        String exception = EXCEPTIONS.get(word);
        if (exception != null) {
            return exception;
        }
        if (word.length() < 3) {
            return word;
        }
        StemBuffer w = new StemBuffer(word.charAt(0) == '\'' ? word.substring(1) : word);
        boolean marked = w.markConsonantY();
        markRegions(w);
        step1a(w);
        if (!INVARIANT_AFTER_STEP_1A.contains(w.toString())) {
            step1b(w);
            step1c(w);
            step2(w);
            step3(w);
            step4(w);
            step5(w);
        }
        if (marked) {
            w.unmarkConsonantY();
        }
        return w.toString();
    }

    private static void markRegions(StemBuffer w) {
        w.r1 = -1;
        for (String prefix : R1_PREFIXES) {
            if (w.startsWith(prefix)) {
                w.r1 = prefix.length();
            }
        }
        if (w.r1 < 0) {
            w.r1 = w.regionStart(0);
        }
        w.r2 = w.regionStart(w.r1);
    }

    private static void step1a(StemBuffer w) {
        if (w.endsWith("'s'")) {
            w.truncate(w.length() - 3);
        } else if (w.endsWith("'s")) {
            w.truncate(w.length() - 2);
        } else if (w.endsWith('\'')) {
            w.truncate(w.length() - 1);
        }
        Rule rule = w.longestMatch(STEP_1A);
        if (rule == null) {
            return;
        }
        int stemEnd = w.length() - rule.suffix().length();
        switch (rule.suffix()) {
            case "sses" -> w.replaceEnd(4, "ss");
            case "ied", "ies" -> w.replaceEnd(3, stemEnd > 1 ? "i" : "ie");
            case "s" -> {
                if (stemEnd >= 1 && w.hasVowelBefore(stemEnd - 1)) {
                    w.truncate(stemEnd);
                }
            }
            default -> {
            }
        }
    }

    private static void step1b(StemBuffer w) {
        Rule rule = w.longestMatch(STEP_1B);
        if (rule == null) {
            return;
        }
        int stemEnd = w.length() - rule.suffix().length();
        if (rule.replacement().equals("ee")) {
            if (stemEnd >= w.r1) {
                w.replaceEnd(rule.suffix().length(), "ee");
            }
            return;
        }
        if (!w.hasVowelBefore(stemEnd)) {
            return;
        }
        w.truncate(stemEnd);
        if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) {
            w.append("e");
        } else if (endsWithDouble(w)) {
            w.truncate(stemEnd - 1);
        } else if (stemEnd == w.r1 && isShort(w, stemEnd)) {
            w.append("e");
        }
    }

    private static boolean endsWithDouble(StemBuffer w) {
        int n = w.length();
        if (n < 2 || w.charAt(n - 1) != w.charAt(n - 2)) {
            return false;
        }
        return switch (w.charAt(n - 1)) {
            case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't' -> true;
            default -> false;
        };
    }

    /** A short syllable ends the first {@code end} characters, or they are a vowel then a non-vowel. */
    private static boolean isShort(StemBuffer w, int end) {
        return w.endsWithShortSyllable(end)
                || end == 2 && w.isVowelAt(0) && !w.isVowelAt(1);
    }

    private static void step1c(StemBuffer w) {
        int n = w.length();
        if (n > 2 && (w.endsWith('y') || w.endsWith('Y')) && !w.isVowelAt(n - 2)) {
            w.set(n - 1, 'i');
        }
    }

    private static void step2(StemBuffer w) {
        Rule rule = w.longestMatch(STEP_2);
        if (rule == null) {
            return;
        }
        int stemEnd = w.length() - rule.suffix().length();
        if (stemEnd < w.r1) {
            return;
        }
        switch (rule.suffix()) {
            case "ogi" -> {
                if (stemEnd > 0 && w.charAt(stemEnd - 1) == 'l') {
                    w.replaceEnd(3, rule.replacement());
                }
            }
            case "li" -> {
                if (stemEnd > 0 && isValidLiEnding(w.charAt(stemEnd - 1))) {
                    w.truncate(stemEnd);
                }
            }
            default -> w.replaceEnd(rule.suffix().length(), rule.replacement());
        }
    }

    private static boolean isValidLiEnding(char c) {
        return switch (c) {
            case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't' -> true;
            default -> false;
        };
    }

    private static void step3(StemBuffer w) {
        Rule rule = w.longestMatch(STEP_3);
        if (rule == null) {
            return;
        }
        int stemEnd = w.length() - rule.suffix().length();
        if (stemEnd < w.r1 || rule.suffix().equals("ative") && stemEnd < w.r2) {
            return;
        }
        w.replaceEnd(rule.suffix().length(), rule.replacement());
    }

    private static void step4(StemBuffer w) {
        Rule rule = w.longestMatch(STEP_4);
        if (rule == null) {
            return;
        }
        int stemEnd = w.length() - rule.suffix().length();
        if (stemEnd < w.r2) {
            return;
        }
        if (rule.suffix().equals("ion") && !(stemEnd > 0 && (w.charAt(stemEnd - 1) == 's' || w.charAt(stemEnd - 1) == 't'))) {
            return;
        }
        w.truncate(stemEnd);
    }

    private static void step5(StemBuffer w) {
        int stemEnd = w.length() - 1;
        if (w.endsWith('e')) {
            if (stemEnd >= w.r2 || stemEnd >= w.r1 && !isShort(w, stemEnd)) {
                w.truncate(stemEnd);
            }
        } else if (w.endsWith('l')) {
            if (stemEnd >= w.r2 && stemEnd > 0 && w.charAt(stemEnd - 1) == 'l') {
                w.truncate(stemEnd);
            }
        }
    }
}
