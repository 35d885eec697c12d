package dev.kiln.core.modelfile;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.RegressionPrediction;

/** A test model: predicts scale * (w · x) + bias over numeric columns. Registered for tests only. */
final class ScaledSumModel implements Model<RegressionPrediction> {

    /** Hyperparameters, validated like real ones. */
    record Params(double scale, String note) {
        Params {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("scale must be > 0, got " + scale);
            }
        }
    }

    private final Params params;
    private final Schema schema;
    private final double[] weights;
    private final double bias;

    ScaledSumModel(Params params, Schema schema, double[] weights, double bias) {
        this.params = params;
        this.schema = schema;
        this.weights = weights.clone();
        this.bias = bias;
    }

    @Override
    public RegressionPrediction predict(Frame features) {
        Matrix x = features.toMatrix(schema.names());
        double[] out = new double[x.rows()];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < weights.length; j++) {
                s += weights[j] * x.get(i, j);
            }
            out[i] = params.scale() * s + bias;
        }
        return new RegressionPrediction(out);
    }

    @Override
    public Schema inputSchema() {
        return schema;
    }

    static final class Codec implements ModelCodec<ScaledSumModel> {
        @Override
        public String typeId() {
            return "test.scaled-sum";
        }

        @Override
        public Class<ScaledSumModel> type() {
            return ScaledSumModel.class;
        }

        @Override
        public void write(ScaledSumModel m, ModelWriter out) {
            out.hyperparameters(m.params);
            out.put("bias", m.bias);
            out.tensor("weights", m.weights);
        }

        @Override
        public ScaledSumModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            return new ScaledSumModel(in.hyperparameters(Params.class), schema,
                    in.doubles("weights", schema.size()), in.get("bias", Double.class));
        }
    }
}
