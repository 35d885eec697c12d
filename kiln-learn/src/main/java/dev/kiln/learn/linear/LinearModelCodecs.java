package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How linear models are saved: hyperparameters, coefficients as a tensor, intercepts (a tensor for
 * classifiers, a number in the manifest for regressors), class names and solver statistics in the
 * manifest.
 */
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
                        (p, schema, w, b, in) -> new SgdRegressorModel(p, schema, w, b, iterations(in))),
                new ClassifierCodec<>(LogisticRegression.NAME, LogisticRegressionModel.class, LogisticRegression.Params.class,
                        LogisticRegressionModel::params, LogisticRegressionModel::new),
                new ClassifierCodec<>(Perceptron.NAME, PerceptronModel.class, Perceptron.Params.class,
                        PerceptronModel::params, PerceptronModel::new),
                new ClassifierCodec<>(LinearSvm.NAME, LinearSvmModel.class, LinearSvm.Params.class,
                        LinearSvmModel::params, LinearSvmModel::new));
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

    /** Rebuilds a classifier from what {@link ClassifierCodec} read. */
    @FunctionalInterface
    interface ClassifierFactory<M, P> {
        M create(P params, Schema schema, List<String> classes, double[] coefficients, double[] intercepts, int iterations);
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

    /** Hyperparameters, class names and iterations in the manifest; [rows, p] coefficients and [rows] intercepts as tensors. */
    record ClassifierCodec<M extends LinearClassifierModel, P>(String typeId, Class<M> type, Class<P> paramsType,
                                                               Function<M, P> params, ClassifierFactory<M, P> factory) implements ModelCodec<M> {
        @Override
        public void write(M m, ModelWriter out) {
            out.hyperparameters(params.apply(m));
            out.put("classes", m.classes());
            out.put("iterations", m.iterations());
            double[][] w = m.coefficients();
            int p = m.inputSchema().size();
            double[] flat = new double[w.length * p];
            for (int k = 0; k < w.length; k++) {
                System.arraycopy(w[k], 0, flat, k * p, p);
            }
            out.tensor("coefficients", flat, w.length, p);
            out.tensor("intercepts", m.intercepts(), w.length);
        }

        @Override
        public M read(ModelReader in) {
            Schema schema = in.inputSchema();
            List<String> classes = in.getStringList("classes");
            if (classes.size() < 2) {
                throw in.error("a classifier needs at least two classes, the file lists " + classes);
            }
            int rows = LinearClassifierModel.decisionRows(classes.size());
            return factory.create(in.hyperparameters(paramsType), schema, classes,
                    in.doubles("coefficients", rows, schema.size()), in.doubles("intercepts", rows),
                    in.get("iterations", Integer.class));
        }
    }
}
