package dev.kiln.learn.neighbors;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/**
 * How k-nearest-neighbour models are saved: hyperparameters, the training rows and their
 * targets. The search structure is rebuilt on loading; building is deterministic, so a loaded
 * model finds the same neighbours.
 */
public final class NeighborsModelCodecs {
    private NeighborsModelCodecs() {
    }

    /** The codecs of this package's models. */
    public static List<ModelCodec<?>> all() {
        return List.of(new ClassifierCodec(), new RegressorCodec());
    }

    static final class ClassifierCodec implements ModelCodec<KNeighborsClassifierModel> {
        @Override
        public String typeId() {
            return "knn-classifier";
        }

        @Override
        public Class<KNeighborsClassifierModel> type() {
            return KNeighborsClassifierModel.class;
        }

        @Override
        public void write(KNeighborsClassifierModel m, ModelWriter out) {
            int[] codes = m.trainingCodes();
            out.hyperparameters(m.params());
            out.put("classes", m.classes());
            out.tensor("points", m.trainingPoints(), codes.length, m.inputSchema().size());
            out.tensor("codes", codes, codes.length);
        }

        @Override
        public KNeighborsClassifierModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            long rows = in.shape("codes")[0];
            return new KNeighborsClassifierModel(in.hyperparameters(KNeighborsClassifier.Params.class), schema,
                    in.doubles("points", rows, schema.size()), in.ints("codes", rows), in.getStringList("classes"));
        }
    }

    static final class RegressorCodec implements ModelCodec<KNeighborsRegressorModel> {
        @Override
        public String typeId() {
            return "knn-regressor";
        }

        @Override
        public Class<KNeighborsRegressorModel> type() {
            return KNeighborsRegressorModel.class;
        }

        @Override
        public void write(KNeighborsRegressorModel m, ModelWriter out) {
            double[] y = m.trainingTargets();
            out.hyperparameters(m.params());
            out.tensor("points", m.trainingPoints(), y.length, m.inputSchema().size());
            out.tensor("targets", y, y.length);
        }

        @Override
        public KNeighborsRegressorModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            long rows = in.shape("targets")[0];
            return new KNeighborsRegressorModel(in.hyperparameters(KNeighborsRegressor.Params.class), schema,
                    in.doubles("points", rows, schema.size()), in.doubles("targets", rows));
        }
    }
}
