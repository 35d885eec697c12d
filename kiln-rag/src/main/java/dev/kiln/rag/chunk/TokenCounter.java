package dev.kiln.rag.chunk;

import dev.kiln.text.wordpiece.WordPieceTokenizer;
import java.util.Objects;

/**
 * Counts the tokens a model reads for a text. Counts must add up: two texts joined by white space
 * count as much as both apart, which holds for tokenizers that split at white space, as WordPiece does.
 */
@FunctionalInterface
public interface TokenCounter {
    /** The tokens of {@code text}, without any that a model adds around it ([CLS], [SEP]). */
    int count(String text);

    /** The word pieces that {@code tokenizer} cuts a text into. */
    static TokenCounter wordPieces(WordPieceTokenizer tokenizer) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        return text -> tokenizer.tokenize(text).size();
    }

    /**
     * The word pieces of all-MiniLM-L6-v2, the sentence encoder Kiln ships, from its tokenizer.json
     * alone (the ONNX model is not loaded).
     */
    static TokenCounter allMiniLmL6V2() {
        return MiniLmTokenizer.COUNTER;
    }

    /** Runs of non-white-space characters. */
    static TokenCounter words() {
        return text -> {
            int n = 0;
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                boolean space = Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i));
                if (!space && !inWord) {
                    n++;
                }
                inWord = !space;
            }
            return n;
        };
    }
}
