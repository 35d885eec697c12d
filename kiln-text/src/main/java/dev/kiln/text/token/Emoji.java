package dev.kiln.text.token;

/**
 * Recognises one emoji as Unicode Technical Standard #51 builds them: a pictograph with optional
 * skin-tone modifier, variation selector or tag sequence (subdivision flags), joined to further
 * pictographs by ZERO WIDTH JOINER (👩‍💻, 👨‍👩‍👧); a pair of regional indicators (a flag); or a
 * keycap (1️⃣). Pictographs that are text by default below U+2300 (©, ®, ™, arrows) count only
 * when followed by the emoji variation selector U+FE0F.
 */
final class Emoji {
    private static final int ZWJ = 0x200D;
    private static final int EMOJI_SELECTOR = 0xFE0F;
    private static final int KEYCAP = 0x20E3;

    private Emoji() {
    }

    /** The end of the emoji starting at {@code i}, or -1 when none starts there. */
    static int end(String text, int i) {
        int cp = text.codePointAt(i);
        int j = i + Character.charCount(cp);
        if (isRegionalIndicator(cp)) {
            return j < text.length() && isRegionalIndicator(text.codePointAt(j)) ? j + 2 : j;
        }
        if (cp == '#' || cp == '*' || cp >= '0' && cp <= '9') {
            int k = at(text, j) == EMOJI_SELECTOR ? j + 1 : j;
            return at(text, k) == KEYCAP ? k + 1 : -1;
        }
        if (!isPictograph(cp, at(text, j))) {
            return -1;
        }
        j = skipComponents(text, j);
        while (at(text, j) == ZWJ && j + 1 < text.length()) {
            int next = text.codePointAt(j + 1);
            int after = j + 1 + Character.charCount(next);
            if (!isPictograph(next, at(text, after))) {
                break;
            }
            j = skipComponents(text, after);
        }
        return j;
    }

    private static int at(String text, int i) {
        return i < text.length() ? text.codePointAt(i) : -1;
    }

    private static boolean isPictograph(int cp, int next) {
        if (Character.isEmojiPresentation(cp)) {
            return true;
        }
        return Character.isExtendedPictographic(cp) && (cp >= 0x2300 || next == EMOJI_SELECTOR);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    /** Skips skin-tone modifiers, variation selectors, keycap marks and tag characters. */
    private static int skipComponents(String text, int j) {
        while (j < text.length()) {
            int cp = text.codePointAt(j);
            boolean component = Character.isEmojiModifier(cp) || cp == 0xFE0E || cp == EMOJI_SELECTOR || cp == KEYCAP
                    || cp >= 0xE0020 && cp <= 0xE007F;
            if (!component) {
                return j;
            }
            j += Character.charCount(cp);
        }
        return j;
    }
}
