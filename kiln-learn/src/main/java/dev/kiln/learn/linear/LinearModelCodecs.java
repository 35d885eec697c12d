package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** How linear models are saved: hyperparameters, coefficients as a tensor, the intercept and solver statistics in the manifest. */
public final class LinearModelCodecs {
    private LinearModelCodecs() {
    }

    /** The codecs of this package's models. */
    public static List<ModelCodec<?>> all() {
        return List.of(
                new RegressorCodec<>(LinearRegression.NAME, LinearRegressionModel.class, LinearRegression.Params.class,
                        LinearRegressionModel::params, (m, out) -> { },
                        (p, schema, w, b, in) -> new LinearRegressionModel(p, schema, w, b)),
                new RegressorCodec<>(Ridge.NAME, RidgeModel.class, Ridge.Params.class, RidgeModel::params, (m, out) -> { },
                        (p, schema, w, b, in) -> new RidgeModel(p, schema, w, b)),
                new RegressorCodec<>(Lasso.NAME, LassoModel.class, Lasso.Params.class, LassoModel::params,
                        LinearModelCodecs::writeSolverState,
                        (p, schema, w, b, in) -> new LassoModel(p, schema, w, b, iterations(in), dualGap(in))),
                new RegressorCodec<>(ElasticNet.NAME, ElasticNetModel.class, ElasticNet.Params.class, ElasticNetModel::params,
                        LinearModelCodecs::writeSolverState,
                        (p, schema, w, b, in) -> new ElasticNetModel(p, schema, w, b, iterations(in), dualGap(in))),
                new RegressorCodec<>(SgdRegressor.NAME, SgdRegressorModel.class, SgdRegressor.Params.class,
                        SgdRegressorModel::params, (m, out) -> out.put("iterations", m.iterations()),
                        (p, schema, w, b, in) -> new SgdRegressorModel(p, schema, w, b, iterations(in))));
    }

    private static void writeSolverState(CoordinateDescentModel m, ModelWriter out) {
        out.put("iterations", m.iterations());
        out.put("dual_gap", m.dualGap());
    }

    private static int iterations(ModelReader in) {
        return in.get("iterations", Integer.class);
    }

    private static double dualGap(ModelReader in) {
        return in.get("dual_gap", Double.class);
    }

    /** Rebuilds a regressor from what {@link RegressorCodec} read; {@code in} gives access to the extras. */
    @FunctionalInterface
    interface RegressorFactory<M, P> {
        M create(P params, Schema schema, double[] coefficients, double intercept, ModelReader in);
    }

    /** Hyperparameters, the intercept in the manifest, the coefficients as a [p] tensor, and any extras. */
    record RegressorCodec<M extends LinearRegressorModel, P>(String typeId, Class<M> type, Class<P> paramsType,
                                                             Function<M, P> params, BiConsumer<M, ModelWriter> extras,
                                                             RegressorFactory<M, P> factory) implements ModelCodec<M> {
        @Override
        public void write(M m, ModelWriter out) {
            out.hyperparameters(params.apply(m));
            out.put("intercept", m.intercept());
            out.tensor("coefficients", m.coefficients());
            extras.accept(m, out);
        }

        @Override
        public M read(ModelReader in) {
            Schema schema = in.inputSchema();
            return factory.create(in.hyperparameters(paramsType), schema, in.doubles("coefficients", schema.size()),
                    in.get("intercept", Double.class), in);
        }
    }
}
