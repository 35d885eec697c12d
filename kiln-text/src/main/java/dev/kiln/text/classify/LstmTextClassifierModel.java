package dev.kiln.text.classify;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import dev.kiln.text.vectorize.TextAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link LstmTextClassifier}: its vocabulary and network weights. Texts are tokenised as
 * in training, cut to the maximum length, and words outside the vocabulary read as the unknown
 * word. Immutable and safe to share between threads.
 */
public final class LstmTextClassifierModel implements TextClassifierModel {
    private static final int BATCH = 256;

    private final LstmTextClassifier.Params params;
    private final String textColumn;
    private final List<String> classes;
    private final TokenVocabulary vocabulary;
    private final LstmTextNetwork network;
    private final int pretrainedWords;

    LstmTextClassifierModel(LstmTextClassifier.Params params, String textColumn, List<String> classes, TokenVocabulary vocabulary,
                            LstmTextNetwork network, int pretrainedWords) {
        if (classes.size() < 2) {
            throw new IllegalArgumentException(LstmTextClassifier.NAME + ": a classifier needs at least two classes, got " + classes);
        }
        this.params = params;
        this.textColumn = textColumn;
        this.classes = List.copyOf(classes);
        this.vocabulary = vocabulary;
        this.network = network;
        this.pretrainedWords = pretrainedWords;
    }

    /**
     * Re-creates a model from its parts, as a model file stores them: {@code weights} by the names
     * of {@link #weights()}, each the shape the settings give.
     */
    public static LstmTextClassifierModel of(LstmTextClassifier.Params params, String textColumn, List<String> classes,
                                             TokenVocabulary vocabulary, Map<String, float[]> weights, int pretrainedWords) {
        LstmTextNetwork network = new LstmTextNetwork(vocabulary.size(), classes.size(), params, Rng.seeded(0));
        for (Map.Entry<String, Tensor> e : network.namedParameters().entrySet()) {
            float[] w = weights.get(e.getKey());
            float[] target = e.getValue().data();
            if (w == null || w.length != target.length) {
                throw new IllegalArgumentException(LstmTextClassifier.NAME + ": weight '" + e.getKey() + "' must hold "
                        + target.length + " values " + Arrays.toString(e.getValue().shape()) + ", got "
                        + (w == null ? "none" : w.length));
            }
            System.arraycopy(w, 0, target, 0, w.length);
        }
        if (weights.size() != network.namedParameters().size()) {
            List<String> extra = new ArrayList<>(weights.keySet());
            extra.removeAll(network.namedParameters().keySet());
            throw new IllegalArgumentException(LstmTextClassifier.NAME + ": unexpected weights " + extra);
        }
        return new LstmTextClassifierModel(params, textColumn, classes, vocabulary, network, pretrainedWords);
    }

    /** The name and shape of each weight a model of these settings holds, in the order of {@link #weights()}. */
    static Map<String, long[]> weightShapes(LstmTextClassifier.Params params, int vocabularySize, int classes) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : new LstmTextNetwork(vocabularySize, classes, params, Rng.seeded(0)).namedParameters().entrySet()) {
            shapes.put(e.getKey(), Arrays.stream(e.getValue().shape()).asLongStream().toArray());
        }
        return shapes;
    }

    public LstmTextClassifier.Params params() {
        return params;
    }

    public TokenVocabulary vocabulary() {
        return vocabulary;
    }

    /** How many embedding rows started from pretrained vectors (0 when none were given). */
    public int pretrainedWords() {
        return pretrainedWords;
    }

    /**
     * Copies of the network's weights by PyTorch's names ({@code embedding.weight},
     * {@code lstm.weight_ih_l0}, …, {@code head.weight}, {@code head.bias}), with their shapes.
     */
    public Map<String, Tensor> weights() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : network.namedParameters().entrySet()) {
            out.put(e.getKey(), Tensor.of(e.getValue().data().clone(), e.getValue().shape()));
        }
        return out;
    }

    @Override
    public String textColumn() {
        return textColumn;
    }

    @Override
    public ClassificationPrediction predictTexts(List<String> texts) {
        TextAnalyzer.Terms terms = params.analyzer().terms();
        List<int[]> sequences = new ArrayList<>(texts.size());
        for (String t : texts) {
            sequences.add(vocabulary.encode(terms.of(t == null ? "" : t), params.maxLength()));
        }
        double[][] probabilities = new double[texts.size()][];
        try (var scope = Tensor.noGrad()) {
            for (int from = 0; from < texts.size(); from += BATCH) {
                int[] rows = new int[Math.min(BATCH, texts.size() - from)];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = from + i;
                }
                float[] logits = network.logits(TokenBatch.of(sequences, rows), null).data();
                for (int i = 0; i < rows.length; i++) {
                    probabilities[from + i] = softmax(logits, i * classes.size(), classes.size());
                }
            }
        }
        return ClassificationPrediction.fromProbabilities(classes, probabilities);
    }

    private static double[] softmax(float[] z, int offset, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, z[offset + k]);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            p[k] = Math.exp(z[offset + k] - max);
            sum += p[k];
        }
        for (int k = 0; k < n; k++) {
            p[k] /= sum;
        }
        return p;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public Schema inputSchema() {
        return new Schema(List.of(Schema.Field.of(textColumn, ColumnType.TEXT)));
    }
}
