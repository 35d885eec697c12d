package dev.kiln.text.classify;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import dev.kiln.learn.linear.LogisticRegressionModel;
import dev.kiln.nn.tensor.Tensor;
import dev.kiln.text.encode.EncoderModel;
import dev.kiln.text.encode.SentenceEncoder;
import dev.kiln.text.vectorize.FittedTfidfVectorizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model codecs of kiln-text, registered through META-INF/services. */
public final class TextModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        return List.of(new TfidfLogisticRegressionCodec(), new LstmTextClassifierCodec(), new MiniLmLogisticRegressionCodec());
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

    /**
     * Settings as hyperparameters; the text column, classes, the vocabulary (words in id order from
     * 2) and the number of pretrained rows in the manifest; each weight as a float32 tensor under
     * its PyTorch name ({@code embedding.weight}, {@code lstm.weight_ih_l0}, …, {@code head.bias}).
     */
    static final class LstmTextClassifierCodec implements ModelCodec<LstmTextClassifierModel> {
        @Override
        public String typeId() {
            return "lstm-text-classifier";
        }

        @Override
        public Class<LstmTextClassifierModel> type() {
            return LstmTextClassifierModel.class;
        }

        @Override
        public void write(LstmTextClassifierModel model, ModelWriter out) {
            out.hyperparameters(model.params());
            out.put("text_column", model.textColumn());
            out.put("classes", model.classes());
            out.put("vocabulary", model.vocabulary().words());
            out.put("pretrained_words", model.pretrainedWords());
            for (Map.Entry<String, Tensor> e : model.weights().entrySet()) {
                out.tensor(e.getKey(), e.getValue().data(), Arrays.stream(e.getValue().shape()).asLongStream().toArray());
            }
        }

        @Override
        public LstmTextClassifierModel read(ModelReader in) {
            LstmTextClassifier.Params params = in.hyperparameters(LstmTextClassifier.Params.class);
            List<String> classes = in.getStringList("classes");
            try {
                TokenVocabulary vocabulary = TokenVocabulary.of(in.getStringList("vocabulary"));
                Map<String, float[]> weights = new LinkedHashMap<>();
                for (Map.Entry<String, long[]> e : LstmTextClassifierModel.weightShapes(params, vocabulary.size(), classes.size()).entrySet()) {
                    weights.put(e.getKey(), in.floats(e.getKey(), e.getValue()));
                }
                return LstmTextClassifierModel.of(params, in.getString("text_column"), classes, vocabulary, weights,
                        in.get("pretrained_words", Integer.class));
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
    }

    /**
     * Settings as hyperparameters; the encoder's name, artifact and the SHA-256 of its ONNX file in
     * the manifest; the logistic regression as the child "classifier". The encoder itself is not
     * stored: loading takes it from the class path, and refuses an ONNX file other than the one
     * the classifier was trained on.
     */
    static final class MiniLmLogisticRegressionCodec implements ModelCodec<MiniLmLogisticRegressionModel> {
        @Override
        public String typeId() {
            return MiniLmLogisticRegression.NAME;
        }

        @Override
        public Class<MiniLmLogisticRegressionModel> type() {
            return MiniLmLogisticRegressionModel.class;
        }

        @Override
        public void write(MiniLmLogisticRegressionModel model, ModelWriter out) {
            SentenceEncoder encoder = model.encoder();
            out.hyperparameters(model.params());
            out.put("text_column", model.textColumn());
            out.put("encoder", encoder.model().name());
            out.put("encoder_artifact", encoder.model().artifact() + encoder.model().artifactVersion().map(v -> ":" + v).orElse(""));
            out.put("encoder_sha256", encoder.modelSha256());
            out.child("classifier", model.classifier());
        }

        @Override
        public MiniLmLogisticRegressionModel read(ModelReader in) {
            MiniLmLogisticRegression.Params params = in.hyperparameters(MiniLmLogisticRegression.Params.class);
            String name = in.getString("encoder");
            if (!name.equals(EncoderModel.ALL_MINILM_L6_V2.name())) {
                throw in.error("the encoder is '" + name + "'; " + MiniLmLogisticRegression.NAME + " uses " + EncoderModel.ALL_MINILM_L6_V2.name());
            }
            try {
                MiniLmLogisticRegressionModel m = MiniLmLogisticRegressionModel.of(params, in.getString("text_column"),
                        in.child("classifier", LogisticRegressionModel.class));
                String trained = in.getString("encoder_sha256");
                if (!trained.equals(m.encoder().modelSha256())) {
                    throw in.error("the classifier was trained on the embeddings of " + in.getString("encoder_artifact") + " (ONNX file SHA-256 "
                            + trained + "), but the class path holds " + m.encoder().model().artifact() + ":"
                            + m.encoder().model().artifactVersion().orElse("?") + " with SHA-256 " + m.encoder().modelSha256()
                            + "; retrain the model with this encoder");
                }
                return m;
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
    }
}
