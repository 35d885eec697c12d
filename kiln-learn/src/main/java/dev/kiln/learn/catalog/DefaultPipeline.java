package dev.kiln.learn.catalog;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.compose.ColumnSelector;
import dev.kiln.learn.preprocess.compose.ColumnTransformer;
import dev.kiln.learn.preprocess.encode.OneHotEncoder;
import dev.kiln.learn.preprocess.impute.SimpleImputer;
import dev.kiln.learn.preprocess.scale.StandardScaler;
import dev.kiln.learn.selection.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The preprocessing {@code kiln train} puts in front of a model so that ordinary tables work
 * as they are — the same steps as the usual scikit-learn recipe: numeric and boolean columns
 * imputed with their training median (and standardised when the model needs scaled inputs),
 * categorical columns imputed with their most frequent value and one-hot encoded (categories
 * unseen in training encode as all zeros). Free-text columns are left out (vectorise them
 * first). Every step is fitted inside the pipeline, so only ever on training rows.
 */
public final class DefaultPipeline {
    private DefaultPipeline() {
    }

    /** The estimator of {@code spec} for {@code task} with {@code params}, behind the preprocessing {@code features} need. */
    public static Estimator<?> build(ModelSpec spec, Task task, Map<String, String> params, Frame features) {
        return wrap(spec, spec.estimator(task, params), features);
    }

    /** {@code model} behind the default preprocessing for {@code features}; a model of text takes the frame as it is. */
    public static Estimator<?> wrap(ModelSpec spec, Estimator<?> model, Frame features) {
        if (spec.input() == ModelSpec.Input.TEXT) {
            return model;
        }
        List<String> numeric = names(features, ColumnType.DOUBLE, ColumnType.LONG, ColumnType.BOOLEAN);
        List<String> categorical = names(features, ColumnType.CATEGORICAL);
        List<String> text = names(features, ColumnType.TEXT);
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new IllegalArgumentException(spec.name() + ": no numeric or categorical feature columns; text columns "
                    + text + " need vectorising first");
        }
        if (!text.isEmpty()) {
            LoggerFactory.getLogger(DefaultPipeline.class).warn("leaving out text columns {}: vectorise them to use them", text);
        }
        List<ColumnTransformer.Entry> imputers = new ArrayList<>();
        if (!numeric.isEmpty()) {
            imputers.add(ColumnTransformer.entry("numeric", new SimpleImputer(new SimpleImputer.Params(
                    SimpleImputer.Strategy.MEDIAN, null, false, false, numeric)), ColumnSelector.names(numeric)));
        }
        if (!categorical.isEmpty()) {
            imputers.add(ColumnTransformer.entry("categorical", new SimpleImputer(new SimpleImputer.Params(
                    SimpleImputer.Strategy.MOST_FREQUENT, null, false, false, categorical)), ColumnSelector.names(categorical)));
        }
        List<Transformer> steps = new ArrayList<>();
        steps.add(new ColumnTransformer(imputers, new ColumnTransformer.Params(ColumnTransformer.Remainder.DROP)));
        if (!categorical.isEmpty()) {
            steps.add(new OneHotEncoder(new OneHotEncoder.Params(OneHotEncoder.HandleUnknown.IGNORE, OneHotEncoder.Drop.NONE,
                    categorical)));
        }
        if (spec.needsScaling() && !numeric.isEmpty()) {
            steps.add(new StandardScaler(new StandardScaler.Params(true, true, numeric)));
        }
        @SuppressWarnings("unchecked")
        Estimator<? extends Model<Prediction>> typed = (Estimator<? extends Model<Prediction>>) model;
        return Pipeline.of(steps, typed);
    }

    private static List<String> names(Frame features, ColumnType... types) {
        List<ColumnType> wanted = List.of(types);
        return features.columns().stream().filter(c -> wanted.contains(c.type())).map(Column::name).toList();
    }
}
