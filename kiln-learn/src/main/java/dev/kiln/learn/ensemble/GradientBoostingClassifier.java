package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * Histogram gradient boosting for classification with the log loss, as scikit-learn's
 * {@code HistGradientBoostingClassifier} (see {@link GradientBoosting}): two classes boost one
 * logit (binary cross-entropy), more classes one score per class each iteration (multinomial
 * cross-entropy, softmax probabilities).
 */
public final class GradientBoostingClassifier implements Estimator<GradientBoostingClassifierModel> {
    private final GradientBoosting.Params params;

    public GradientBoostingClassifier() {
        this(GradientBoosting.Params.defaults());
    }

    public GradientBoostingClassifier(GradientBoosting.Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public GradientBoosting.Params params() {
        return params;
    }

    @Override
    public GradientBoostingClassifierModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, GradientBoosting.NAME);
        ClassTarget y = ClassTarget.of(target, x.rows(), GradientBoosting.NAME);
        int[] codes = y.codes();
        BoostingLoss loss = y.classCount() == 2 ? new BoostingLoss.Binomial(codes)
                : new BoostingLoss.Multinomial(codes, y.classCount());
        GradientBoosting.Fitted f = GradientBoosting.fit(x, loss, params, codes);
        return new GradientBoostingClassifierModel(params, features.schema(), y.classes(), f.baseline(), f.trees(),
                f.trainScores(), f.validationScores());
    }
}
