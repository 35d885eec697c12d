package dev.kiln.text.encode;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.text.wordpiece.EncodedBatch;
import dev.kiln.text.wordpiece.WordPieceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence embeddings from a pretrained transformer run with ONNX Runtime, as
 * sentence-transformers computes them (Reimers and Gurevych 2019): BERT WordPiece tokens, the
 * transformer's last hidden states, their mean over the attention mask, scaled to unit L2 norm.
 * Texts are batched by length: sorted by token count, cut into batches of at most
 * {@code batchSize}, each padded only to its own longest text. Texts longer than
 * {@code maxLength} tokens are cut. Every encoder of one model, thread count, optimisation level
 * and spinning shares one ONNX Runtime session; encoders are immutable and safe to call from many
 * threads.
 */
public final class SentenceEncoder implements Embedder {
    /** From this many texts on, {@link #encode} reports progress. */
    private static final int PROGRESS_FROM = 1_000;
    private static final Map<EncoderModel, WordPieceTokenizer> TOKENIZERS = new ConcurrentHashMap<>();

    /** ONNX Runtime's graph optimisation levels. */
    public enum Optimization {
        NONE(OrtSession.SessionOptions.OptLevel.NO_OPT),
        BASIC(OrtSession.SessionOptions.OptLevel.BASIC_OPT),
        EXTENDED(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT),
        ALL(OrtSession.SessionOptions.OptLevel.ALL_OPT);

        private final OrtSession.SessionOptions.OptLevel level;

        Optimization(OrtSession.SessionOptions.OptLevel level) {
            this.level = level;
        }

        OrtSession.SessionOptions.OptLevel level() {
            return level;
        }
    }

    /**
     * @param threads      ONNX Runtime's intra-op threads, ≥ 1, or 0 for Kiln's thread count ({@link Parallelism#threads()}) (0)
     * @param optimization the graph optimisation level (ALL)
     * @param spinning     whether ONNX Runtime's idle intra-op threads spin for work rather than sleep: faster on cores of
     *                     one's own, wasteful on cores shared with other work (false)
     * @param batchSize    the most texts one model call reads, ≥ 1 (16)
     * @param maxLength    the most tokens of a text, [CLS] and [SEP] included, ≥ 2, or 0 for the model's own (0)
     */
    public record Settings(int threads, Optimization optimization, boolean spinning, int batchSize, int maxLength) {
        public Settings {
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be at least 1, or 0 for Kiln's thread count, got " + threads);
            }
            Objects.requireNonNull(optimization, "optimization");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            if (maxLength != 0 && maxLength < 2) {
                throw new IllegalArgumentException("maxLength must be at least 2 (room for [CLS] and [SEP]), or 0 for the model's own, got "
                        + maxLength);
            }
        }

        public static Settings defaults() {
            return new Settings(0, Optimization.ALL, false, 16, 0);
        }

        public Settings withThreads(int v) {
            return new Settings(v, optimization, spinning, batchSize, maxLength);
        }

        public Settings withOptimization(Optimization v) {
            return new Settings(threads, v, spinning, batchSize, maxLength);
        }

        public Settings withSpinning(boolean v) {
            return new Settings(threads, optimization, v, batchSize, maxLength);
        }

        public Settings withBatchSize(int v) {
            return new Settings(threads, optimization, spinning, v, maxLength);
        }

        public Settings withMaxLength(int v) {
            return new Settings(threads, optimization, spinning, batchSize, v);
        }
    }

    private final EncoderModel model;
    private final Settings settings;
    private final WordPieceTokenizer tokenizer;
    private final OrtSession session;
    private final String sha256;
    private final boolean tokenTypes;

    private SentenceEncoder(EncoderModel model, Settings settings) {
        int maxLength = settings.maxLength() == 0 ? model.maxLength() : settings.maxLength();
        if (maxLength > model.positions()) {
            throw new IllegalArgumentException(model.name() + " reads at most " + model.positions() + " tokens; maxLength " + maxLength
                    + " is too long");
        }
        this.model = model;
        this.settings = settings;
        this.tokenizer = TOKENIZERS.computeIfAbsent(model, SentenceEncoder::readTokenizer).withMaxLength(maxLength);
        SharedSessions.Loaded loaded = SharedSessions.get(new SharedSessions.Key(model,
                settings.threads() == 0 ? Parallelism.threads() : settings.threads(), settings.optimization(), settings.spinning()));
        this.session = loaded.session();
        this.sha256 = loaded.sha256();
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
            throw new IllegalStateException(model.name() + ": the ONNX graph takes " + inputs + "; expected input_ids and attention_mask");
        }
        this.tokenTypes = inputs.contains("token_type_ids");
    }

    /** all-MiniLM-L6-v2 with the default settings: 384 dimensions, 256 tokens. */
    public static SentenceEncoder allMiniLmL6V2() {
        return of(EncoderModel.ALL_MINILM_L6_V2, Settings.defaults());
    }

    /** all-MiniLM-L6-v2 with the given settings. */
    public static SentenceEncoder allMiniLmL6V2(Settings settings) {
        return of(EncoderModel.ALL_MINILM_L6_V2, settings);
    }

    /** An encoder of {@code model}; the first call for a model, thread count and optimisation level loads the model (about a second). */
    public static SentenceEncoder of(EncoderModel model, Settings settings) {
        return new SentenceEncoder(Objects.requireNonNull(model, "model"), Objects.requireNonNull(settings, "settings"));
    }

    /**
     * The WordPiece tokenizer of {@code model} at the model's default length, read once from its
     * tokenizer.json without loading the ONNX graph (for counting tokens, e.g. to size chunks).
     */
    public static WordPieceTokenizer tokenizerOf(EncoderModel model) {
        return TOKENIZERS.computeIfAbsent(Objects.requireNonNull(model, "model"), SentenceEncoder::readTokenizer);
    }

    private static WordPieceTokenizer readTokenizer(EncoderModel model) {
        try (InputStream in = model.open(model.tokenizerResource())) {
            return WordPieceTokenizer.fromTokenizerJson(in, model.artifact() + "!/" + model.tokenizerResource());
        } catch (IOException e) {
            throw new UncheckedIOException(model.name() + ": cannot read " + model.tokenizerResource() + ": " + e.getMessage(), e);
        }
    }

    public EncoderModel model() {
        return model;
    }

    public Settings settings() {
        return settings;
    }

    /** The tokenizer, cutting texts to this encoder's length. */
    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /** The word pieces of a text this encoder reads: its length less [CLS] and [SEP]; later pieces are cut off. */
    public int window() {
        return tokenizer.settings().maxLength() - 2;
    }

    /** The SHA-256 of the ONNX file, in hex: which weights these embeddings come from. */
    public String modelSha256() {
        return sha256;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[][] embed(List<String> texts) {
        return encode(texts);
    }

    /** The unit-length sentence vector of each text, in the texts' order. */
    public float[][] encode(List<String> texts) {
        int n = texts.size();
        int[][] ids = new int[n][];
        for (int i = 0; i < n; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new IllegalArgumentException(model.name() + ": text " + (i + 1) + " is null; expected a string (it may be empty)");
            }
            ids[i] = tokenizer.encode(text);
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(ids[a].length, ids[b].length));
        float[][] out = new float[n][];
        try (Progress progress = n >= PROGRESS_FROM ? Progress.start("embedding " + n + " texts with " + model.name(), n)
                : Progress.none()) {
            for (int from = 0; from < n; from += settings.batchSize()) {
                int to = Math.min(n, from + settings.batchSize());
                List<int[]> rows = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    rows.add(ids[order[k]]);
                }
                float[][] vectors = run(EncodedBatch.pad(rows, tokenizer.padId()));
                for (int k = from; k < to; k++) {
                    out[order[k]] = vectors[k - from];
                }
                progress.advance(to - from);
            }
        }
        return out;
    }

    private float[][] run(EncodedBatch batch) {
        long[] shape = {batch.rows(), batch.length()};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.ids()), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.attentionMask()), shape));
            if (tokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.tokenTypeIds()), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get("last_hidden_state").orElseGet(() -> result.get(0));
                long[] dims = hidden.getInfo().getShape();
                if (dims.length != 3 || dims[0] != batch.rows() || dims[1] != batch.length() || dims[2] != model.dimension()) {
                    throw new IllegalStateException(model.name() + ": the model gave hidden states of shape " + Arrays.toString(dims)
                            + "; expected [" + batch.rows() + ", " + batch.length() + ", " + model.dimension() + "]");
                }
                return meanPooled(hidden.getFloatBuffer(), batch);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(model.name() + ": ONNX Runtime failed on a batch of " + batch.rows() + " texts of "
                    + batch.length() + " tokens: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The mean of each row's hidden states over its tokens (not its padding), scaled to unit length. */
    private float[][] meanPooled(FloatBuffer hidden, EncodedBatch batch) {
        int d = model.dimension();
        float[][] out = new float[batch.rows()][];
        double[] sum = new double[d];
        for (int r = 0; r < batch.rows(); r++) {
            Arrays.fill(sum, 0);
            int tokens = batch.tokens(r);
            int base = r * batch.length() * d;
            for (int t = 0; t < tokens; t++) {
                int at = base + t * d;
                for (int j = 0; j < d; j++) {
                    sum[j] += hidden.get(at + j);
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += sum[j] * sum[j];
            }
            double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
            float[] v = new float[d];
            for (int j = 0; j < d; j++) {
                v[j] = (float) (sum[j] * scale);
            }
            out[r] = v;
        }
        return out;
    }
}
