package dev.kiln.text.classify;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.learn.linear.LogisticRegressionModel;
import dev.kiln.text.vectorize.FittedTfidfVectorizer;
import java.util.List;

/**
 * A fitted {@link TfidfLogisticRegression}: its vectorizer and classifier. The classifier's
 * input columns are named {@code <text column>:<term>}, so its coefficients say which words push
 * towards which class.
 */
public final class TfidfLogisticRegressionModel implements TextClassifierModel {
    private final TfidfLogisticRegression.Params params;
    private final String textColumn;
    private final FittedTfidfVectorizer vectorizer;
    private final LogisticRegressionModel classifier;

    TfidfLogisticRegressionModel(TfidfLogisticRegression.Params params, String textColumn, FittedTfidfVectorizer vectorizer,
                                 LogisticRegressionModel classifier) {
        if (classifier.inputSchema().size() != vectorizer.vocabulary().size()) {
            throw new IllegalArgumentException("the classifier takes " + classifier.inputSchema().size() + " columns, the vectorizer makes "
                    + vectorizer.vocabulary().size());
        }
        this.params = params;
        this.textColumn = textColumn;
        this.vectorizer = vectorizer;
        this.classifier = classifier;
    }

    /** Re-creates a model from its parts, as a model file stores them. */
    public static TfidfLogisticRegressionModel of(TfidfLogisticRegression.Params params, String textColumn,
                                                  FittedTfidfVectorizer vectorizer, LogisticRegressionModel classifier) {
        return new TfidfLogisticRegressionModel(params, textColumn, vectorizer, classifier);
    }

    public TfidfLogisticRegression.Params params() {
        return params;
    }

    public FittedTfidfVectorizer vectorizer() {
        return vectorizer;
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
        return classifier.predict(vectorizer.transform(texts));
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
