package dev.kiln.learn.svm;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.learn.data.NumericInput;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted {@link Svc}: support vectors and, per pair of classes (i, j), i &lt; j, the decision
 * function f_ij(x) = Σ_s coef_s k(s, x) − ρ_ij over the support vectors of classes i and j,
 * positive for class i. A row's class is the winner of the pairwise vote (ties to the first
 * class, as libsvm); probabilities, when fitted, couple the pairs' Platt sigmoids.
 *
 * <p>Support vectors are grouped by class, in training order within a class. The getters follow
 * scikit-learn's attributes: {@link #dualCoefficients()} is {@code dual_coef_},
 * {@link #intercepts()} is {@code intercept_}, with their sign flipped for two classes so that
 * positive values favour the second class.
 */
public final class SvcModel extends SvmModel implements ClassificationModel {
    private static final double MIN_PROBABILITY = 1e-7;

    private final Svc.Params params;
    private final List<String> classes;
    private final int[] supportCounts;
    private final double[] coef;
    private final double[] rho;
    private final double[] probA;
    private final double[] probB;
    private final int[] starts;

    SvcModel(Svc.Params params, Schema inputSchema, List<String> classes, double gamma, double[] supportVectors,
             int[] supportIndices, int[] supportCounts, double[] coef, double[] rho, double[] probA, double[] probB) {
        super(inputSchema, supportVectors, supportIndices,
                new KernelFunction(params.kernel(), gamma, params.degree(), params.coef0()));
        int k = classes.size();
        int n = supportIndices.length;
        int pairs = k * (k - 1) / 2;
        if (k < 2 || supportCounts.length != k || Arrays.stream(supportCounts).sum() != n
                || coef.length != (k - 1) * n || rho.length != pairs
                || probA.length != probB.length || probA.length != (params.probability() ? pairs : 0)) {
            throw new IllegalArgumentException("inconsistent SVC: " + k + " classes, " + n + " support vectors, counts "
                    + Arrays.toString(supportCounts) + ", " + coef.length + " coefficients, " + rho.length
                    + " offsets, " + probA.length + " sigmoids");
        }
        this.params = params;
        this.classes = List.copyOf(classes);
        this.supportCounts = supportCounts.clone();
        this.coef = coef.clone();
        this.rho = rho.clone();
        this.probA = probA.clone();
        this.probB = probB.clone();
        this.starts = new int[k];
        for (int c = 1; c < k; c++) {
            starts[c] = starts[c - 1] + supportCounts[c - 1];
        }
    }

    public Svc.Params params() {
        return params;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    /** How many support vectors each class has (scikit-learn's {@code n_support_}). */
    public int[] supportCounts() {
        return supportCounts.clone();
    }

    /** The (k − 1) x nSV dual coefficients y_i α_i (scikit-learn's {@code dual_coef_}). */
    public Matrix dualCoefficients() {
        double sign = classes.size() == 2 ? -1 : 1;
        double[] out = coef.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= sign;
        }
        return Matrix.wrap(classes.size() - 1, supportCount(), out);
    }

    /** One intercept per pair of classes (scikit-learn's {@code intercept_}). */
    public double[] intercepts() {
        double sign = classes.size() == 2 ? 1 : -1;
        double[] out = new double[rho.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = sign * rho[p];
        }
        return out;
    }

    /** The Platt sigmoids' slopes A per pair (scikit-learn's {@code probA_}); empty without probabilities. */
    public double[] probA() {
        return probA.clone();
    }

    /** The Platt sigmoids' offsets B per pair (scikit-learn's {@code probB_}); empty without probabilities. */
    public double[] probB() {
        return probB.clone();
    }

    /**
     * scikit-learn's {@code decision_function}: for two classes one column, positive for the
     * second class; otherwise as {@link Svc.Params#decisionFunctionShape()} says.
     */
    public Matrix decisionFunction(Frame features) {
        double[] pairwise = pairwise(features);
        int pairs = rho.length;
        int m = pairwise.length / pairs;
        if (classes.size() == 2) {
            double[] out = new double[m];
            for (int i = 0; i < m; i++) {
                out[i] = -pairwise[i];
            }
            return Matrix.wrap(m, 1, out);
        }
        if (params.decisionFunctionShape() == DecisionShape.OVO) {
            return Matrix.wrap(m, pairs, pairwise);
        }
        int k = classes.size();
        double[] out = new double[m * k];
        for (int i = 0; i < m; i++) {
            ovr(pairwise, i * pairs, out, i * k);
        }
        return Matrix.wrap(m, k, out);
    }

    @Override
    public ClassificationPrediction predict(Frame features) {
        double[] pairwise = pairwise(features);
        int k = classes.size();
        int pairs = rho.length;
        int m = pairwise.length / pairs;
        int[] labels = new int[m];
        double[] ovr = new double[k];
        for (int i = 0; i < m; i++) {
            if (params.breakTies() && k > 2) {
                ovr(pairwise, i * pairs, ovr, 0);
                labels[i] = argmax(ovr);
            } else {
                labels[i] = vote(pairwise, i * pairs);
            }
        }
        double[][] probabilities = null;
        if (params.probability()) {
            probabilities = new double[m][];
            for (int i = 0; i < m; i++) {
                probabilities[i] = probabilities(pairwise, i * pairs);
            }
        }
        return new ClassificationPrediction(classes, labels, probabilities);
    }

    double[] coefficients() {
        return coef.clone();
    }

    double[] offsets() {
        return rho.clone();
    }

    /** libsvm's decision values f_ij, one row per input row, pairs in order. */
    private double[] pairwise(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(inputSchema(), features, Svc.WHO);
        int k = classes.size();
        int n = supportCount();
        return expansion().evaluate(NumericInput.rowMajor(x), x.rows(), rho.length, (kv, off, out, o) -> {
            for (int i = 0, p = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++, p++) {
                    out[o + p] = Blas.dot(supportCounts[i], coef, (j - 1) * n + starts[i], kv, off + starts[i])
                            + Blas.dot(supportCounts[j], coef, i * n + starts[j], kv, off + starts[j]) - rho[p];
                }
            }
        });
    }

    /** libsvm's vote: f_ij > 0 is a vote for i, else for j; the first class with the most votes wins. */
    private int vote(double[] pairwise, int off) {
        int k = classes.size();
        int[] votes = new int[k];
        for (int i = 0, p = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++, p++) {
                votes[pairwise[off + p] > 0 ? i : j]++;
            }
        }
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return best;
    }

    /** scikit-learn's {@code _ovr_decision_function}: votes plus confidences squashed into (−1/3, 1/3). */
    private void ovr(double[] pairwise, int off, double[] out, int o) {
        int k = classes.size();
        double[] confidence = new double[k];
        Arrays.fill(out, o, o + k, 0);
        for (int i = 0, p = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++, p++) {
                double f = pairwise[off + p];
                confidence[i] += f;
                confidence[j] -= f;
                out[o + (f < 0 ? j : i)] += 1;
            }
        }
        for (int c = 0; c < k; c++) {
            out[o + c] += confidence[c] / (3 * (Math.abs(confidence[c]) + 1));
        }
    }

    /** Pairwise Platt probabilities, clipped to [1e-7, 1 − 1e-7] as libsvm, then coupled. */
    private double[] probabilities(double[] pairwise, int off) {
        int k = classes.size();
        double[][] r = new double[k][k];
        for (int i = 0, p = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++, p++) {
                double pij = PlattScaling.probability(pairwise[off + p], probA[p], probB[p]);
                r[i][j] = Math.min(Math.max(pij, MIN_PROBABILITY), 1 - MIN_PROBABILITY);
                r[j][i] = 1 - r[i][j];
            }
        }
        return k == 2 ? new double[] {r[0][1], r[1][0]} : PairwiseCoupling.couple(r);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }
}
