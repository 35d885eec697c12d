package dev.kiln.core.metrics;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Classification scores over class indices 0..k−1, with scikit-learn's semantics. Label arrays
 * must be aligned, non-empty and non-negative. A ratio whose denominator is zero (a class never
 * predicted, or never present) counts as 0, scikit-learn's default {@code zero_division}.
 */
public final class ClassificationMetrics {
    /**
     * The clipping bound for {@link #logLoss}: probabilities are clipped to [ε, 1 − ε] with ε the
     * double-precision machine epsilon 2.22e-16, scikit-learn's {@code eps="auto"} for float64.
     */
    public static final double LOG_LOSS_EPSILON = Math.ulp(1.0);

    private ClassificationMetrics() {
    }

    /** The fraction of predictions that are right. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        ConfusionMatrix cm = ConfusionMatrix.of(yTrue, yPred);
        return (double) cm.correct() / cm.total();
    }

    /** The mean recall over the classes that occur in yTrue. */
    public static double balancedAccuracy(int[] yTrue, int[] yPred) {
        ConfusionMatrix cm = ConfusionMatrix.of(yTrue, yPred);
        int[] support = cm.trueTotals();
        return IntStream.range(0, cm.numClasses()).filter(c -> support[c] > 0)
                .mapToDouble(c -> Counts.of(cm, c).recall()).average().orElseThrow();
    }

    /** Precision, tp / (tp + fp), combined as {@code average} says (BINARY: positive class 1). */
    public static double precision(int[] yTrue, int[] yPred, Average average) {
        return averaged(yTrue, yPred, average, 1, Counts::precision);
    }

    /** Precision of {@code positiveClass} in a problem where at most two classes occur. */
    public static double precision(int[] yTrue, int[] yPred, int positiveClass) {
        return averaged(yTrue, yPred, Average.BINARY, positiveClass, Counts::precision);
    }

    /** Precision of each class 0..numClasses−1. */
    public static double[] precisionPerClass(int[] yTrue, int[] yPred, int numClasses) {
        return perClass(yTrue, yPred, numClasses, Counts::precision);
    }

    /** Recall, tp / (tp + fn), combined as {@code average} says (BINARY: positive class 1). */
    public static double recall(int[] yTrue, int[] yPred, Average average) {
        return averaged(yTrue, yPred, average, 1, Counts::recall);
    }

    /** Recall of {@code positiveClass} in a problem where at most two classes occur. */
    public static double recall(int[] yTrue, int[] yPred, int positiveClass) {
        return averaged(yTrue, yPred, Average.BINARY, positiveClass, Counts::recall);
    }

    /** Recall of each class 0..numClasses−1. */
    public static double[] recallPerClass(int[] yTrue, int[] yPred, int numClasses) {
        return perClass(yTrue, yPred, numClasses, Counts::recall);
    }

    /** F1, the harmonic mean of precision and recall, combined as {@code average} says. */
    public static double f1(int[] yTrue, int[] yPred, Average average) {
        return fbeta(yTrue, yPred, 1, average);
    }

    /** F1 of {@code positiveClass} in a problem where at most two classes occur. */
    public static double f1(int[] yTrue, int[] yPred, int positiveClass) {
        return fbeta(yTrue, yPred, 1, positiveClass);
    }

    /** F1 of each class 0..numClasses−1. */
    public static double[] f1PerClass(int[] yTrue, int[] yPred, int numClasses) {
        return fbetaPerClass(yTrue, yPred, 1, numClasses);
    }

    /**
     * F-beta, (1 + β²)·P·R / (β²·P + R), which weighs recall β times as much as precision; 0 when
     * P and R are both 0. MACRO and WEIGHTED average the per-class F-beta; MICRO takes it of the
     * pooled P and R.
     */
    public static double fbeta(int[] yTrue, int[] yPred, double beta, Average average) {
        return averaged(yTrue, yPred, average, 1, fbetaOf(beta));
    }

    /** F-beta of {@code positiveClass} in a problem where at most two classes occur. */
    public static double fbeta(int[] yTrue, int[] yPred, double beta, int positiveClass) {
        return averaged(yTrue, yPred, Average.BINARY, positiveClass, fbetaOf(beta));
    }

    /** F-beta of each class 0..numClasses−1. */
    public static double[] fbetaPerClass(int[] yTrue, int[] yPred, double beta, int numClasses) {
        return perClass(yTrue, yPred, numClasses, fbetaOf(beta));
    }

    /**
     * The Matthews correlation coefficient in its multiclass (R_K) form, in [−1, 1]; 0 when
     * either labelling puts every sample in one class.
     */
    public static double matthewsCorrcoef(int[] yTrue, int[] yPred) {
        ConfusionMatrix cm = ConfusionMatrix.of(yTrue, yPred);
        double[] t = asDoubles(cm.trueTotals());
        double[] p = asDoubles(cm.predictedTotals());
        double n = cm.total();
        double covTruePred = cm.correct() * n - dot(t, p);
        double covPredPred = n * n - dot(p, p);
        double covTrueTrue = n * n - dot(t, t);
        return covPredPred * covTrueTrue == 0 ? 0 : covTruePred / Math.sqrt(covTrueTrue * covPredPred);
    }

    /**
     * Cohen's kappa, the agreement between yTrue and yPred beyond chance (unweighted). NaN when
     * both use one and the same class only, where chance agreement is 1, as in scikit-learn.
     */
    public static double cohenKappa(int[] yTrue, int[] yPred) {
        ConfusionMatrix cm = ConfusionMatrix.of(yTrue, yPred);
        double[] t = asDoubles(cm.trueTotals());
        double[] p = asDoubles(cm.predictedTotals());
        double n = cm.total();
        double expectedAgreement = dot(t, p) / n;
        return 1 - (n - cm.correct()) / (n - expectedAgreement);
    }

    /**
     * Cross-entropy −mean(log p[i][yTrue[i]]) of an n × k probability matrix whose rows sum to 1,
     * with each probability first clipped to [{@link #LOG_LOSS_EPSILON}, 1 − ε] so a confident
     * miss costs −log ε ≈ 36.04 rather than infinity. Rows are not renormalised after clipping
     * (scikit-learn 1.2 did, a change below 1e-15 for rows that sum to 1; later releases do not).
     */
    public static double logLoss(int[] yTrue, double[][] proba) {
        Checks.probabilities(yTrue, proba);
        double sum = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double p = Math.clamp(proba[i][yTrue[i]], LOG_LOSS_EPSILON, 1 - LOG_LOSS_EPSILON);
            sum -= Math.log(p);
        }
        return sum / yTrue.length;
    }

    private static ToDoubleFunction<Counts> fbetaOf(double beta) {
        if (!(beta >= 0 && Double.isFinite(beta))) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        return counts -> counts.fbeta(beta);
    }

    private static double[] perClass(int[] yTrue, int[] yPred, int numClasses, ToDoubleFunction<Counts> score) {
        ConfusionMatrix cm = ConfusionMatrix.of(yTrue, yPred, numClasses);
        return IntStream.range(0, numClasses).mapToDouble(c -> score.applyAsDouble(Counts.of(cm, c))).toArray();
    }

    private static double averaged(int[] yTrue, int[] yPred, Average average, int positiveClass,
                                   ToDoubleFunction<Counts> score) {
        ConfusionMatrix cm = ConfusionMatrix.of(yTrue, yPred);
        int[] support = cm.trueTotals();
        int[] predicted = cm.predictedTotals();
        int[] present = IntStream.range(0, cm.numClasses()).filter(c -> support[c] + predicted[c] > 0).toArray();
        return switch (average) {
            case BINARY -> score.applyAsDouble(binaryCounts(cm, present, positiveClass));
            case MICRO -> score.applyAsDouble(Arrays.stream(present).mapToObj(c -> Counts.of(cm, c))
                    .reduce(new Counts(0, 0, 0), Counts::plus));
            case MACRO -> Arrays.stream(present).mapToDouble(c -> score.applyAsDouble(Counts.of(cm, c)))
                    .average().orElseThrow();
            case WEIGHTED -> Arrays.stream(present)
                    .mapToDouble(c -> support[c] * score.applyAsDouble(Counts.of(cm, c))).sum() / cm.total();
        };
    }

    private static Counts binaryCounts(ConfusionMatrix cm, int[] present, int positiveClass) {
        if (positiveClass < 0) {
            throw new IllegalArgumentException("positive class must be >= 0, got " + positiveClass);
        }
        if (present.length > 2) {
            throw new IllegalArgumentException("BINARY averaging needs at most two classes, but "
                    + present.length + " occur " + Arrays.toString(present) + "; use MACRO, MICRO or WEIGHTED");
        }
        boolean positivePresent = Arrays.stream(present).anyMatch(c -> c == positiveClass);
        if (!positivePresent && present.length == 2) {
            throw new IllegalArgumentException("positive class " + positiveClass
                    + " does not occur; the classes are " + Arrays.toString(present));
        }
        return positivePresent ? Counts.of(cm, positiveClass) : new Counts(0, 0, 0);
    }

    private static double[] asDoubles(int[] x) {
        return Arrays.stream(x).asDoubleStream().toArray();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** One class's (or pooled) true positives, predicted positives and actual positives. */
    private record Counts(double truePositives, double predicted, double actual) {
        static Counts of(ConfusionMatrix cm, int c) {
            return new Counts(cm.count(c, c), cm.predictedTotal(c), cm.trueTotal(c));
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, predicted + o.predicted, actual + o.actual);
        }

        double precision() {
            return predicted == 0 ? 0 : truePositives / predicted;
        }

        double recall() {
            return actual == 0 ? 0 : truePositives / actual;
        }

        double fbeta(double beta) {
            double p = precision();
            double r = recall();
            double b2 = beta * beta;
            double denominator = b2 * p + r;
            return denominator == 0 ? 0 : (1 + b2) * p * r / denominator;
        }
    }
}
