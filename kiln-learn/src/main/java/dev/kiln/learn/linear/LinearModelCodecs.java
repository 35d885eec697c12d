package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/** How linear models are saved: hyperparameters, coefficients as a tensor, the intercept in the manifest. */
public final class LinearModelCodecs {
    private LinearModelCodecs() {
    }

    /** The codecs of this package's models. */
    public static List<ModelCodec<?>> all() {
        return List.of(new LinearRegressionCodec());
    }

    static final class LinearRegressionCodec implements ModelCodec<LinearRegressionModel> {
        @Override
        public String typeId() {
            return "linear-regression";
        }

        @Override
        public Class<LinearRegressionModel> type() {
            return LinearRegressionModel.class;
        }

        @Override
        public void write(LinearRegressionModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("intercept", m.intercept());
            out.tensor("coefficients", m.coefficients());
        }

        @Override
        public LinearRegressionModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            return new LinearRegressionModel(in.hyperparameters(LinearRegression.Params.class), schema,
                    in.doubles("coefficients", schema.size()), in.get("intercept", Double.class));
        }
    }
}
