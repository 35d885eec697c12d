package dev.kiln.text.wordpiece;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * BERT's tokenizer (Devlin et al. 2019; Wu et al. 2016 for WordPiece) as HuggingFace's
 * {@code BertTokenizer}: special tokens written in the text ("[SEP]", "[MASK]") are kept whole,
 * the rest goes through BERT's basic tokenization (cleaning, CJK ideographs split out, accents
 * stripped and lower case for uncased models, split at white space and punctuation), then each
 * word is cut greedily into the longest pieces the vocabulary holds, left to right, pieces after
 * the first carrying the continuation prefix "##" ("unaffable" → "un", "##aff", "##able"). A word
 * with a part no piece spells, or longer than {@code maxCharsPerWord}, is the unknown token.
 * {@link #encode} wraps the ids in [CLS] … [SEP] and cuts them to {@code maxLength}.
 * Immutable and safe to share between threads.
 */
public final class WordPieceTokenizer {
    public static final String CLS = "[CLS]";
    public static final String SEP = "[SEP]";
    public static final String PAD = "[PAD]";

    /**
     * @param lowercase       lower-case the text, as uncased models expect (true)
     * @param stripAccents    decompose (NFD) and drop the non-spacing marks: "Café" → "Cafe" (true)
     * @param splitCjk        make every CJK ideograph a word of its own (true)
     * @param maxCharsPerWord longer words become the unknown token, ≥ 1 (100)
     * @param continuation    the prefix of pieces inside a word ("##")
     * @param unknownToken    the token for what the vocabulary cannot spell ("[UNK]")
     * @param maxLength       the most ids {@link #encode} gives a text, [CLS] and [SEP] included, ≥ 2 (512)
     */
    public record Settings(boolean lowercase, boolean stripAccents, boolean splitCjk, int maxCharsPerWord, String continuation,
                           String unknownToken, int maxLength) {
        public Settings {
            if (maxCharsPerWord < 1) {
                throw new IllegalArgumentException("maxCharsPerWord must be at least 1, got " + maxCharsPerWord);
            }
            if (continuation == null || continuation.isEmpty()) {
                throw new IllegalArgumentException("continuation must be a non-empty prefix such as \"##\", got " + continuation);
            }
            if (unknownToken == null || unknownToken.isEmpty()) {
                throw new IllegalArgumentException("unknownToken must be a token such as \"[UNK]\", got " + unknownToken);
            }
            if (maxLength < 2) {
                throw new IllegalArgumentException("maxLength must be at least 2, room for [CLS] and [SEP], got " + maxLength);
            }
        }

        /** The settings of BERT's uncased models. */
        public static Settings uncased() {
            return new Settings(true, true, true, 100, "##", "[UNK]", 512);
        }

        public Settings withMaxLength(int v) {
            return new Settings(lowercase, stripAccents, splitCjk, maxCharsPerWord, continuation, unknownToken, v);
        }
    }

    private final WordPieceVocabulary vocabulary;
    private final Settings settings;
    private final Map<String, Integer> specialTokens;
    private final BasicTokenizer basic;
    private final int unknownId;
    private final int clsId;
    private final int sepId;
    private final int padId;

    /**
     * A tokenizer with the given vocabulary and settings; the special tokens recognised in text are
     * BERT's five ([PAD], [UNK], [CLS], [SEP], [MASK]), those that the vocabulary holds.
     */
    public WordPieceTokenizer(WordPieceVocabulary vocabulary, Settings settings) {
        this(vocabulary, settings, bertSpecialTokens(vocabulary));
    }

    WordPieceTokenizer(WordPieceVocabulary vocabulary, Settings settings, Map<String, Integer> specialTokens) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.specialTokens = Map.copyOf(specialTokens);
        this.basic = new BasicTokenizer(settings.lowercase(), settings.stripAccents(), settings.splitCjk());
        this.unknownId = required(settings.unknownToken());
        this.clsId = required(CLS);
        this.sepId = required(SEP);
        this.padId = required(PAD);
    }

    /**
     * The tokenizer a HuggingFace {@code tokenizer.json} describes: a WordPiece model behind a
     * BertNormalizer and BertPreTokenizer, with its vocabulary, settings, special tokens and
     * truncation length. {@code source} names the file in error messages.
     */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json, String source) {
        return TokenizerJson.read(json, source);
    }

    private static Map<String, Integer> bertSpecialTokens(WordPieceVocabulary vocabulary) {
        Map<String, Integer> special = new LinkedHashMap<>();
        for (String token : List.of(PAD, "[UNK]", CLS, SEP, "[MASK]")) {
            if (vocabulary.contains(token)) {
                special.put(token, vocabulary.id(token));
            }
        }
        return special;
    }

    private int required(String token) {
        int id = vocabulary.id(token);
        if (id < 0) {
            throw new IllegalArgumentException("the vocabulary lacks the token " + token + ", which BERT's tokenizer needs");
        }
        return id;
    }

    public WordPieceVocabulary vocabulary() {
        return vocabulary;
    }

    public Settings settings() {
        return settings;
    }

    /** This tokenizer, cutting {@link #encode}'s ids to {@code maxLength}. */
    public WordPieceTokenizer withMaxLength(int maxLength) {
        return new WordPieceTokenizer(vocabulary, settings.withMaxLength(maxLength), specialTokens);
    }

    /** The id of [PAD], which pads short rows of a batch. */
    public int padId() {
        return padId;
    }

    /** The pieces of {@code text}, without [CLS] and [SEP] and never cut. */
    public List<String> tokenize(String text) {
        IntList ids = new IntList();
        pieces(text, ids);
        List<String> tokens = new ArrayList<>(ids.size);
        for (int i = 0; i < ids.size; i++) {
            tokens.add(vocabulary.token(ids.values[i]));
        }
        return tokens;
    }

    /**
     * The ids a BERT model reads for {@code text}: [CLS], the pieces' ids, [SEP], at most
     * {@code maxLength} in all; longer texts lose pieces from the end.
     */
    public int[] encode(String text) {
        IntList ids = new IntList();
        ids.add(clsId);
        pieces(text, ids);
        int kept = Math.min(ids.size, settings.maxLength() - 1);
        int[] out = Arrays.copyOf(ids.values, kept + 1);
        out[kept] = sepId;
        return out;
    }

    /** Each text's ids as {@link #encode} gives them, padded with [PAD] to the longest, with their attention mask. */
    public EncodedBatch encode(List<String> texts) {
        List<int[]> rows = new ArrayList<>(texts.size());
        for (String text : texts) {
            rows.add(encode(text));
        }
        return EncodedBatch.pad(rows, padId);
    }

    private void pieces(String text, IntList ids) {
        Objects.requireNonNull(text, "text");
        int from = 0;
        while (from < text.length()) {
            int at = -1;
            String special = null;
            if (!specialTokens.isEmpty()) {
                for (String s : specialTokens.keySet()) {
                    int i = text.indexOf(s, from);
                    if (i >= 0 && (at < 0 || i < at || i == at && s.length() > special.length())) {
                        at = i;
                        special = s;
                    }
                }
            }
            int end = at < 0 ? text.length() : at;
            if (end > from) {
                basic.words(text.substring(from, end), word -> wordPieces(word, ids));
            }
            if (special == null) {
                return;
            }
            ids.add(specialTokens.get(special));
            from = at + special.length();
        }
    }

    /** Greedy longest-match-first: the longest piece starting at each position, or the unknown token for the whole word. */
    private void wordPieces(String word, IntList ids) {
        if (word.codePointCount(0, word.length()) > settings.maxCharsPerWord()) {
            ids.add(unknownId);
            return;
        }
        int mark = ids.size;
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            int id = -1;
            while (end > start) {
                String piece = start == 0 ? word.substring(0, end) : settings.continuation() + word.substring(start, end);
                id = vocabulary.id(piece);
                if (id >= 0) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (id < 0) {
                ids.size = mark;
                ids.add(unknownId);
                return;
            }
            ids.add(id);
            start = end;
        }
    }

    /** A growable int array. */
    private static final class IntList {
        int[] values = new int[32];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
