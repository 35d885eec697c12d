package dev.kiln.text.classify;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.nn.train.TrainingHistory;
import dev.kiln.text.ngram.NGramRange;
import dev.kiln.text.vectorize.TextAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A recurrent text classifier on kiln-nn: word embeddings (optionally started from pretrained
 * vectors) read by a bidirectional LSTM (Hochreiter and Schmidhuber 1997; Graves and Schmidhuber
 * 2005), its outputs max-pooled over time, then dropout and a softmax layer. Trained by
 * cross-entropy with Adam on shuffled mini-batches, with early stopping on a held-out share of
 * the rows; the vocabulary comes from the other rows only, so the validation loss meets unknown
 * words as new texts will. Unlike a bag of words it reads word order, so "not good, just fine"
 * and "good, not just fine" differ.
 *
 * <p>With the defaults, 5-fold accuracy on the 3,000 labelled sentences of the tests is 0.807
 * (TF-IDF + logistic regression: 0.817); a fit on 2,400 of them takes about 4 s.
 */
public final class LstmTextClassifier implements Estimator<LstmTextClassifierModel> {
    static final String NAME = "lstm";

    /**
     * How the LSTM's outputs become one vector per text. On the labelled sentences the three are
     * within noise of each other (5-fold accuracy 0.807 each, seed 42); MAX is the default because
     * it was never behind: with embeddings started at N(0, 1) it reached 0.772 where LAST reached
     * 0.748, as every step's output reaches the classifier directly rather than through the
     * final state alone.
     */
    public enum Pooling {
        /** The final states of both directions (the forward one at the text's last word). */
        LAST,
        /** The largest output of each unit over the text's words (Collobert et al. 2011; Conneau et al. 2017). */
        MAX,
        /** The mean output over the text's words. */
        MEAN
    }

    /**
     * @param textColumn         the column to read (null: the frame's only text column)
     * @param analyzer           how texts become tokens: word unigrams (default lower-cased words, punctuation dropped)
     * @param embeddingDim       length of each word vector (default 64)
     * @param hiddenSize         LSTM units per direction (default 64)
     * @param layers             stacked LSTM layers (default 1)
     * @param bidirectional      whether the LSTM also reads each text backwards (default true)
     * @param pooling            how outputs over time become one vector (default MAX)
     * @param dropout            dropout probability before the softmax layer, in [0, 1) (default 0.5)
     * @param epochs             the most passes over the training rows (default 20)
     * @param batchSize          texts per Adam step (default 32)
     * @param learningRate       Adam's step size (default 0.002)
     * @param maxLength          words read per text; longer texts are cut after this many (default 64)
     * @param vocabularySize     the most words embedded, the most frequent (default 20000)
     * @param minCount           embed words seen at least this often in training; rarer words share the
     *                           unknown-word vector, which is how that vector is learnt (default 2)
     * @param validationFraction share of the rows held out to pick the epoch, in [0, 1) (default 0.1; 0: none)
     * @param patience           stop after this many epochs without a lower validation loss, keeping the
     *                           best epoch's weights (default 3; 0: train every epoch)
     * @param seed               seeds the initial weights, the split, the shuffles and the dropout masks
     */
    public record Params(String textColumn, TextAnalyzer analyzer, int embeddingDim, int hiddenSize, int layers, boolean bidirectional,
                         Pooling pooling, double dropout, int epochs, int batchSize, double learningRate, int maxLength,
                         int vocabularySize, int minCount, double validationFraction, int patience, long seed) {
        public Params {
            Objects.requireNonNull(analyzer, NAME + ": analyzer");
            Objects.requireNonNull(pooling, NAME + ": pooling");
            if (analyzer.unit() != TextAnalyzer.Unit.WORD || !analyzer.ngrams().equals(NGramRange.exactly(1))) {
                throw new IllegalArgumentException(NAME + ": the analyzer must give single words in order (unit WORD, n-grams 1..1), got "
                        + analyzer.unit() + " " + analyzer.ngrams());
            }
            atLeastOne("embeddingDim", embeddingDim);
            atLeastOne("hiddenSize", hiddenSize);
            atLeastOne("layers", layers);
            atLeastOne("epochs", epochs);
            atLeastOne("batchSize", batchSize);
            atLeastOne("maxLength", maxLength);
            atLeastOne("vocabularySize", vocabularySize);
            atLeastOne("minCount", minCount);
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException(NAME + ": dropout must be in [0, 1), got " + dropout);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException(NAME + ": learningRate must be a finite number > 0, got " + learningRate);
            }
            if (!(validationFraction >= 0 && validationFraction < 1)) {
                throw new IllegalArgumentException(NAME + ": validationFraction must be in [0, 1), got " + validationFraction);
            }
            if (patience < 0) {
                throw new IllegalArgumentException(NAME + ": patience must be >= 0, got " + patience);
            }
            if (patience > 0 && validationFraction == 0) {
                throw new IllegalArgumentException(NAME + ": early stopping (patience " + patience
                        + ") needs validation rows: set validationFraction > 0 or patience 0");
            }
        }

        private static void atLeastOne(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(NAME + ": " + name + " must be >= 1, got " + value);
            }
        }

        public static Params defaults() {
            return new Params(null, TextAnalyzer.words(), 64, 64, 1, true, Pooling.MAX, 0.5, 20, 32, 0.002, 64, 20_000, 2, 0.1, 3, 42);
        }

        public Params withTextColumn(String v) {
            return new Params(v, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withAnalyzer(TextAnalyzer v) {
            return new Params(textColumn, v, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withEmbeddingDim(int v) {
            return new Params(textColumn, analyzer, v, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withHiddenSize(int v) {
            return new Params(textColumn, analyzer, embeddingDim, v, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withLayers(int v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, v, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withBidirectional(boolean v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, v, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withPooling(Pooling v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, v, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withDropout(double v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, v, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withEpochs(int v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, v, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withBatchSize(int v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, v,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withLearningRate(double v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    v, maxLength, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withMaxLength(int v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, v, vocabularySize, minCount, validationFraction, patience, seed);
        }

        public Params withVocabularySize(int v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, v, minCount, validationFraction, patience, seed);
        }

        public Params withMinCount(int v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, v, validationFraction, patience, seed);
        }

        /** Holds out {@code fraction} of the rows to pick the epoch, stopping after {@code patience} epochs without progress. */
        public Params withValidation(double fraction, int patience) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, fraction, patience, seed);
        }

        public Params withSeed(long v) {
            return new Params(textColumn, analyzer, embeddingDim, hiddenSize, layers, bidirectional, pooling, dropout, epochs, batchSize,
                    learningRate, maxLength, vocabularySize, minCount, validationFraction, patience, v);
        }
    }

    /** A fitted model and how its training went. */
    public record Result(LstmTextClassifierModel model, TrainingHistory history) {
    }

    private final Params params;
    private final PretrainedEmbeddings pretrained;

    public LstmTextClassifier() {
        this(Params.defaults());
    }

    public LstmTextClassifier(Params params) {
        this(params, null);
    }

    private LstmTextClassifier(Params params, PretrainedEmbeddings pretrained) {
        this.params = Objects.requireNonNull(params, "params");
        if (pretrained != null && pretrained.dimension() != params.embeddingDim()) {
            throw new IllegalArgumentException(NAME + ": the pretrained vectors have " + pretrained.dimension()
                    + " dimensions but embeddingDim is " + params.embeddingDim() + "; set withEmbeddingDim(" + pretrained.dimension() + ")");
        }
        this.pretrained = pretrained;
    }

    /** This estimator with its embedding table started from {@code vectors} for the words they hold. */
    public LstmTextClassifier withPretrained(PretrainedEmbeddings vectors) {
        return new LstmTextClassifier(params, Objects.requireNonNull(vectors, "vectors"));
    }

    public Params params() {
        return params;
    }

    @Override
    public LstmTextClassifierModel fit(Frame features, Column target) {
        String column = Texts.column(features, params.textColumn(), NAME);
        return train(column, Texts.of(features, column, true, NAME), target).model();
    }

    /** Fits on documents and their labels; the model's text column is called "text". */
    public LstmTextClassifierModel fit(List<String> texts, Column target) {
        return train(texts, target).model();
    }

    /** Fits on documents and their labels, and says how each epoch went. */
    public Result train(List<String> texts, Column target) {
        Texts.checkTraining(texts, NAME);
        return train(params.textColumn() == null ? "text" : params.textColumn(), texts, target);
    }

    private Result train(String column, List<String> texts, Column target) {
        ClassTarget y = ClassTarget.of(target, texts.size(), NAME);
        TextAnalyzer.Terms terms = params.analyzer().terms();
        List<List<String>> tokens = new ArrayList<>(texts.size());
        for (String t : texts) {
            tokens.add(terms.of(t));
        }
        Rng rng = Rng.seeded(params.seed());
        int[] order = rng.stream(0).permutation(texts.size());
        int held = (int) Math.round(params.validationFraction() * texts.size());
        if (params.validationFraction() > 0 && (held < 1 || held >= texts.size())) {
            throw new IllegalArgumentException(NAME + ": a validation fraction of " + params.validationFraction() + " leaves " + held
                    + " of " + texts.size() + " texts for validation; need at least one on each side");
        }
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] train = Arrays.copyOfRange(order, held, order.length);
        List<List<String>> trainTokens = new ArrayList<>(train.length);
        for (int r : train) {
            trainTokens.add(tokens.get(r));
        }
        TokenVocabulary vocabulary = TokenVocabulary.build(trainTokens, params.minCount(), params.vocabularySize());
        List<int[]> sequences = new ArrayList<>(texts.size());
        for (List<String> t : tokens) {
            sequences.add(vocabulary.encode(t, params.maxLength()));
        }
        LstmTextNetwork network = new LstmTextNetwork(vocabulary.size(), y.classCount(), params, rng.stream(1));
        int copied = pretrained == null ? 0 : Embeddings.copy(pretrained, vocabulary, network.embedding(), NAME);
        TrainingHistory history = SequenceTrainer.train(network, sequences, y.codes(), train, validation,
                new SequenceTrainer.Settings(NAME, params.epochs(), params.batchSize(), params.learningRate(), params.dropout(),
                        params.patience()), rng.stream(2));
        return new Result(new LstmTextClassifierModel(params, column, y.classes(), vocabulary, network, copied), history);
    }
}
