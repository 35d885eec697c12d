package dev.kiln.learn.tree;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/**
 * How decision trees are saved: hyperparameters, the class names of a classifier, and the
 * tree's node arrays as tensors ({@link TreeTensors}). Both share the user-facing name
 * {@code decision-tree}; the file says which task.
 */
public final class TreeModelCodecs {
    private TreeModelCodecs() {
    }

    /** The codecs of this package's models. */
    public static List<ModelCodec<?>> all() {
        return List.of(new ClassifierCodec(), new RegressorCodec());
    }

    static final class ClassifierCodec implements ModelCodec<DecisionTreeClassifierModel> {
        @Override
        public String typeId() {
            return "decision-tree-classifier";
        }

        @Override
        public Class<DecisionTreeClassifierModel> type() {
            return DecisionTreeClassifierModel.class;
        }

        @Override
        public void write(DecisionTreeClassifierModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("classes", m.classes());
            TreeTensors.write(List.of(m.tree()), out);
        }

        @Override
        public DecisionTreeClassifierModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            List<String> classes = in.getStringList("classes");
            return new DecisionTreeClassifierModel(in.hyperparameters(DecisionTreeClassifier.Params.class), schema,
                    classes, single(in, TreeTensors.read(in, classes.size())));
        }
    }

    static final class RegressorCodec implements ModelCodec<DecisionTreeRegressorModel> {
        @Override
        public String typeId() {
            return "decision-tree-regressor";
        }

        @Override
        public Class<DecisionTreeRegressorModel> type() {
            return DecisionTreeRegressorModel.class;
        }

        @Override
        public void write(DecisionTreeRegressorModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            TreeTensors.write(List.of(m.tree()), out);
        }

        @Override
        public DecisionTreeRegressorModel read(ModelReader in) {
            return new DecisionTreeRegressorModel(in.hyperparameters(DecisionTreeRegressor.Params.class),
                    in.inputSchema(), single(in, TreeTensors.read(in, 1)));
        }
    }

    private static Tree single(ModelReader in, List<Tree> trees) {
        if (trees.size() != 1) {
            throw in.error("a decision tree model holds one tree, found " + trees.size());
        }
        return trees.get(0);
    }
}
