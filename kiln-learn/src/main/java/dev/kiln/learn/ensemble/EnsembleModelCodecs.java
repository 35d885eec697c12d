package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import dev.kiln.learn.tree.TreeTensors;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How the ensembles are saved: hyperparameters, class names and scalars in the manifest, all
 * trees' node arrays as concatenated tensors ({@link TreeTensors}).
 */
public final class EnsembleModelCodecs {
    private EnsembleModelCodecs() {
    }

    /** The codecs of this package's models. */
    public static List<ModelCodec<?>> all() {
        return List.of(new ForestClassifierCodec(), new ForestRegressorCodec());
    }

    static final class ForestClassifierCodec implements ModelCodec<RandomForestClassifierModel> {
        @Override
        public String typeId() {
            return "random-forest-classifier";
        }

        @Override
        public Class<RandomForestClassifierModel> type() {
            return RandomForestClassifierModel.class;
        }

        @Override
        public void write(RandomForestClassifierModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("classes", m.classes());
            m.oobScore().ifPresent(s -> out.put("oob_score", s));
            TreeTensors.write(m.trees(), out);
        }

        @Override
        public RandomForestClassifierModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            List<String> classes = in.getStringList("classes");
            return new RandomForestClassifierModel(in.hyperparameters(RandomForestClassifier.Params.class), schema,
                    classes, TreeTensors.read(in, classes.size()), oobScore(in));
        }
    }

    static final class ForestRegressorCodec implements ModelCodec<RandomForestRegressorModel> {
        @Override
        public String typeId() {
            return "random-forest-regressor";
        }

        @Override
        public Class<RandomForestRegressorModel> type() {
            return RandomForestRegressorModel.class;
        }

        @Override
        public void write(RandomForestRegressorModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            m.oobScore().ifPresent(s -> out.put("oob_score", s));
            TreeTensors.write(m.trees(), out);
        }

        @Override
        public RandomForestRegressorModel read(ModelReader in) {
            return new RandomForestRegressorModel(in.hyperparameters(RandomForestRegressor.Params.class),
                    in.inputSchema(), TreeTensors.read(in, 1), oobScore(in));
        }
    }

    private static OptionalDouble oobScore(ModelReader in) {
        return in.has("oob_score") ? OptionalDouble.of(in.get("oob_score", Double.class)) : OptionalDouble.empty();
    }
}
