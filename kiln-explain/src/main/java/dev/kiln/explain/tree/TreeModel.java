package dev.kiln.explain.tree;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.Model;
import dev.kiln.explain.Explanation;
import dev.kiln.learn.ensemble.GradientBoostingClassifierModel;
import dev.kiln.learn.ensemble.GradientBoostingRegressorModel;
import dev.kiln.learn.ensemble.RandomForestClassifierModel;
import dev.kiln.learn.ensemble.RandomForestRegressorModel;
import dev.kiln.learn.tree.DecisionTreeClassifierModel;
import dev.kiln.learn.tree.DecisionTreeRegressorModel;
import dev.kiln.learn.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A fitted tree model seen as sums over trees, one {@link TreeEnsemble} per explained output:
 * decision trees and random forests give class probabilities (forests average their trees' leaf
 * class fractions) or values; gradient boosting gives raw scores (baseline plus leaf values,
 * before the sigmoid or softmax), which is what TreeSHAP can take apart exactly.
 *
 * @param model   the fitted model
 * @param output  which number is explained
 * @param classes the classes, or null for a regressor
 * @param outputs the ensemble of each class index (any index for a regressor)
 */
public record TreeModel(Model<?> model, Explanation.Output output, List<String> classes,
                        IntFunction<TreeEnsemble> outputs) {

    /** The model's input columns. */
    public Schema inputSchema() {
        return model.inputSchema();
    }

    /** The ensemble computing the output of class {@code classIndex} (ignored for a regressor). */
    public TreeEnsemble ensemble(int classIndex) {
        return outputs.apply(classIndex);
    }

    /** The classifier, or empty for a regressor. */
    public Optional<ClassificationModel> classifier() {
        return model instanceof ClassificationModel c ? Optional.of(c) : Optional.empty();
    }

    /** {@code model} as a tree model, or empty when it is not one Kiln's TreeSHAP knows. */
    public static Optional<TreeModel> of(Object model) {
        return Optional.ofNullable(switch (model) {
            case DecisionTreeClassifierModel m -> new TreeModel(m, Explanation.Output.PROBABILITY, m.classes(),
                    k -> ensemble(List.of(m.tree()), k, 1, 0, m));
            case DecisionTreeRegressorModel m -> new TreeModel(m, Explanation.Output.VALUE, null,
                    k -> ensemble(List.of(m.tree()), 0, 1, 0, m));
            case RandomForestClassifierModel m -> new TreeModel(m, Explanation.Output.PROBABILITY, m.classes(),
                    k -> ensemble(m.trees(), k, 1.0 / m.trees().size(), 0, m));
            case RandomForestRegressorModel m -> new TreeModel(m, Explanation.Output.VALUE, null,
                    k -> ensemble(m.trees(), 0, 1.0 / m.trees().size(), 0, m));
            case GradientBoostingRegressorModel m -> new TreeModel(m, Explanation.Output.VALUE, null,
                    k -> ensemble(m.trees(), 0, 1, m.baseline(), m));
            case GradientBoostingClassifierModel m -> new TreeModel(m, Explanation.Output.LOG_ODDS, m.classes(),
                    k -> boostedClass(m, k));
            default -> null;
        });
    }

    private static TreeEnsemble ensemble(List<Tree> trees, int component, double weight, double offset, Model<?> m) {
        List<TreeTerm> terms = new ArrayList<>(trees.size());
        for (Tree t : trees) {
            terms.add(new TreeTerm(t, component, weight));
        }
        return new TreeEnsemble(terms, offset, m.inputSchema().size());
    }

    /**
     * Two classes: the one logit f, of the second class, from every tree (the first class's
     * log-odds are −f). More: the raw score of class k, made by trees k, k + K, k + 2K, … of K per
     * iteration.
     */
    private static TreeEnsemble boostedClass(GradientBoostingClassifierModel m, int k) {
        int outputs = m.outputs();
        int column = outputs == 1 ? 0 : k;
        double sign = outputs == 1 && k == 0 ? -1 : 1;
        List<Tree> mine = new ArrayList<>();
        for (int t = column; t < m.trees().size(); t += outputs) {
            mine.add(m.trees().get(t));
        }
        if (mine.isEmpty()) {
            throw new IllegalArgumentException("the boosted model has no trees to explain");
        }
        return ensemble(mine, 0, sign, sign * m.baseline()[column], m);
    }
}
