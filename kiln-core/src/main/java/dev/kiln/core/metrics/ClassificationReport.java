package dev.kiln.core.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * A summary of a classifier's predictions: per-class precision, recall, F1 and support, and the
 * overall scores of {@link ClassificationMetrics}, plus ROC AUC and log loss when probabilities
 * are given. The macro and weighted averages run over the classes that occur in yTrue or yPred
 * (see {@link Average}), so a class absent from both is listed with zeros but not averaged in.
 * {@code classes} has one entry per class, in index order.
 */
public record ClassificationReport(List<ClassScores> classes, double accuracy, double balancedAccuracy,
                                   double precisionMacro, double recallMacro, double f1Macro,
                                   double precisionWeighted, double recallWeighted, double f1Weighted,
                                   OptionalDouble rocAuc, OptionalDouble logLoss) {

    /** One class's scores and its count in yTrue. */
    public record ClassScores(String name, double precision, double recall, double f1, int support) {
        public ClassScores {
            Objects.requireNonNull(name, "name");
        }
    }

    public ClassificationReport {
        classes = List.copyOf(classes);
        Objects.requireNonNull(rocAuc, "rocAuc");
        Objects.requireNonNull(logLoss, "logLoss");
    }

    /** The report of hard predictions; labels must lie in [0, classNames.size()). */
    public static ClassificationReport of(int[] yTrue, int[] yPred, List<String> classNames) {
        return of(yTrue, yPred, classNames, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /**
     * The report of hard predictions and the probabilities behind them (n × classNames.size(),
     * rows summing to 1), adding log loss and ROC AUC: the binary AUC of column 1 for two
     * classes, else the macro one-vs-rest AUC, which needs every class to occur in yTrue.
     */
    public static ClassificationReport of(int[] yTrue, int[] yPred, double[][] proba, List<String> classNames) {
        if (Checks.probabilities(yTrue, proba) != classNames.size()) {
            throw new IllegalArgumentException("proba has " + proba[0].length + " columns for "
                    + classNames.size() + " class names");
        }
        double rocAuc = proba[0].length == 2
                ? RocCurve.rocAuc(yTrue, IntStream.range(0, proba.length).mapToDouble(i -> proba[i][1]).toArray())
                : RocCurve.rocAuc(yTrue, proba, Average.MACRO);
        return of(yTrue, yPred, classNames, OptionalDouble.of(rocAuc),
                OptionalDouble.of(ClassificationMetrics.logLoss(yTrue, proba)));
    }

    private static ClassificationReport of(int[] yTrue, int[] yPred, List<String> classNames,
                                           OptionalDouble rocAuc, OptionalDouble logLoss) {
        int k = classNames.size();
        ConfusionMatrix cm = ConfusionMatrix.of(yTrue, yPred, k);
        double[] precision = ClassificationMetrics.precisionPerClass(yTrue, yPred, k);
        double[] recall = ClassificationMetrics.recallPerClass(yTrue, yPred, k);
        double[] f1 = ClassificationMetrics.f1PerClass(yTrue, yPred, k);
        List<ClassScores> classes = IntStream.range(0, k)
                .mapToObj(c -> new ClassScores(classNames.get(c), precision[c], recall[c], f1[c], cm.trueTotal(c)))
                .toList();
        return new ClassificationReport(classes,
                ClassificationMetrics.accuracy(yTrue, yPred),
                ClassificationMetrics.balancedAccuracy(yTrue, yPred),
                ClassificationMetrics.precision(yTrue, yPred, Average.MACRO),
                ClassificationMetrics.recall(yTrue, yPred, Average.MACRO),
                ClassificationMetrics.f1(yTrue, yPred, Average.MACRO),
                ClassificationMetrics.precision(yTrue, yPred, Average.WEIGHTED),
                ClassificationMetrics.recall(yTrue, yPred, Average.WEIGHTED),
                ClassificationMetrics.f1(yTrue, yPred, Average.WEIGHTED),
                rocAuc, logLoss);
    }

    /**
     * The overall scores under scikit-learn's scorer names: accuracy, balanced_accuracy,
     * precision_macro, recall_macro, f1_macro, precision_weighted, recall_weighted, f1_weighted,
     * then roc_auc and log_loss when present.
     */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("accuracy", accuracy);
        map.put("balanced_accuracy", balancedAccuracy);
        map.put("precision_macro", precisionMacro);
        map.put("recall_macro", recallMacro);
        map.put("f1_macro", f1Macro);
        map.put("precision_weighted", precisionWeighted);
        map.put("recall_weighted", recallWeighted);
        map.put("f1_weighted", f1Weighted);
        rocAuc.ifPresent(v -> map.put("roc_auc", v));
        logLoss.ifPresent(v -> map.put("log_loss", v));
        return Collections.unmodifiableMap(map);
    }
}
