package dev.kiln.text.token;

/**
 * How a {@link WordTokenizer} shapes its tokens. Lower-casing and accent folding apply to words
 * and e-mail addresses; URLs, emoticons, emoji, numbers and punctuation keep their text (":D"
 * and ":d" differ, and URL paths are case-sensitive). Offsets always point into the input.
 *
 * @param lowercase    lower-case words with {@link java.util.Locale#ROOT}
 * @param foldAccents  remove accents: decompose (NFD), drop the combining diacritical marks
 *                     (U+0300–U+036F and the other combining-diacritic blocks), recompose (NFC):
 *                     "café" → "cafe", "Ångström" → "Angstrom". Letters that are not a base plus
 *                     an accent stay ("ß", "ø", "ł"), as do the vowel signs of Indic and other scripts.
 * @param contractions keep contractions whole or split them as the Penn Treebank does
 */
public record TokenizerOptions(boolean lowercase, boolean foldAccents, Contractions contractions) {
    private static final TokenizerOptions DEFAULTS = new TokenizerOptions(false, false, Contractions.KEEP);

    public TokenizerOptions {
        if (contractions == null) {
            throw new IllegalArgumentException("contractions must be KEEP or SPLIT, got null");
        }
    }

    /** Text as written, contractions kept whole. */
    public static TokenizerOptions defaults() {
        return DEFAULTS;
    }

    public TokenizerOptions withLowercase(boolean lowercase) {
        return new TokenizerOptions(lowercase, foldAccents, contractions);
    }

    public TokenizerOptions withFoldAccents(boolean foldAccents) {
        return new TokenizerOptions(lowercase, foldAccents, contractions);
    }

    public TokenizerOptions withContractions(Contractions contractions) {
        return new TokenizerOptions(lowercase, foldAccents, contractions);
    }
}
