package dev.kiln.text.stem;

/**
 * Reduces an inflected or derived word to a stem shared by its relatives ("connected",
 * "connecting", "connection" → "connect"). Stems are index keys, not dictionary words.
 * Implementations are stateless and safe to share between threads.
 */
public interface Stemmer {

    /** The stem of {@code word}, which should be one lower-case word without surrounding spaces. */
    String stem(String word);
}
