package dev.kiln.text.stem;

import dev.kiln.text.stem.StemBuffer.Rule;
import java.util.Objects;

/**
 * The original Porter stemmer: M.F. Porter, "An algorithm for suffix stripping", Program 14(3),
 * 130–137, 1980, in the form of the Snowball project's {@code porter.sbl}, which states the
 * paper's measure conditions m &gt; 0 and m &gt; 1 as the regions R1 and R2. Steps 2 and 3 keep
 * the paper's rules (abli → able, no -logi rule), and words of one or two letters are stemmed
 * too ("as" → "a"), as in the Snowball reference vocabulary, which this reproduces exactly.
 *
 * <p>Expects lower-case words; upper-case letters and other characters count as non-vowels.
 */
public final class PorterStemmer implements Stemmer {
    private static final Rule[] STEP_1A = StemBuffer.rules("sses", "ss", "ies", "i", "ss", "ss", "s", "");
    private static final Rule[] STEP_1B = StemBuffer.rules("eed", "ee", "ed", "", "ing", "");
    private static final Rule[] STEP_2 = StemBuffer.rules(
            "tional", "tion", "enci", "ence", "anci", "ance", "abli", "able", "entli", "ent", "eli", "e",
            "izer", "ize", "ization", "ize", "ational", "ate", "ation", "ate", "ator", "ate",
            "alli", "al", "alism", "al", "aliti", "al", "fulness", "ful", "ousli", "ous", "ousness", "ous",
            "iveness", "ive", "iviti", "ive", "biliti", "ble");
    private static final Rule[] STEP_3 = StemBuffer.rules(
            "alize", "al", "icate", "ic", "iciti", "ic", "ical", "ic", "ative", "", "ful", "", "ness", "");
    private static final Rule[] STEP_4 = StemBuffer.rules(
            "al", "", "ance", "", "ence", "", "er", "", "ic", "", "able", "", "ible", "", "ant", "",
            "ement", "", "ment", "", "ent", "", "ou", "", "ism", "", "ate", "", "iti", "", "ous", "",
            "ive", "", "ize", "", "ion", "");

    @Override
    public String stem(String word) {
        Objects.requireNonNull(word, "word");
        StemBuffer w = new StemBuffer(word);
        boolean marked = w.markConsonantY();
        w.r1 = w.regionStart(0);
        w.r2 = w.regionStart(w.r1);
        step1a(w);
        step1b(w);
        step1c(w);
        replaceInRegion(w, STEP_2, w.r1);
        replaceInRegion(w, STEP_3, w.r1);
        step4(w);
        step5(w);
        if (marked) {
            w.unmarkConsonantY();
        }
        return w.toString();
    }

    private static void step1a(StemBuffer w) {
        Rule rule = w.longestMatch(STEP_1A);
        if (rule != null) {
            w.replaceEnd(rule.suffix().length(), rule.replacement());
        }
    }

    private static void step1b(StemBuffer w) {
        Rule rule = w.longestMatch(STEP_1B);
        if (rule == null) {
            return;
        }
        int stemEnd = w.length() - rule.suffix().length();
        if (rule.suffix().equals("eed")) {
            if (stemEnd >= w.r1) {
                w.replaceEnd(3, "ee");
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
        } else if (stemEnd == w.r1 && w.endsWithShortSyllable(stemEnd)) {
            w.append("e");
        }
    }

    /** A double consonant other than ll, ss and zz, which step 1b keeps. */
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

    private static void step1c(StemBuffer w) {
        int n = w.length();
        if ((w.endsWith('y') || w.endsWith('Y')) && w.hasVowelBefore(n - 1)) {
            w.set(n - 1, 'i');
        }
    }

    private static void replaceInRegion(StemBuffer w, Rule[] rules, int regionStart) {
        Rule rule = w.longestMatch(rules);
        if (rule != null && w.length() - rule.suffix().length() >= regionStart) {
            w.replaceEnd(rule.suffix().length(), rule.replacement());
        }
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
        if (w.endsWith('e') && (stemEnd >= w.r2 || stemEnd >= w.r1 && !w.endsWithShortSyllable(stemEnd))) {
            w.truncate(stemEnd);
        }
        stemEnd = w.length() - 1;
        if (w.endsWith('l') && stemEnd >= w.r2 && stemEnd > 0 && w.charAt(stemEnd - 1) == 'l') {
            w.truncate(stemEnd);
        }
    }
}
