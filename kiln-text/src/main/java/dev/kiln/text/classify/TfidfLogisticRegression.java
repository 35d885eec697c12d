package dev.kiln.text.classify;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.linear.LogisticRegressionModel;
import dev.kiln.text.vectorize.TfidfVectorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The classic text classifier: TF-IDF vectors ({@link TfidfVectorizer}) into logistic
 * regression trained on the sparse rows, as scikit-learn's
 * {@code make_pipeline(TfidfVectorizer(), LogisticRegression())}.
 */
public final class TfidfLogisticRegression implements Estimator<TfidfLogisticRegressionModel> {
    static final String NAME = "tfidf-logreg";

    /**
     * @param textColumn the column to read (null: the frame's only text column)
     * @param tfidf      the vectorizer's settings (scikit-learn's defaults)
     * @param logistic   the classifier's settings (scikit-learn's defaults: L2, C = 1)
     */
    public record Params(String textColumn, TfidfVectorizer.Params tfidf, LogisticRegression.Params logistic) {
        public Params {
            Objects.requireNonNull(tfidf, "tfidf");
            Objects.requireNonNull(logistic, "logistic");
        }

        public static Params defaults() {
            return new Params(null, TfidfVectorizer.Params.defaults(), LogisticRegression.Params.defaults());
        }

        public Params withTextColumn(String v) {
            return new Params(v, tfidf, logistic);
        }

        public Params withTfidf(TfidfVectorizer.Params v) {
            return new Params(textColumn, v, logistic);
        }

        public Params withLogistic(LogisticRegression.Params v) {
            return new Params(textColumn, tfidf, v);
        }
    }

    private final Params params;

    public TfidfLogisticRegression() {
        this(Params.defaults());
    }

    public TfidfLogisticRegression(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public TfidfLogisticRegressionModel fit(Frame features, Column target) {
        String column = Texts.column(features, params.textColumn(), NAME);
        return fit(column, Texts.of(features, column, true, NAME), target);
    }

    /** Fits on documents and their labels; the model's text column is called "text". */
    public TfidfLogisticRegressionModel fit(List<String> texts, Column target) {
        Texts.checkTraining(texts, NAME);
        return fit(params.textColumn() == null ? "text" : params.textColumn(), texts, target);
    }

    private TfidfLogisticRegressionModel fit(String column, List<String> texts, Column target) {
        Texts.checkLabels(texts, target, NAME);
        TfidfVectorizer.Weighted w = new TfidfVectorizer(params.tfidf()).fitTransform(texts);
        List<String> names = new ArrayList<>(w.vectorizer().vocabulary().size());
        for (String term : w.vectorizer().vocabulary().terms()) {
            names.add(column + ":" + term);
        }
        LogisticRegressionModel classifier = new LogisticRegression(params.logistic()).fit(w.vectors(), names, target);
        return new TfidfLogisticRegressionModel(params, column, w.vectorizer(), classifier);
    }
}
