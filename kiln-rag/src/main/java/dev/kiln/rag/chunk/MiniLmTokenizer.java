package dev.kiln.rag.chunk;

import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.wordpiece.WordPieceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** all-MiniLM-L6-v2's WordPiece tokenizer, read from its tokenizer.json on first use. */
final class MiniLmTokenizer {
    static final WordPieceTokenizer TOKENIZER = read();
    static final TokenCounter COUNTER = TokenCounter.wordPieces(TOKENIZER);

    private MiniLmTokenizer() {
    }

    private static WordPieceTokenizer read() {
        EncoderModel model = EncoderModel.ALL_MINILM_L6_V2;
        String source = model.artifact() + "!/" + model.tokenizerResource();
        try (InputStream in = EncoderModel.class.getClassLoader().getResourceAsStream(model.tokenizerResource())) {
            if (in == null) {
                throw new IllegalStateException(model.name() + ": the class path lacks " + model.tokenizerResource()
                        + "; it comes with the Maven artifact " + model.artifact());
            }
            return WordPieceTokenizer.fromTokenizerJson(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
