package dev.kiln.text.classify;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.learn.linear.LogisticRegressionModel;
import dev.kiln.text.encode.SentenceEncoder;
import java.util.List;

/**
 * A fitted {@link MiniLmLogisticRegression}: the sentence encoder (all-MiniLM-L6-v2, loaded from
 * its Maven artifact, never stored) and the logistic regression over its 384 dimensions.
 */
public final class MiniLmLogisticRegressionModel implements TextClassifierModel {
    private final MiniLmLogisticRegression.Params params;
    private final String textColumn;
    private final SentenceEncoder encoder;
    private final LogisticRegressionModel classifier;

    MiniLmLogisticRegressionModel(MiniLmLogisticRegression.Params params, String textColumn, SentenceEncoder encoder,
                                  LogisticRegressionModel classifier) {
        if (classifier.inputSchema().size() != encoder.dimension()) {
            throw new IllegalArgumentException("the classifier takes " + classifier.inputSchema().size() + " columns, the encoder makes "
                    + encoder.dimension());
        }
        this.params = params;
        this.textColumn = textColumn;
        this.encoder = encoder;
        this.classifier = classifier;
    }

    /** Re-creates a model from its settings and classifier, as a model file stores them; loads the encoder. */
    public static MiniLmLogisticRegressionModel of(MiniLmLogisticRegression.Params params, String textColumn,
                                                   LogisticRegressionModel classifier) {
        return new MiniLmLogisticRegressionModel(params, textColumn, SentenceEncoder.allMiniLmL6V2(params.encoder()), classifier);
    }

    public MiniLmLogisticRegression.Params params() {
        return params;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    public LogisticRegressionModel classifier() {
        return classifier;
    }

    @Override
    public String textColumn() {
        return textColumn;
    }

    @Override
    public ClassificationPrediction predictTexts(List<String> texts) {
        return classifier.predict(MiniLmLogisticRegression.features(encoder.encode(texts), encoder.dimension()));
    }

    @Override
    public List<String> classes() {
        return classifier.classes();
    }

    @Override
    public Schema inputSchema() {
        return new Schema(List.of(Schema.Field.of(textColumn, ColumnType.TEXT)));
    }
}
