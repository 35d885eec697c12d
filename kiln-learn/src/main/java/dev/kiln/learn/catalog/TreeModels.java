package dev.kiln.learn.catalog;

import dev.kiln.learn.ensemble.GradientBoosting;
import dev.kiln.learn.ensemble.GradientBoostingClassifier;
import dev.kiln.learn.ensemble.GradientBoostingRegressor;
import dev.kiln.learn.ensemble.RandomForestClassifier;
import dev.kiln.learn.ensemble.RandomForestRegressor;
import dev.kiln.learn.selection.Task;
import dev.kiln.learn.tree.ClassWeight;
import dev.kiln.learn.tree.ClassificationCriterion;
import dev.kiln.learn.tree.DecisionTreeClassifier;
import dev.kiln.learn.tree.DecisionTreeRegressor;
import dev.kiln.learn.tree.MaxFeatures;
import dev.kiln.learn.tree.RegressionCriterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The catalog entries of trees and tree ensembles. One name covers both tasks; where
 * scikit-learn's classifier and regressor differ in a default (the split criterion, the
 * features tried per split), the value "auto" stands for the task's default.
 */
final class TreeModels {
    private static final Set<Task> BOTH = Set.of(Task.CLASSIFICATION, Task.REGRESSION);

    private TreeModels() {
    }

    static ModelSpec decisionTree() {
        return new ModelSpec("decision-tree", "CART decision tree", BOTH, false, treeParams(true, "none"),
                (task, p) -> task == Task.CLASSIFICATION ? new DecisionTreeClassifier(classifierTree(p, MaxFeatures.all()))
                        : new DecisionTreeRegressor(regressorTree(p, MaxFeatures.all())));
    }

    static ModelSpec randomForest() {
        List<ParamSpec> params = new ArrayList<>();
        params.add(ParamSpec.integer("n_estimators", 100, "trees in the forest"));
        params.addAll(treeParams(true, "auto"));
        params.add(ParamSpec.bool("bootstrap", true, "fit each tree on a bootstrap sample"));
        params.add(ParamSpec.numberOrWord("max_samples", null, "share of rows per bootstrap sample, or none for all", "none"));
        params.add(ParamSpec.bool("oob_score", false, "score each row by the trees that did not see it"));
        return new ModelSpec("random-forest", "random forest of CART trees (parallel)", BOTH, false, params, (task, p) -> {
            Double maxSamples = p.isWord("max_samples") ? null : p.number("max_samples");
            return task == Task.CLASSIFICATION
                    ? new RandomForestClassifier(new RandomForestClassifier.Params(p.integer("n_estimators"),
                    classifierTree(p, MaxFeatures.sqrt()), p.flag("bootstrap"), maxSamples, p.flag("oob_score")))
                    : new RandomForestRegressor(new RandomForestRegressor.Params(p.integer("n_estimators"),
                    regressorTree(p, MaxFeatures.fraction(1.0)), p.flag("bootstrap"), maxSamples, p.flag("oob_score")));
        });
    }

    static ModelSpec gradientBoosting() {
        return new ModelSpec("gradient-boosting", "histogram gradient boosting (as HistGradientBoosting)", BOTH, false, List.of(
                ParamSpec.number("learning_rate", 0.1, "shrinkage of each tree"),
                ParamSpec.integer("max_iter", 100, "boosting iterations"),
                ParamSpec.integerOrWord("max_leaf_nodes", 31, "leaves per tree, or none", "none"),
                ParamSpec.integerOrWord("max_depth", null, "depth limit, or none", "none"),
                ParamSpec.integer("min_samples_leaf", 20, "rows per leaf, at least"),
                ParamSpec.number("l2_regularization", 0.0, "L2 penalty of leaf values"),
                ParamSpec.integer("max_bins", 255, "histogram bins per feature"),
                ParamSpec.choice("early_stopping", "auto", "stop on a validation split (auto: when over 10,000 rows)", "auto", "on", "off"),
                ParamSpec.numberOrWord("validation_fraction", 0.1, "share of rows held out for early stopping", "none"),
                ParamSpec.integer("n_iter_no_change", 10, "iterations without improvement before stopping"),
                ParamSpec.number("tol", 1e-7, "least improvement that counts"),
                LinearModels.seed()),
                (task, p) -> {
                    GradientBoosting.Params params = new GradientBoosting.Params(p.number("learning_rate"), p.integer("max_iter"),
                            p.integerOrNone("max_leaf_nodes"), p.integerOrNone("max_depth"), p.integer("min_samples_leaf"),
                            p.number("l2_regularization"), p.integer("max_bins"),
                            GradientBoosting.EarlyStopping.valueOf(LinearModels.upper(p.word("early_stopping"))),
                            p.isWord("validation_fraction") ? null : p.number("validation_fraction"), p.integer("n_iter_no_change"),
                            p.number("tol"), p.integer("seed"));
                    return task == Task.CLASSIFICATION ? new GradientBoostingClassifier(params) : new GradientBoostingRegressor(params);
                });
    }

    private static List<ParamSpec> treeParams(boolean withClassWeight, String maxFeaturesDefault) {
        List<ParamSpec> out = new ArrayList<>(List.of(
                ParamSpec.choice("criterion", "auto", "split quality (auto: gini, or squared_error for regression)",
                        "auto", "gini", "entropy", "log_loss", "squared_error", "absolute_error"),
                ParamSpec.integerOrWord("max_depth", null, "depth limit, or none", "none"),
                ParamSpec.integer("min_samples_split", 2, "rows a node needs to be split"),
                ParamSpec.integer("min_samples_leaf", 1, "rows per leaf, at least"),
                ParamSpec.number("min_impurity_decrease", 0.0, "least impurity decrease of a split"),
                ParamSpec.numberOrWord("max_features", maxFeaturesDefault,
                        "features tried per split: a count, a share (0-1], sqrt, log2, none (all), or auto (the task's default)",
                        "none", "sqrt", "log2", "auto"),
                ParamSpec.integerOrWord("max_leaf_nodes", null, "leaf limit (grows best first), or none", "none")));
        if (withClassWeight) {
            out.add(ParamSpec.choice("class_weight", "none", "classification: weight classes equally (balanced) or not", "none", "balanced"));
        }
        out.add(LinearModels.seed());
        return out;
    }

    private static DecisionTreeClassifier.Params classifierTree(ParamValues p, MaxFeatures auto) {
        String criterion = p.word("criterion");
        ClassificationCriterion c = criterion.equals("auto") ? ClassificationCriterion.GINI
                : parse(ClassificationCriterion.class, criterion, "classification");
        return new DecisionTreeClassifier.Params(c, p.integerOrNone("max_depth"), p.integer("min_samples_split"),
                p.integer("min_samples_leaf"), p.number("min_impurity_decrease"), maxFeatures(p, auto),
                p.integerOrNone("max_leaf_nodes"), p.word("class_weight").equals("balanced") ? ClassWeight.balanced() : ClassWeight.none(),
                p.integer("seed"));
    }

    private static DecisionTreeRegressor.Params regressorTree(ParamValues p, MaxFeatures auto) {
        String criterion = p.word("criterion");
        RegressionCriterion c = criterion.equals("auto") ? RegressionCriterion.SQUARED_ERROR
                : parse(RegressionCriterion.class, criterion, "regression");
        if (!p.word("class_weight").equals("none")) {
            throw new IllegalArgumentException("class_weight applies to classification only");
        }
        return new DecisionTreeRegressor.Params(c, p.integerOrNone("max_depth"), p.integer("min_samples_split"),
                p.integer("min_samples_leaf"), p.number("min_impurity_decrease"), maxFeatures(p, auto),
                p.integerOrNone("max_leaf_nodes"), p.integer("seed"));
    }

    private static MaxFeatures maxFeatures(ParamValues p, MaxFeatures auto) {
        if (p.isWord("max_features")) {
            return switch (p.word("max_features")) {
                case "sqrt" -> MaxFeatures.sqrt();
                case "log2" -> MaxFeatures.log2();
                case "auto" -> auto;
                default -> MaxFeatures.all();
            };
        }
        double v = p.number("max_features");
        return v > 1 && v == Math.rint(v) ? MaxFeatures.count((int) v) : MaxFeatures.fraction(v);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String word, String task) {
        try {
            return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("criterion '" + word + "' does not apply to " + task + "; use one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
