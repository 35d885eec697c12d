package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * Histogram gradient boosting for regression with the squared error, as scikit-learn's
 * {@code HistGradientBoostingRegressor} (see {@link GradientBoosting}): starting from the mean
 * target, each tree fits the residuals' Newton steps.
 */
public final class GradientBoostingRegressor implements Estimator<GradientBoostingRegressorModel> {
    private final GradientBoosting.Params params;

    public GradientBoostingRegressor() {
        this(GradientBoosting.Params.defaults());
    }

    public GradientBoostingRegressor(GradientBoosting.Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public GradientBoosting.Params params() {
        return params;
    }

    @Override
    public GradientBoostingRegressorModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, GradientBoosting.NAME);
        double[] y = NumericInput.target(target, x.rows(), GradientBoosting.NAME);
        GradientBoosting.Fitted f = GradientBoosting.fit(x, new BoostingLoss.SquaredError(y), params, null);
        return new GradientBoostingRegressorModel(params, features.schema(), f.baseline()[0], f.trees(),
                f.trainScores(), f.validationScores());
    }
}
