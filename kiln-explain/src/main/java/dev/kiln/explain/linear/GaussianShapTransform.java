package dev.kiln.explain.linear;

import dev.kiln.core.random.Rng;

/**
 * SHAP values of a linear model {@code f(x) = w·x + b} when the features are multivariate normal
 * with mean μ and covariance Σ and an absent feature is filled in by its conditional expectation
 * (the value function of shap's {@code LinearExplainer(feature_perturbation="correlation_dependent")}):
 * {@code v(S) = E[f(x) | x_S] = f(μ) + a_S·(x − μ)} with {@code a_S = Σ_SS⁻¹ (Σw)_S} on S and 0
 * elsewhere. Shapley values are then linear in x: {@code φ = T (x − μ)} with row i of T the
 * Shapley-weighted sum of {@code a_{S∪i} − a_S}. T is computed once per weight vector, by
 * enumerating every coalition for up to {@link #MAX_EXACT} features, else (as shap does) by
 * averaging over random feature orders, each growing S one feature at a time with an updated
 * Cholesky factor. Σ gets a relative ridge of 1e−10 of its mean variance so that singular
 * covariances (one-hot groups) factor; knowing every feature gives f(x) itself ({@code a = w}),
 * so the values always add up.
 */
public final class GaussianShapTransform {
    /** Up to this many features T is exact (2^M coalitions). */
    public static final int MAX_EXACT = 12;

    private GaussianShapTransform() {
    }

    /**
     * T for weights {@code w} under covariance {@code cov}: exact for at most {@link #MAX_EXACT}
     * features, else estimated from {@code permutations} random orders drawn with {@code seed}.
     */
    public static double[][] of(double[][] cov, double[] w, int permutations, long seed) {
        return w.length <= MAX_EXACT ? exact(cov, w) : sampled(cov, w, permutations, seed);
    }

    /** T by enumerating every coalition. */
    public static double[][] exact(double[][] cov, double[] w) {
        int m = w.length;
        double[] u = times(cov, w);
        double ridge = ridge(cov);
        double[][] a = new double[1 << m][];
        a[a.length - 1] = w.clone();
        for (int mask = 0; mask < a.length - 1; mask++) {
            int[] members = members(mask, m);
            double[] solved = solve(cov, ridge, members, u);
            a[mask] = new double[m];
            for (int s = 0; s < members.length; s++) {
                a[mask][members[s]] = solved[s];
            }
        }
        double[] weight = new double[m];
        for (int s = 0; s < m; s++) {
            double c = 1;
            for (int i = 1; i <= s; i++) {
                c = c * (m - 1 - s + i) / i;
            }
            weight[s] = 1.0 / (m * c);
        }
        double[][] t = new double[m][m];
        for (int mask = 0; mask < a.length; mask++) {
            int size = Integer.bitCount(mask);
            for (int i = 0; i < m; i++) {
                if ((mask & (1 << i)) == 0) {
                    double[] with = a[mask | (1 << i)];
                    for (int j = 0; j < m; j++) {
                        t[i][j] += weight[size] * (with[j] - a[mask][j]);
                    }
                }
            }
        }
        return t;
    }

    /** T estimated from random feature orders (each order's contributions add up to w exactly). */
    public static double[][] sampled(double[][] cov, double[] w, int permutations, long seed) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
        }
        int m = w.length;
        double[] u = times(cov, w);
        double ridge = ridge(cov);
        Rng rng = Rng.seeded(seed);
        double[][] t = new double[m][m];
        double[][] chol = new double[m][m];
        int[] order = new int[m];
        double[] previous = new double[m];
        double[] y = new double[m];
        double[] current = new double[m];
        for (int p = 0; p < permutations; p++) {
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            for (int i = m - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            java.util.Arrays.fill(previous, 0);
            for (int s = 0; s < m; s++) {
                int f = order[s];
                double diagonal = cov[f][f] + ridge;
                for (int r = 0; r < s; r++) {
                    double sum = cov[f][order[r]];
                    for (int c = 0; c < r; c++) {
                        sum -= chol[s][c] * chol[r][c];
                    }
                    chol[s][r] = sum / chol[r][r];
                    diagonal -= chol[s][r] * chol[s][r];
                }
                chol[s][s] = Math.sqrt(Math.max(diagonal, ridge));
                for (int r = 0; r <= s; r++) {
                    double sum = u[order[r]];
                    for (int c = 0; c < r; c++) {
                        sum -= chol[r][c] * y[c];
                    }
                    y[r] = sum / chol[r][r];
                }
                java.util.Arrays.fill(current, 0);
                for (int r = s; r >= 0; r--) {
                    double sum = y[r];
                    for (int c = r + 1; c <= s; c++) {
                        sum -= chol[c][r] * current[order[c]];
                    }
                    current[order[r]] = sum / chol[r][r];
                }
                if (s == m - 1) {
                    System.arraycopy(w, 0, current, 0, m);
                }
                for (int j = 0; j < m; j++) {
                    t[f][j] += (current[j] - previous[j]) / permutations;
                }
                System.arraycopy(current, 0, previous, 0, m);
            }
        }
        return t;
    }

    /** {@code Σ_SS⁻¹ u_S} for the features {@code members}, by Cholesky. */
    private static double[] solve(double[][] cov, double ridge, int[] members, double[] u) {
        int s = members.length;
        double[][] l = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = cov[members[i]][members[j]] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, ridge)) : sum / l[j][j];
            }
        }
        double[] y = new double[s];
        for (int i = 0; i < s; i++) {
            double sum = u[members[i]];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[s];
        for (int i = s - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < s; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    private static int[] members(int mask, int m) {
        int[] out = new int[Integer.bitCount(mask)];
        int n = 0;
        for (int j = 0; j < m; j++) {
            if ((mask & (1 << j)) != 0) {
                out[n++] = j;
            }
        }
        return out;
    }

    private static double[] times(double[][] cov, double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                out[i] += cov[i][j] * w[j];
            }
        }
        return out;
    }

    private static double ridge(double[][] cov) {
        double trace = 0;
        for (int i = 0; i < cov.length; i++) {
            trace += cov[i][i];
        }
        double mean = trace / cov.length;
        return 1e-10 * (mean > 0 ? mean : 1);
    }
}
