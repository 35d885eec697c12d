package dev.kiln.bench.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The peer: langchain4j's in-process all-MiniLM-L6-v2 ({@code AllMiniLmL6V2EmbeddingModel}, ONNX
 * Runtime with DJL's binding of HuggingFace's Rust tokenizers), run offline. DJL checks in with a
 * telemetry server when it starts unless told not to, so {@link #offline()} sets DJL's
 * {@code ai.djl.offline} and {@code OPT_OUT_TRACKING} system properties before any DJL class loads.
 */
final class Langchain4jMiniLm {
    private Langchain4jMiniLm() {
    }

    static void offline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    static EmbeddingModel model() {
        offline();
        return new AllMiniLmL6V2EmbeddingModel();
    }

    /** langchain4j's embeddings of {@code texts}, one call of {@code embedAll}. */
    static float[][] embed(EmbeddingModel model, List<String> texts) {
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(Embedding::vector).toArray(float[][]::new);
    }

    /**
     * The HuggingFace tokenizer of the artifact's {@code all-minilm-l6-v2-tokenizer.json} as DJL
     * loads it, without padding; {@code options} adds DJL's settings (e.g. truncation, maxLength).
     */
    static HuggingFaceTokenizer tokenizer(Map<String, String> options) throws Exception {
        offline();
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            return HuggingFaceTokenizer.newInstance(in, options);
        }
    }
}
