package dev.kiln.text.wordpiece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tokenizer of all-MiniLM-L6-v2 against HuggingFace's own. The reference ids and tokens in
 * {@code encode/wordpiece-reference.json} come from HuggingFace tokenizers 0.21 (Rust, through
 * DJL 0.36) reading the same tokenizer.json from the langchain4j artifact, written by
 * {@code ./kiln bench minilm-references} ({@code dev.kiln.bench.text.MiniLmReferences}). The
 * small-vocabulary cases are worked by hand from BERT's algorithm.
 */
class WordPieceTokenizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static WordPieceTokenizer miniLm() throws Exception {
        try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            return WordPieceTokenizer.fromTokenizerJson(in, "all-minilm-l6-v2-tokenizer.json");
        }
    }

    private static JsonNode reference() throws Exception {
        try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream("/encode/wordpiece-reference.json")) {
            return JSON.readTree(in);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    @Test
    void readsTheSettingsOfTheArtifactsTokenizerJson() throws Exception {
        WordPieceTokenizer t = miniLm();
        assertThat(t.vocabulary().size()).isEqualTo(30522);
        assertThat(t.settings()).isEqualTo(new WordPieceTokenizer.Settings(true, true, true, 100, "##", "[UNK]", 128));
        assertThat(t.padId()).isZero();
        assertThat(t.vocabulary().id("[CLS]")).isEqualTo(101);
    }

    @Test
    void matchesHuggingFaceOnTrickyTexts() throws Exception {
        WordPieceTokenizer t = miniLm().withMaxLength(512);
        JsonNode cases = reference().path("untruncated");
        assertThat(cases.size()).isEqualTo(21);
        for (JsonNode c : cases) {
            String text = c.path("text").asText();
            List<String> expected = new ArrayList<>();
            c.path("tokens").forEach(x -> expected.add(x.asText()));
            assertThat(t.tokenize(text)).as(text).isEqualTo(expected.subList(1, expected.size() - 1));
            assertThat(t.encode(text)).as(text).isEqualTo(ints(c.path("ids")));
        }
    }

    @Test
    void cutsLongTextsAndPadsBatchesAsHuggingFace() throws Exception {
        JsonNode batch = reference().path("batch_max_length_16");
        List<String> texts = new ArrayList<>();
        batch.path("texts").forEach(x -> texts.add(x.asText()));
        EncodedBatch b = miniLm().withMaxLength(16).encode(texts);
        assertThat(b.rows()).isEqualTo(3);
        assertThat(b.length()).isEqualTo(16);
        long[] ids = b.ids();
        long[] mask = b.attentionMask();
        for (int r = 0; r < 3; r++) {
            assertThat(java.util.Arrays.copyOfRange(ids, r * 16, r * 16 + 16)).isEqualTo(longs(batch.path("ids").get(r)));
            assertThat(java.util.Arrays.copyOfRange(mask, r * 16, r * 16 + 16)).isEqualTo(longs(batch.path("attention_mask").get(r)));
        }
        assertThat(b.tokens(0)).isEqualTo(6);
        assertThat(b.tokens(1)).isEqualTo(16);
        assertThat(b.tokens(2)).isEqualTo(2);
        assertThat(b.tokenTypeIds()).containsOnly(0L);
    }

    /** BERT's own example (Devlin et al., tokenization.py): "unaffable" → un, ##aff, ##able. */
    @Test
    void cutsWordsGreedilyIntoTheLongestPieces() {
        WordPieceTokenizer t = new WordPieceTokenizer(WordPieceVocabulary.of(List.of(
                "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "##a", "u", "runn", "##ing", ",")),
                WordPieceTokenizer.Settings.uncased());
        assertThat(t.tokenize("UNwant\u00E9d,running")).containsExactly("[UNK]", ",", "runn", "##ing");
        assertThat(t.tokenize("unaffable")).containsExactly("un", "##aff", "##able");
        // "unaffablex": un ##aff ##able, then nothing spells "x": the whole word is unknown, not its tail
        assertThat(t.tokenize("unaffablex running")).containsExactly("[UNK]", "runn", "##ing");
        assertThat(t.encode("unaffable")).containsExactly(2, 4, 5, 6, 3);
        assertThat(t.withMaxLength(3).encode("unaffable")).containsExactly(2, 4, 3);
        assertThat(t.withMaxLength(2).encode("unaffable")).containsExactly(2, 3);
    }

    @Test
    void wordsLongerThanTheLimitAreUnknown() {
        WordPieceVocabulary v = WordPieceVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "##a"));
        WordPieceTokenizer t = new WordPieceTokenizer(v, new WordPieceTokenizer.Settings(true, true, true, 3, "##", "[UNK]", 512));
        assertThat(t.tokenize("aaa aaaa")).containsExactly("a", "##a", "##a", "[UNK]");
        // the limit counts code points: three emoji of two chars each are three
        WordPieceTokenizer emoji = new WordPieceTokenizer(WordPieceVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "🙂", "##🙂")),
                new WordPieceTokenizer.Settings(true, true, true, 3, "##", "[UNK]", 512));
        assertThat(emoji.tokenize("🙂🙂🙂 🙂🙂🙂🙂")).containsExactly("🙂", "##🙂", "##🙂", "[UNK]");
    }

    @Test
    void casedSettingsKeepCaseAndAccents() {
        WordPieceVocabulary v = WordPieceVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "Café", "café", "cafe"));
        WordPieceTokenizer cased = new WordPieceTokenizer(v, new WordPieceTokenizer.Settings(false, false, true, 100, "##", "[UNK]", 512));
        assertThat(cased.tokenize("Café café")).containsExactly("Café", "café");
        assertThat(new WordPieceTokenizer(v, WordPieceTokenizer.Settings.uncased()).tokenize("Café café")).containsExactly("cafe", "cafe");
    }

    @Test
    void readsVocabTxt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vocab.txt");
        Files.writeString(file, "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\n##s\n", StandardCharsets.UTF_8);
        WordPieceVocabulary v = WordPieceVocabulary.read(file);
        assertThat(v.size()).isEqualTo(6);
        assertThat(new WordPieceTokenizer(v, WordPieceTokenizer.Settings.uncased()).encode("Hellos")).containsExactly(2, 4, 5, 3);
        Files.writeString(file, "[PAD]\nhello\nhello\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WordPieceVocabulary.read(file)).hasMessageContaining("vocab.txt")
                .hasMessageContaining("'hello' has ids 1 and 2");
    }

    @Test
    void aVocabularyWithoutBertsSpecialTokensIsRejected() {
        assertThatThrownBy(() -> new WordPieceTokenizer(WordPieceVocabulary.of(List.of("[PAD]", "[UNK]", "[SEP]", "a")),
                WordPieceTokenizer.Settings.uncased())).hasMessageContaining("lacks the token [CLS]");
    }

    @Test
    void otherTokenizerJsonFilesAreRejectedByField() {
        String bpe = "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}, \"normalizer\": {\"type\": \"BertNormalizer\"}}";
        assertThatThrownBy(() -> WordPieceTokenizer.fromTokenizerJson(new ByteArrayInputStream(bpe.getBytes(StandardCharsets.UTF_8)), "t.json"))
                .hasMessage("t.json: /model/type is 'BPE'; expected 'WordPiece' (a BERT WordPiece tokenizer)");
        String gap = "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"[CLS]\": 0, \"[SEP]\": 2}},"
                + " \"normalizer\": {\"type\": \"BertNormalizer\"}, \"pre_tokenizer\": {\"type\": \"BertPreTokenizer\"}}";
        assertThatThrownBy(() -> WordPieceTokenizer.fromTokenizerJson(new ByteArrayInputStream(gap.getBytes(StandardCharsets.UTF_8)), "t.json"))
                .hasMessageContaining("t.json /model/vocab: the token '[SEP]' has id 2; ids must run from 0 to 1");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> WordPieceTokenizer.Settings.uncased().withMaxLength(1)).hasMessageContaining("maxLength must be at least 2");
        assertThatThrownBy(() -> new WordPieceTokenizer.Settings(true, true, true, 0, "##", "[UNK]", 8))
                .hasMessageContaining("maxCharsPerWord must be at least 1");
    }
}
