package dev.kiln.text.classify;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.linear.LogisticRegressionModel;
import dev.kiln.text.encode.SentenceEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Frozen sentence embeddings into logistic regression: each text's all-MiniLM-L6-v2 vector
 * ({@link SentenceEncoder}, 384 values, unit length) is a row of 384 features
 * ({@code embedding_0} … {@code embedding_383}) for {@link LogisticRegression}. The encoder is not
 * trained, so a text's vector never changes: the estimator remembers the vectors of the texts it
 * has fitted on, and cross-validation and tuning, which fit one estimator many times on
 * overlapping rows, embed each training text once.
 */
public final class MiniLmLogisticRegression implements Estimator<MiniLmLogisticRegressionModel> {
    static final String NAME = "minilm-logreg";

    /**
     * @param textColumn the column to read (null: the frame's only text column)
     * @param encoder    the sentence encoder's settings (256 tokens, Kiln's threads)
     * @param logistic   the classifier's settings (scikit-learn's defaults: L2, C = 1)
     */
    public record Params(String textColumn, SentenceEncoder.Settings encoder, LogisticRegression.Params logistic) {
        public Params {
            Objects.requireNonNull(encoder, "encoder");
            Objects.requireNonNull(logistic, "logistic");
        }

        public static Params defaults() {
            return new Params(null, SentenceEncoder.Settings.defaults(), LogisticRegression.Params.defaults());
        }

        public Params withTextColumn(String v) {
            return new Params(v, encoder, logistic);
        }

        public Params withEncoder(SentenceEncoder.Settings v) {
            return new Params(textColumn, v, logistic);
        }

        public Params withLogistic(LogisticRegression.Params v) {
            return new Params(textColumn, encoder, v);
        }
    }

    private final Params params;
    private final Map<String, float[]> seen = new HashMap<>();

    public MiniLmLogisticRegression() {
        this(Params.defaults());
    }

    public MiniLmLogisticRegression(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public MiniLmLogisticRegressionModel fit(Frame features, Column target) {
        String column = Texts.column(features, params.textColumn(), NAME);
        return fit(column, Texts.of(features, column, true, NAME), target);
    }

    /** Fits on documents and their labels; the model's text column is called "text". */
    public MiniLmLogisticRegressionModel fit(List<String> texts, Column target) {
        Texts.checkTraining(texts, NAME);
        return fit(params.textColumn() == null ? "text" : params.textColumn(), texts, target);
    }

    private MiniLmLogisticRegressionModel fit(String column, List<String> texts, Column target) {
        Texts.checkLabels(texts, target, NAME);
        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2(params.encoder());
        LogisticRegressionModel classifier = new LogisticRegression(params.logistic()).fit(features(embedded(encoder, texts),
                encoder.dimension()), target);
        return new MiniLmLogisticRegressionModel(params, column, encoder, classifier);
    }

    /**
     * The vectors of {@code texts}, embedding only those not seen before. Fits running at once
     * (cross-validation's folds) take turns, so none embeds what another is embedding; the
     * encoder keeps the cores busy on its own.
     */
    private float[][] embedded(SentenceEncoder encoder, List<String> texts) {
        synchronized (seen) {
            List<String> fresh = texts.stream().filter(t -> !seen.containsKey(t)).distinct().toList();
            float[][] vectors = encoder.encode(fresh);
            for (int i = 0; i < fresh.size(); i++) {
                seen.put(fresh.get(i), vectors[i]);
            }
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = seen.get(texts.get(i));
            }
            return out;
        }
    }

    /** The vectors as a frame of one double column per dimension, {@code embedding_0} …. */
    static Frame features(float[][] vectors, int dimension) {
        List<Column> columns = new ArrayList<>(dimension);
        for (int j = 0; j < dimension; j++) {
            double[] values = new double[vectors.length];
            for (int i = 0; i < vectors.length; i++) {
                values[i] = vectors[i][j];
            }
            columns.add(DoubleColumn.of("embedding_" + j, values));
        }
        return Frame.of(columns);
    }
}
