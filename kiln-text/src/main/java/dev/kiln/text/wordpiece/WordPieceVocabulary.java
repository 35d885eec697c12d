package dev.kiln.text.wordpiece;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pieces a WordPiece model knows, each with its id (its row in the model's embedding
 * table): word-initial pieces as written ("play"), pieces inside a word with the continuation
 * prefix ("##ing"), and the special tokens ("[CLS]"). Immutable.
 */
public final class WordPieceVocabulary {
    private final String[] tokens;
    private final Map<String, Integer> ids;

    private WordPieceVocabulary(String[] tokens, String source) {
        this.tokens = tokens;
        this.ids = HashMap.newHashMap(tokens.length);
        for (int id = 0; id < tokens.length; id++) {
            if (tokens[id] == null) {
                throw new IllegalArgumentException(source + ": no token has id " + id + "; ids must run from 0 to " + (tokens.length - 1));
            }
            Integer before = ids.put(tokens[id], id);
            if (before != null) {
                throw new IllegalArgumentException(source + ": the token '" + tokens[id] + "' has ids " + before + " and " + id
                        + "; every token must appear once");
            }
        }
    }

    /** The tokens in id order: the token at position i has id i. */
    public static WordPieceVocabulary of(List<String> tokens) {
        return new WordPieceVocabulary(tokens.toArray(String[]::new), "vocabulary");
    }

    /** A token → id map whose ids run from 0 to size − 1, as a tokenizer.json holds it. */
    static WordPieceVocabulary of(Map<String, Integer> ids, String source) {
        String[] tokens = new String[ids.size()];
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            int id = e.getValue();
            if (id < 0 || id >= tokens.length) {
                throw new IllegalArgumentException(source + ": the token '" + e.getKey() + "' has id " + id + "; ids must run from 0 to "
                        + (tokens.length - 1));
            }
            tokens[id] = e.getKey();
        }
        return new WordPieceVocabulary(tokens, source);
    }

    /** Reads BERT's {@code vocab.txt}: one token a line, in id order, UTF-8. */
    public static WordPieceVocabulary read(Path vocabTxt) {
        List<String> tokens = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(vocabTxt, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                tokens.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(vocabTxt + ": cannot read the vocabulary: " + e.getMessage(), e);
        }
        return new WordPieceVocabulary(tokens.toArray(String[]::new), vocabTxt.toString());
    }

    public int size() {
        return tokens.length;
    }

    /** The id of {@code token}, or −1 when the vocabulary lacks it. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    public String token(int id) {
        if (id < 0 || id >= tokens.length) {
            throw new IndexOutOfBoundsException("token id " + id + " is outside the vocabulary of " + tokens.length);
        }
        return tokens[id];
    }
}
