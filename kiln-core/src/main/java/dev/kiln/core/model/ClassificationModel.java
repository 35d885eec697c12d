package dev.kiln.core.model;

import java.util.List;

/** A fitted classifier: predicts one of {@link #classes()} per row, with probabilities where it can. */
public interface ClassificationModel extends Model<ClassificationPrediction> {

    /** The class names, in the order of prediction indices and probability columns. */
    List<String> classes();
}
