package dev.kiln.text.classify;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import dev.kiln.learn.linear.LogisticRegressionModel;
import dev.kiln.text.vectorize.FittedTfidfVectorizer;
import java.util.List;

/** The model codecs of kiln-text, registered through META-INF/services. */
public final class TextModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        return List.of(new TfidfLogisticRegressionCodec());
    }

    /**
     * Settings as hyperparameters; the vocabulary (terms in column order) and document count in
     * the manifest; document frequencies and idf weights as tensors; the logistic regression as
     * the child "classifier".
     */
    static final class TfidfLogisticRegressionCodec implements ModelCodec<TfidfLogisticRegressionModel> {
        @Override
        public String typeId() {
            return TfidfLogisticRegression.NAME;
        }

        @Override
        public Class<TfidfLogisticRegressionModel> type() {
            return TfidfLogisticRegressionModel.class;
        }

        @Override
        public void write(TfidfLogisticRegressionModel model, ModelWriter out) {
            out.hyperparameters(model.params());
            out.put("text_column", model.textColumn());
            FittedTfidfVectorizer v = model.vectorizer();
            out.put("terms", v.vocabulary().terms());
            out.put("documents", v.documents());
            out.tensor("document_frequency", v.documentFrequency(), v.vocabulary().size());
            out.tensor("idf", v.idf(), v.vocabulary().size());
            out.child("classifier", model.classifier());
        }

        @Override
        public TfidfLogisticRegressionModel read(ModelReader in) {
            TfidfLogisticRegression.Params params = in.hyperparameters(TfidfLogisticRegression.Params.class);
            List<String> terms = in.getStringList("terms");
            try {
                FittedTfidfVectorizer v = FittedTfidfVectorizer.of(params.tfidf(), terms, in.ints("document_frequency", terms.size()),
                        in.get("documents", Integer.class), in.doubles("idf", terms.size()));
                return TfidfLogisticRegressionModel.of(params, in.getString("text_column"), v,
                        in.child("classifier", LogisticRegressionModel.class));
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
    }
}
