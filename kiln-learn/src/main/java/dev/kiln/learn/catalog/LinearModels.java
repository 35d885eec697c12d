package dev.kiln.learn.catalog;

import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.linear.ElasticNet;
import dev.kiln.learn.linear.Lasso;
import dev.kiln.learn.linear.LearningRate;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.linear.LinearSvm;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.linear.Penalty;
import dev.kiln.learn.linear.Perceptron;
import dev.kiln.learn.linear.Ridge;
import dev.kiln.learn.linear.SgdRegressor;
import dev.kiln.learn.preprocess.features.PolynomialFeatures;
import dev.kiln.learn.selection.Task;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The catalog entries of the linear family, with scikit-learn's parameter names and defaults. */
final class LinearModels {
    private static final Set<Task> REGRESSION = Set.of(Task.REGRESSION);
    private static final Set<Task> CLASSIFICATION = Set.of(Task.CLASSIFICATION);

    private LinearModels() {
    }

    static ModelSpec linearRegression() {
        return new ModelSpec("linear-regression", "ordinary least squares (Householder QR)", REGRESSION, false,
                List.of(ParamSpec.bool("fit_intercept", true, "fit an intercept (else the line goes through the origin)")),
                (task, p) -> new LinearRegression(new LinearRegression.Params(p.flag("fit_intercept"))));
    }

    static ModelSpec polynomialRegression() {
        return new ModelSpec("polynomial-regression", "least squares on polynomial features (a pipeline)", REGRESSION, true, List.of(
                ParamSpec.integer("degree", 2, "highest power and interaction order"),
                ParamSpec.bool("interaction_only", false, "products of distinct features only, no powers")),
                (task, p) -> Pipeline.<RegressionPrediction>of(
                        new PolynomialFeatures(new PolynomialFeatures.Params(p.integer("degree"), p.flag("interaction_only"), true, null)),
                        new LinearRegression()));
    }

    static ModelSpec ridge() {
        return new ModelSpec("ridge", "least squares with an L2 penalty (closed form)", REGRESSION, true, List.of(
                ParamSpec.number("alpha", 1.0, "penalty strength"),
                fitIntercept()),
                (task, p) -> new Ridge(new Ridge.Params(p.number("alpha"), p.flag("fit_intercept"))));
    }

    static ModelSpec lasso() {
        return new ModelSpec("lasso", "least squares with an L1 penalty (coordinate descent)", REGRESSION, true, List.of(
                ParamSpec.number("alpha", 1.0, "penalty strength"),
                fitIntercept(),
                ParamSpec.integer("max_iter", 1000, "most coordinate-descent sweeps"),
                ParamSpec.number("tol", 1e-4, "duality-gap tolerance"),
                ParamSpec.bool("positive", false, "force coefficients to be >= 0")),
                (task, p) -> new Lasso(new Lasso.Params(p.number("alpha"), p.flag("fit_intercept"), p.integer("max_iter"),
                        p.number("tol"), p.flag("positive"))));
    }

    static ModelSpec elasticNet() {
        return new ModelSpec("elastic-net", "least squares with L1 and L2 penalties (coordinate descent)", REGRESSION, true, List.of(
                ParamSpec.number("alpha", 1.0, "penalty strength"),
                ParamSpec.number("l1_ratio", 0.5, "share of the L1 penalty, 0 to 1"),
                fitIntercept(),
                ParamSpec.integer("max_iter", 1000, "most coordinate-descent sweeps"),
                ParamSpec.number("tol", 1e-4, "duality-gap tolerance"),
                ParamSpec.bool("positive", false, "force coefficients to be >= 0")),
                (task, p) -> new ElasticNet(new ElasticNet.Params(p.number("alpha"), p.number("l1_ratio"), p.flag("fit_intercept"),
                        p.integer("max_iter"), p.number("tol"), p.flag("positive"))));
    }

    static ModelSpec sgdRegressor() {
        return new ModelSpec("sgd-regressor", "linear regression by stochastic gradient descent", REGRESSION, true, List.of(
                ParamSpec.choice("loss", "squared_error", "point loss", "squared_error", "huber", "epsilon_insensitive",
                        "squared_epsilon_insensitive"),
                ParamSpec.choice("penalty", "l2", "regularisation", "l2", "l1", "elasticnet", "none"),
                ParamSpec.number("alpha", 1e-4, "penalty strength"),
                ParamSpec.number("l1_ratio", 0.15, "share of L1 in elasticnet"),
                fitIntercept(),
                ParamSpec.integer("max_iter", 1000, "most epochs"),
                ParamSpec.number("tol", 1e-3, "stop when the loss improves by less"),
                ParamSpec.number("epsilon", 0.1, "huber / epsilon-insensitive width"),
                ParamSpec.choice("learning_rate", "invscaling", "step-size schedule", "constant", "optimal", "invscaling", "adaptive"),
                ParamSpec.number("eta0", 0.01, "initial step size"),
                ParamSpec.number("power_t", 0.25, "exponent of invscaling"),
                ParamSpec.integer("n_iter_no_change", 5, "epochs without improvement before stopping"),
                seed()),
                (task, p) -> new SgdRegressor(new SgdRegressor.Params(SgdRegressor.Loss.valueOf(upper(p.word("loss"))),
                        penalty(p.word("penalty")), p.number("alpha"), p.number("l1_ratio"), p.flag("fit_intercept"), p.integer("max_iter"),
                        p.number("tol"), true, p.number("epsilon"), LearningRate.valueOf(upper(p.word("learning_rate"))),
                        p.number("eta0"), p.number("power_t"), p.integer("n_iter_no_change"), p.integer("seed"))));
    }

    static ModelSpec logisticRegression() {
        return new ModelSpec("logistic-regression", "logistic regression (L-BFGS; proximal Newton / OWL-QN for L1)", CLASSIFICATION,
                true, List.of(
                ParamSpec.choice("penalty", "l2", "regularisation", "l2", "l1", "elasticnet", "none"),
                ParamSpec.number("C", 1.0, "inverse penalty strength (smaller: stronger)"),
                ParamSpec.numberOrWord("l1_ratio", null, "share of L1 for elasticnet, 0 to 1", "none"),
                fitIntercept(),
                ParamSpec.integer("max_iter", 100, "most solver iterations"),
                ParamSpec.number("tol", 1e-4, "stopping tolerance on the gradient")),
                (task, p) -> new LogisticRegression(new LogisticRegression.Params(penalty(p.word("penalty")), p.number("C"),
                        p.isWord("l1_ratio") ? null : p.number("l1_ratio"), p.flag("fit_intercept"), p.integer("max_iter"),
                        p.number("tol"))));
    }

    static ModelSpec linearSvm() {
        return new ModelSpec("linear-svm", "linear support vector machine (liblinear's dual coordinate descent)", CLASSIFICATION, true,
                List.of(ParamSpec.choice("loss", "squared_hinge", "margin loss", "squared_hinge", "hinge"),
                        ParamSpec.number("C", 1.0, "penalty of margin violations"),
                        ParamSpec.number("tol", 1e-4, "stopping tolerance"),
                        ParamSpec.integer("max_iter", 1000, "most passes"),
                        fitIntercept(),
                        seed()),
                (task, p) -> {
                    LinearSvm.Params d = LinearSvm.Params.defaults();
                    return new LinearSvm(new LinearSvm.Params(LinearSvm.Loss.valueOf(upper(p.word("loss"))), p.number("C"),
                            p.number("tol"), p.integer("max_iter"), p.flag("fit_intercept"), d.interceptScaling(), p.integer("seed")));
                });
    }

    static ModelSpec perceptron() {
        return new ModelSpec("perceptron", "Rosenblatt's perceptron, one class against the rest", CLASSIFICATION, true, List.of(
                ParamSpec.choice("penalty", "none", "regularisation", "none", "l2", "l1", "elasticnet"),
                ParamSpec.number("alpha", 1e-4, "penalty strength"),
                ParamSpec.number("l1_ratio", 0.15, "share of L1 in elasticnet"),
                fitIntercept(),
                ParamSpec.integer("max_iter", 1000, "most epochs"),
                ParamSpec.number("tol", 1e-3, "stop when the loss improves by less"),
                ParamSpec.number("eta0", 1.0, "step size"),
                ParamSpec.integer("n_iter_no_change", 5, "epochs without improvement before stopping"),
                seed()),
                (task, p) -> new Perceptron(new Perceptron.Params(penalty(p.word("penalty")), p.number("alpha"), p.number("l1_ratio"),
                        p.flag("fit_intercept"), p.integer("max_iter"), p.number("tol"), true, p.number("eta0"),
                        p.integer("n_iter_no_change"), p.integer("seed"))));
    }

    static ParamSpec fitIntercept() {
        return ParamSpec.bool("fit_intercept", true, "fit an intercept");
    }

    static ParamSpec seed() {
        return ParamSpec.integer("seed", 0, "seed of the model's randomness");
    }

    static Penalty penalty(String word) {
        return Penalty.valueOf(upper(word));
    }

    static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}
