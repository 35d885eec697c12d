package dev.kiln.rag.chunk;

import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.encode.SentenceEncoder;
import dev.kiln.text.wordpiece.WordPieceTokenizer;

/** all-MiniLM-L6-v2's WordPiece tokenizer, read from its tokenizer.json on first use (no ONNX graph). */
final class MiniLmTokenizer {
    static final WordPieceTokenizer TOKENIZER = SentenceEncoder.tokenizerOf(EncoderModel.ALL_MINILM_L6_V2);
    static final TokenCounter COUNTER = TokenCounter.wordPieces(TOKENIZER);

    private MiniLmTokenizer() {
    }
}
