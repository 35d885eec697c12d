package dev.kiln.text.vectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.text.sentence.Sentence;
import dev.kiln.text.sentence.SentenceSplitter;
import dev.kiln.text.token.Token;
import dev.kiln.text.token.TokenKind;
import dev.kiln.text.token.TokenizerOptions;
import dev.kiln.text.token.WordTokenizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A tokenised text collection, the input of word-vector training: a sequence of sentences, each
 * a sequence of words. Read from plain text (each line a document) or JSON Lines (a text field
 * of each record), documents are split into sentences with {@link SentenceSplitter#english()}
 * and tokenised with a lower-casing {@link WordTokenizer}; punctuation tokens are dropped,
 * words, numbers, URLs, e-mail addresses, emoticons and emoji kept. Context windows never cross
 * a sentence boundary. Words are held once, as ids, so a corpus of millions of tokens stays
 * small. Immutable.
 */
public final class Corpus {
    private static final WordTokenizer TOKENIZER = new WordTokenizer(TokenizerOptions.defaults().withLowercase(true));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String[] words;
    private final long[] counts;
    private final int[] tokens;
    private final int[] sentenceStarts;

    private Corpus(String[] words, long[] counts, int[] tokens, int[] sentenceStarts) {
        this.words = words;
        this.counts = counts;
        this.tokens = tokens;
        this.sentenceStarts = sentenceStarts;
    }

    /**
     * The corpus in {@code file}: JSON Lines ({@code .jsonl}, {@code .ndjson}) read through the
     * string field {@code textField}, anything else as plain text, each line a document.
     */
    public static Corpus read(Path file, String textField) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? readJsonl(file, textField) : readText(file);
    }

    /** Plain UTF-8 text, each line a document of one or more sentences; blank lines are skipped. */
    public static Corpus readText(Path file) {
        Builder b = new Builder();
        forEachLine(file, (line, number) -> b.addDocument(line));
        return b.build();
    }

    /**
     * JSON Lines: one object per non-blank line, whose string field {@code textField} is a
     * document; a null value is an empty document. A line that is not an object, or lacks the
     * field, is an error naming file and line.
     */
    public static Corpus readJsonl(Path file, String textField) {
        if (textField == null || textField.isBlank()) {
            throw new IllegalArgumentException("the text field of a JSON Lines corpus must be a non-empty name, got '" + textField + "'");
        }
        Builder b = new Builder();
        forEachLine(file, (line, number) -> {
            if (line.isBlank()) {
                return;
            }
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw DataFormatException.atLine(file.toString(), number, "expected a JSON object, got malformed JSON ("
                        + e.getOriginalMessage() + ")");
            }
            if (record == null || !record.isObject()) {
                throw DataFormatException.atLine(file.toString(), number, "expected a JSON object, got "
                        + (record == null ? "nothing" : record.getNodeType().toString().toLowerCase(Locale.ROOT)));
            }
            JsonNode text = record.get(textField);
            if (text == null) {
                List<String> fields = new ArrayList<>();
                record.fieldNames().forEachRemaining(fields::add);
                throw DataFormatException.atLine(file.toString(), number, "no field '" + textField + "'; the record has "
                        + (fields.isEmpty() ? "no fields" : "fields " + String.join(", ", fields)) + " (choose one with the text field option)");
            }
            if (text.isNull()) {
                return;
            }
            if (!text.isTextual()) {
                throw DataFormatException.atLine(file.toString(), number, "field '" + textField + "' must be a string, got "
                        + text.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + abbreviate(text.toString()));
            }
            b.addDocument(text.asText());
        });
        return b.build();
    }

    /** Text already tokenised, as {@link #writeTokenised(Path)} writes it: one sentence per line, words separated by spaces. */
    public static Corpus readTokenised(Path file) {
        Builder b = new Builder();
        forEachLine(file, (line, number) -> {
            for (String word : line.split("\\s+")) {
                if (!word.isEmpty()) {
                    b.addWord(word);
                }
            }
            b.endSentence();
        });
        return b.build();
    }

    /** Documents tokenised and split into sentences as {@link #readText(Path)} does. */
    public static Corpus ofTexts(List<String> documents) {
        Builder b = new Builder();
        documents.forEach(b::addDocument);
        return b.build();
    }

    /** Sentences already tokenised, taken as they are; empty sentences are dropped. */
    public static Corpus ofSentences(List<List<String>> sentences) {
        Builder b = new Builder();
        for (List<String> sentence : sentences) {
            for (String word : sentence) {
                if (word == null || word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("a word must be non-empty and without spaces, got "
                            + (word == null ? "null" : "'" + word + "'") + " in sentence " + sentence);
                }
                b.addWord(word);
            }
            b.endSentence();
        }
        return b.build();
    }

    /** This corpus followed by {@code other}'s sentences. */
    public Corpus concat(Corpus other) {
        Builder b = new Builder();
        for (Corpus c : List.of(this, other)) {
            for (int s = 0; s < c.sentenceCount(); s++) {
                for (int t = c.sentenceStarts[s]; t < c.sentenceStarts[s + 1]; t++) {
                    b.addWord(c.words[c.tokens[t]]);
                }
                b.endSentence();
            }
        }
        return b.build();
    }

    public int sentenceCount() {
        return sentenceStarts.length - 1;
    }

    /** Tokens in all sentences. */
    public long tokenCount() {
        return tokens.length;
    }

    /** How many different words occur. */
    public int distinctWords() {
        return words.length;
    }

    /** Sentence {@code i}'s words. */
    public List<String> sentence(int i) {
        if (i < 0 || i >= sentenceCount()) {
            throw new IndexOutOfBoundsException("sentence " + i + " of a corpus of " + sentenceCount());
        }
        int start = sentenceStarts[i];
        int length = sentenceStarts[i + 1] - start;
        return new AbstractList<>() {
            @Override
            public String get(int k) {
                return words[tokens[start + Objects.checkIndex(k, length)]];
            }

            @Override
            public int size() {
                return length;
            }
        };
    }

    /** The words occurring at least {@code minCount} times, most frequent first. */
    public Vocabulary vocabulary(int minCount) {
        return Vocabulary.of(words, counts, minCount);
    }

    /** Writes one sentence per line, words separated by single spaces (UTF-8), atomically. */
    public void writeTokenised(Path file) {
        try {
            AtomicWrite.file(file, stream -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                for (int s = 0; s < sentenceCount(); s++) {
                    for (int t = sentenceStarts[s]; t < sentenceStarts[s + 1]; t++) {
                        if (t > sentenceStarts[s]) {
                            w.write(' ');
                        }
                        w.write(words[tokens[t]]);
                    }
                    w.write('\n');
                }
                w.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Each token's index in {@code vocabulary}, or −1 for a word it lacks. */
    int[] encode(Vocabulary vocabulary) {
        int[] byWord = new int[words.length];
        for (int w = 0; w < words.length; w++) {
            byWord[w] = vocabulary.indexOf(words[w]);
        }
        int[] encoded = new int[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
            encoded[t] = byWord[tokens[t]];
        }
        return encoded;
    }

    /** Where each sentence starts in the token sequence, and the token count last. */
    int[] sentenceStarts() {
        return sentenceStarts;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    @FunctionalInterface
    private interface LineHandler {
        void accept(String line, long number);
    }

    private static void forEachLine(Path file, LineHandler handler) {
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException("cannot read " + file + ": it is a directory, not a file", new IOException(file + " is a directory"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            Utf8Lines lines = new Utf8Lines(in, file.toString(), "");
            for (String line; (line = lines.next()) != null; ) {
                if (lines.number() == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                handler.accept(line, lines.number());
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read " + file + ": the file does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Collects tokens, giving each new word the next id. */
    private static final class Builder {
        private final SentenceSplitter splitter = SentenceSplitter.english();
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();
        private long[] counts = new long[1024];
        private int[] tokens = new int[1 << 16];
        private int tokenCount;
        private int[] starts = new int[1024];
        private int sentenceCount;
        private int sentenceStart;

        void addDocument(String text) {
            List<Token> found = TOKENIZER.tokenize(text);
            List<Sentence> sentences = splitter.split(text);
            Iterator<Sentence> it = sentences.iterator();
            Sentence current = it.hasNext() ? it.next() : null;
            for (Token token : found) {
                while (current != null && token.start() >= current.end() && it.hasNext()) {
                    endSentence();
                    current = it.next();
                }
                if (token.kind() != TokenKind.PUNCT) {
                    addWord(token.text());
                }
            }
            endSentence();
        }

        void addWord(String word) {
            Integer id = ids.get(word);
            if (id == null) {
                id = words.size();
                ids.put(word, id);
                words.add(word);
                if (id == counts.length) {
                    counts = Arrays.copyOf(counts, 2 * counts.length);
                }
            }
            counts[id]++;
            if (tokenCount == tokens.length) {
                tokens = Arrays.copyOf(tokens, 2 * tokens.length);
            }
            tokens[tokenCount++] = id;
        }

        /** Closes the current sentence, unless it is empty. */
        void endSentence() {
            if (tokenCount == sentenceStart) {
                return;
            }
            if (sentenceCount + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, 2 * starts.length);
            }
            starts[sentenceCount++] = sentenceStart;
            sentenceStart = tokenCount;
        }

        Corpus build() {
            endSentence();
            int[] sentenceStarts = Arrays.copyOf(starts, sentenceCount + 1);
            sentenceStarts[sentenceCount] = tokenCount;
            return new Corpus(words.toArray(String[]::new), Arrays.copyOf(counts, words.size()),
                    Arrays.copyOf(tokens, tokenCount), sentenceStarts);
        }
    }
}
