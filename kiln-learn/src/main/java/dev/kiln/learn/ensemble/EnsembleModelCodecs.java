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
        return List.of(new ForestClassifierCodec(), new ForestRegressorCodec(), new BoostingClassifierCodec(),
                new BoostingRegressorCodec(), new IsolationForestCodec());
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

    static final class BoostingClassifierCodec implements ModelCodec<GradientBoostingClassifierModel> {
        @Override
        public String typeId() {
            return "gradient-boosting-classifier";
        }

        @Override
        public Class<GradientBoostingClassifierModel> type() {
            return GradientBoostingClassifierModel.class;
        }

        @Override
        public void write(GradientBoostingClassifierModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("classes", m.classes());
            out.put("baseline", m.baseline());
            out.put("train_scores", m.trainScores());
            out.put("validation_scores", m.validationScores());
            TreeTensors.write(m.trees(), out);
        }

        @Override
        public GradientBoostingClassifierModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            return new GradientBoostingClassifierModel(in.hyperparameters(GradientBoosting.Params.class), schema,
                    in.getStringList("classes"), in.get("baseline", double[].class), TreeTensors.read(in, 1),
                    in.get("train_scores", double[].class), in.get("validation_scores", double[].class));
        }
    }

    static final class BoostingRegressorCodec implements ModelCodec<GradientBoostingRegressorModel> {
        @Override
        public String typeId() {
            return "gradient-boosting-regressor";
        }

        @Override
        public Class<GradientBoostingRegressorModel> type() {
            return GradientBoostingRegressorModel.class;
        }

        @Override
        public void write(GradientBoostingRegressorModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("baseline", m.baseline());
            out.put("train_scores", m.trainScores());
            out.put("validation_scores", m.validationScores());
            TreeTensors.write(m.trees(), out);
        }

        @Override
        public GradientBoostingRegressorModel read(ModelReader in) {
            return new GradientBoostingRegressorModel(in.hyperparameters(GradientBoosting.Params.class), in.inputSchema(),
                    in.get("baseline", Double.class), TreeTensors.read(in, 1), in.get("train_scores", double[].class),
                    in.get("validation_scores", double[].class));
        }
    }

    /** An isolation forest is no {@code Model}, so its codec records the input columns itself. */
    static final class IsolationForestCodec implements ModelCodec<IsolationForestModel> {
        @Override
        public String typeId() {
            return "isolation-forest";
        }

        @Override
        public Class<IsolationForestModel> type() {
            return IsolationForestModel.class;
        }

        @Override
        public void write(IsolationForestModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("columns", m.inputSchema());
            out.put("max_samples", m.maxSamples());
            out.put("offset", m.offset());
            TreeTensors.write(m.trees(), out);
        }

        @Override
        public IsolationForestModel read(ModelReader in) {
            return new IsolationForestModel(in.hyperparameters(IsolationForest.Params.class), in.get("columns", Schema.class),
                    TreeTensors.read(in, 1), in.get("max_samples", Integer.class), in.get("offset", Double.class));
        }
    }

    private static OptionalDouble oobScore(ModelReader in) {
        return in.has("oob_score") ? OptionalDouble.of(in.get("oob_score", Double.class)) : OptionalDouble.empty();
    }
}
