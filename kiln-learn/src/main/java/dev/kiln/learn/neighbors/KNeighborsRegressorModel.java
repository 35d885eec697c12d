package dev.kiln.learn.neighbors;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;

/** A fitted {@link KNeighborsRegressor}: the training rows, their targets, and a search over them. */
public final class KNeighborsRegressorModel implements RegressionModel {
    private final KNeighborsRegressor.Params params;
    private final Schema inputSchema;
    private final double[] targets;
    private final NeighborSet set;

    KNeighborsRegressorModel(KNeighborsRegressor.Params params, Schema inputSchema, double[] points, double[] targets) {
        this.params = params;
        this.inputSchema = inputSchema;
        this.targets = targets.clone();
        this.set = new NeighborSet(KNeighborsRegressor.WHO, inputSchema, points, targets.length, params.nNeighbors(),
                params.weights(), params.algorithm(), params.leafSize(), params.p());
    }

    public KNeighborsRegressor.Params params() {
        return params;
    }

    /** The algorithm in use: KD_TREE or BRUTE ({@link Algorithm#AUTO} resolved at fit time). */
    public Algorithm effectiveAlgorithm() {
        return set.algorithm();
    }

    /** The training targets. */
    public double[] trainingTargets() {
        return targets.clone();
    }

    /** The training features, row-major. */
    public double[] trainingPoints() {
        return set.points();
    }

    /** The k nearest training rows of every row of {@code features}. */
    public Neighbors neighbors(Frame features) {
        return set.neighbors(set.query(features));
    }

    /** The (weighted) mean target of each row's neighbours. */
    @Override
    public RegressionPrediction predict(Frame features) {
        NeighborSearch.Result r = set.query(features);
        int k = set.k();
        int rows = r.index().length / k;
        double[] out = new double[rows];
        double[] w = new double[k];
        for (int i = 0; i < rows; i++) {
            set.weights(r, i, w);
            double sum = 0;
            double total = 0;
            for (int j = 0; j < k; j++) {
                sum += w[j] * targets[r.index()[i * k + j]];
                total += w[j];
            }
            out[i] = sum / total;
        }
        return new RegressionPrediction(out);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
