package dev.kiln.text.wordpiece;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the BERT tokenizers among HuggingFace's {@code tokenizer.json} files (format of the
 * {@code tokenizers} library): model WordPiece, normalizer BertNormalizer, pre-tokenizer
 * BertPreTokenizer. Anything else is an error naming the field and what was expected, never a
 * tokenizer that silently differs.
 */
final class TokenizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerJson() {
    }

    static WordPieceTokenizer read(InputStream in, String source) {
        JsonNode root;
        try (in) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read the tokenizer JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a tokenizer.json object");
        }
        JsonNode model = root.path("model");
        expect(source, "/model/type", model.path("type").asText(), "WordPiece");
        JsonNode normalizer = root.path("normalizer");
        expect(source, "/normalizer/type", normalizer.path("type").asText(), "BertNormalizer");
        if (!normalizer.path("clean_text").asBoolean(true)) {
            throw new IllegalArgumentException(source + ": /normalizer/clean_text is false; only BERT's cleaning (true) is supported");
        }
        expect(source, "/pre_tokenizer/type", root.path("pre_tokenizer").path("type").asText(), "BertPreTokenizer");

        JsonNode vocab = model.path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IllegalArgumentException(source + ": /model/vocab must be an object of token → id");
        }
        Map<String, Integer> ids = HashMap.newHashMap(vocab.size());
        vocab.properties().forEach(e -> ids.put(e.getKey(), e.getValue().asInt(-1)));
        WordPieceVocabulary vocabulary = WordPieceVocabulary.of(ids, source + " /model/vocab");

        boolean lowercase = normalizer.path("lowercase").asBoolean(true);
        JsonNode strip = normalizer.path("strip_accents");
        JsonNode truncation = root.path("truncation");
        WordPieceTokenizer.Settings settings = new WordPieceTokenizer.Settings(
                lowercase,
                strip.isBoolean() ? strip.asBoolean() : lowercase,
                normalizer.path("handle_chinese_chars").asBoolean(true),
                model.path("max_input_chars_per_word").asInt(100),
                model.path("continuing_subword_prefix").asText("##"),
                model.path("unk_token").asText("[UNK]"),
                truncation.isObject() ? truncation.path("max_length").asInt(512) : 512);
        return new WordPieceTokenizer(vocabulary, settings, addedTokens(root.path("added_tokens"), vocabulary, source));
    }

    /** The added tokens, which are matched in the raw text before normalisation. */
    private static Map<String, Integer> addedTokens(JsonNode added, WordPieceVocabulary vocabulary, String source) {
        Map<String, Integer> tokens = new LinkedHashMap<>();
        for (int i = 0; i < added.size(); i++) {
            JsonNode t = added.get(i);
            String where = source + ": /added_tokens/" + i;
            String content = t.path("content").asText();
            int id = t.path("id").asInt(-1);
            if (content.isEmpty() || id != vocabulary.id(content)) {
                throw new IllegalArgumentException(where + " is '" + content + "' with id " + id
                        + "; expected a token of the vocabulary with its id there (" + vocabulary.id(content) + ")");
            }
            for (String flag : new String[] {"normalized", "lstrip", "rstrip", "single_word"}) {
                if (t.path(flag).asBoolean(false)) {
                    throw new IllegalArgumentException(where + " ('" + content + "') sets " + flag
                            + "; only tokens matched as written (all four flags false) are supported");
                }
            }
            tokens.put(content, id);
        }
        return tokens;
    }

    private static void expect(String source, String pointer, String found, String expected) {
        if (!found.equals(expected)) {
            throw new IllegalArgumentException(source + ": " + pointer + " is '" + found + "'; expected '" + expected
                    + "' (a BERT WordPiece tokenizer)");
        }
    }
}
