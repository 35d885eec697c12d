package dev.kiln.core.model;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Preprocessing steps followed by an estimator, fitted as one estimator: each step is fitted
 * on the output of the steps before it, only ever on the data given to {@link #fit}. Inside
 * cross-validation that means each fold's training rows alone, so nothing leaks from the
 * held-out rows into the preprocessing.
 *
 * @param <P> the kind of prediction the final model makes
 */
public final class Pipeline<P extends Prediction> implements Estimator<PipelineModel<P>> {
    private final List<Transformer> steps;
    private final Estimator<? extends Model<P>> estimator;

    private Pipeline(List<Transformer> steps, Estimator<? extends Model<P>> estimator) {
        this.steps = List.copyOf(steps);
        this.estimator = java.util.Objects.requireNonNull(estimator, "estimator");
    }

    /** The steps, in order, then the estimator. */
    public static <P extends Prediction> Pipeline<P> of(List<? extends Transformer> steps,
                                                        Estimator<? extends Model<P>> estimator) {
        return new Pipeline<>(new ArrayList<>(steps), estimator);
    }

    /** The steps, in order, then the estimator. */
    public static <P extends Prediction> Pipeline<P> of(Transformer step, Estimator<? extends Model<P>> estimator) {
        return new Pipeline<>(List.of(step), estimator);
    }

    public List<Transformer> steps() {
        return steps;
    }

    public Estimator<? extends Model<P>> estimator() {
        return estimator;
    }

    @Override
    public PipelineModel<P> fit(Frame features, Column target) {
        List<FittedTransformer> fitted = new ArrayList<>(steps.size());
        Frame current = features;
        for (Transformer step : steps) {
            FittedTransformer f = step.fit(current, target);
            current = f.transform(current);
            fitted.add(f);
        }
        return new PipelineModel<>(features.schema(), fitted, estimator.fit(current, target));
    }
}
