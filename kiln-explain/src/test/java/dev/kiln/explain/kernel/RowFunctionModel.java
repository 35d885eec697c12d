package dev.kiln.explain.kernel;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleBiFunction;

/** Test models given by a formula over a frame's row: a regressor, or a binary classifier whose formula is the log-odds. */
public final class RowFunctionModel {
    private RowFunctionModel() {
    }

    public static RegressionModel regressor(Schema schema, ToDoubleBiFunction<Frame, Integer> f) {
        return new RegressionModel() {
            @Override
            public RegressionPrediction predict(Frame features) {
                double[] v = new double[features.rowCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = f.applyAsDouble(features, i);
                }
                return new RegressionPrediction(v);
            }

            @Override
            public Schema inputSchema() {
                return schema;
            }
        };
    }

    public static ClassificationModel classifier(Schema schema, List<String> classes, BiFunction<Frame, Integer, double[]> probabilities) {
        return new ClassificationModel() {
            @Override
            public List<String> classes() {
                return classes;
            }

            @Override
            public ClassificationPrediction predict(Frame features) {
                double[][] p = new double[features.rowCount()][];
                for (int i = 0; i < p.length; i++) {
                    p[i] = probabilities.apply(features, i);
                }
                return ClassificationPrediction.fromProbabilities(classes, p);
            }

            @Override
            public Schema inputSchema() {
                return schema;
            }
        };
    }
}
