package dev.kiln.learn.select;

import dev.kiln.core.stats.Distributions;

/**
 * The univariate tests of scikit-learn's feature selection, computed with its formulas:
 * ANOVA F ({@code f_classif}), the F test of a simple regression ({@code f_regression}) and
 * chi-squared ({@code chi2}). Features are columns {@code x[j]}; classes are codes 0..k−1.
 */
final class UnivariateTests {
    private UnivariateTests() {
    }

    /** One-way ANOVA F of each feature across the classes, with scikit-learn's sums-of-squares formulas. */
    static FeatureScores fClassif(double[][] x, int[] classes, int k) {
        int n = classes.length;
        int[] counts = new int[k];
        for (int c : classes) {
            counts[c]++;
        }
        double[] f = new double[x.length];
        double[] p = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double[] sums = new double[k];
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double v = x[j][i];
                sums[classes[i]] += v;
                squares += v * v;
            }
            double total = 0;
            double between = 0;
            for (int c = 0; c < k; c++) {
                total += sums[c];
                between += sums[c] * sums[c] / counts[c];
            }
            double squareOfSums = total * total;
            double sst = squares - squareOfSums / n;
            double ssb = between - squareOfSums / n;
            double ssw = sst - ssb;
            double dfb = k - 1;
            double dfw = n - k;
            f[j] = (ssb / dfb) / (ssw / dfw);
            p[j] = Distributions.fSurvival(f[j], dfb, dfw);
        }
        return new FeatureScores(f, p);
    }

    /**
     * The F statistic of regressing the target on each feature alone, r²/(1 − r²)·(n − 2), with
     * scikit-learn's {@code force_finite}: a constant feature scores 0 (p = 1), a perfectly
     * correlated one the largest double (p = 0).
     */
    static FeatureScores fRegression(double[][] x, double[] y) {
        int n = y.length;
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        double[] yc = new double[n];
        double yNorm = 0;
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - yMean;
            yNorm += yc[i] * yc[i];
        }
        yNorm = Math.sqrt(yNorm);
        double dof = n - 2;
        double[] f = new double[x.length];
        double[] p = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double mean = 0;
            for (double v : x[j]) {
                mean += v;
            }
            mean /= n;
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double d = x[j][i] - mean;
                dot += yc[i] * x[j][i];
                norm += d * d;
            }
            double r = dot / Math.sqrt(norm) / yNorm;
            double r2 = r * r;
            f[j] = r2 / (1 - r2) * dof;
            p[j] = Distributions.fSurvival(f[j], 1, dof);
            if (Double.isNaN(f[j])) {
                f[j] = 0;
                p[j] = 1;
            } else if (Double.isInfinite(f[j])) {
                f[j] = Double.MAX_VALUE;
                p[j] = 0;
            }
        }
        return new FeatureScores(f, p);
    }

    /**
     * Chi-squared of each non-negative feature's class totals against those its overall total
     * and the class frequencies predict, with k − 1 degrees of freedom.
     *
     * @param names the features' names, for the message about a negative value
     */
    static FeatureScores chi2(double[][] x, int[] classes, int k, java.util.List<String> names) {
        int n = classes.length;
        double[] classProb = new double[k];
        int[] counts = new int[k];
        for (int c : classes) {
            counts[c]++;
        }
        for (int c = 0; c < k; c++) {
            classProb[c] = (double) counts[c] / n;
        }
        double[] chi = new double[x.length];
        double[] p = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double[] observed = new double[k];
            double total = 0;
            for (int i = 0; i < n; i++) {
                double v = x[j][i];
                if (v < 0) {
                    throw new IllegalArgumentException("chi2 needs non-negative features, but column '" + names.get(j)
                            + "' has " + v + " in row " + i);
                }
                observed[classes[i]] += v;
                total += v;
            }
            double s = 0;
            for (int c = 0; c < k; c++) {
                double expected = classProb[c] * total;
                double d = observed[c] - expected;
                s += d * d / expected;
            }
            chi[j] = s;
            p[j] = Distributions.chiSquaredSurvival(s, k - 1);
        }
        return new FeatureScores(chi, p);
    }
}
