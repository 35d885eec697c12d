package dev.kiln.text.classify;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted text classifier: labels documents, with class probabilities. The three sentiment
 * pipelines (TF-IDF + logistic regression, a neural network, sentence embeddings + logistic
 * regression) share this API, and as {@link ClassificationModel}s they predict a frame's text
 * column, so {@code kiln evaluate} and {@code kiln predict} take them like any other model.
 * Words never seen in training are ignored, never an error.
 */
public interface TextClassifierModel extends ClassificationModel {

    /** The input column the model reads its texts from. */
    String textColumn();

    /** Labels every document. */
    ClassificationPrediction predictTexts(List<String> texts);

    @Override
    default ClassificationPrediction predict(Frame features) {
        return predictTexts(Texts.of(features, Texts.column(features, textColumn(), "text classifier"), false, "text classifier"));
    }

    /** Labels one document. */
    default TextPrediction predict(String text) {
        ClassificationPrediction p = predictTexts(List.of(text));
        double[] probabilities = p.probabilities(0);
        Map<String, Double> byClass = new LinkedHashMap<>();
        for (int k = 0; k < classes().size(); k++) {
            byClass.put(classes().get(k), probabilities[k]);
        }
        return new TextPrediction(p.label(0), probabilities[p.classIndex(0)], byClass);
    }
}
