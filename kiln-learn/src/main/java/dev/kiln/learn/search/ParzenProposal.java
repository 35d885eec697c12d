package dev.kiln.learn.search;

import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tree-structured Parzen Estimator's next proposal (Bergstra, Bardenet, Bengio and Kégl,
 * "Algorithms for Hyper-Parameter Optimization", NIPS 2011): past trials are split into the
 * best quarter ("good") and the rest; each parameter gets a Parzen density l(x) over the good
 * values and g(x) over the others (Gaussian kernels in [0, 1], each as wide as the larger gap to its
 * neighbouring observations, plus a flat prior); candidates are drawn from l and the one maximising
 * l(x)/g(x) — the expected improvement under this model — is proposed.
 */
final class ParzenProposal {
    static final int CANDIDATES = 24;
    /** The kernel width around a lone observation, a fifth of the range. */
    private static final double SINGLE_POINT_WIDTH = 0.2;

    private ParzenProposal() {
    }

    /** The next parameters, given finished trials' unit-space positions and scores (better first when sorted). */
    static Map<String, Object> propose(SearchSpace space, List<double[]> positions, double[] scores, boolean greaterIsBetter,
                                       Rng rng) {
        int n = positions.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> greaterIsBetter ? Double.compare(scores[b], scores[a]) : Double.compare(scores[a], scores[b]));
        int good = Math.min(25, Math.max(1, (int) Math.ceil(0.25 * n)));
        List<String> names = new ArrayList<>(space.parameters().keySet());
        int d = names.size();
        double[][] goodPoints = new double[d][good];
        double[][] badPoints = new double[d][n - good];
        for (int r = 0; r < n; r++) {
            double[] x = positions.get(order[r]);
            for (int j = 0; j < d; j++) {
                if (r < good) {
                    goodPoints[j][r] = x[j];
                } else {
                    badPoints[j][r - good] = x[j];
                }
            }
        }
        Density[] l = new Density[d];
        Density[] g = new Density[d];
        for (int j = 0; j < d; j++) {
            int levels = space.parameters().get(names.get(j)) instanceof ParamDistribution.Choice c ? c.values().size() : 0;
            l[j] = new Density(goodPoints[j], levels);
            g[j] = new Density(badPoints[j], levels);
        }
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double[] u = new double[d];
            double score = 0;
            for (int j = 0; j < d; j++) {
                u[j] = l[j].sample(rng);
                score += Math.log(l[j].density(u[j])) - Math.log(g[j].density(u[j]));
            }
            if (score > bestScore) {
                bestScore = score;
                best = u;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int j = 0; j < d; j++) {
            out.put(names.get(j), space.parameters().get(names.get(j)).fromUnit(best[j]));
        }
        return out;
    }

    /** A Parzen density on [0, 1]: Gaussians at the points (or, for k levels, smoothed level counts) mixed with a flat prior. */
    private static final class Density {
        private final double[] centres;
        private final double[] widths;
        private final int levels;
        private final double[] levelWeights;

        Density(double[] points, int levels) {
            this.levels = levels;
            if (levels > 0) {
                levelWeights = new double[levels];
                Arrays.fill(levelWeights, 1.0);
                for (double p : points) {
                    levelWeights[Math.min(levels - 1, (int) Math.floor(p * levels))] += 1;
                }
                double total = Arrays.stream(levelWeights).sum();
                for (int k = 0; k < levels; k++) {
                    levelWeights[k] /= total;
                }
                centres = new double[0];
                widths = new double[0];
                return;
            }
            levelWeights = null;
            centres = points.clone();
            Arrays.sort(centres);
            widths = new double[centres.length];
            double minWidth = 1.0 / Math.min(100, centres.length + 1);
            for (int i = 0; i < centres.length; i++) {
                double left = i == 0 ? 0 : centres[i] - centres[i - 1];
                double right = i == centres.length - 1 ? 0 : centres[i + 1] - centres[i];
                double gap = centres.length == 1 ? SINGLE_POINT_WIDTH : Math.max(left, right);
                widths[i] = Math.max(minWidth, Math.min(1.0, gap));
            }
        }

        double sample(Rng rng) {
            if (levels > 0) {
                double u = rng.nextDouble();
                double acc = 0;
                for (int k = 0; k < levels; k++) {
                    acc += levelWeights[k];
                    if (u < acc) {
                        return (k + 0.5) / levels;
                    }
                }
                return (levels - 0.5) / levels;
            }
            int pick = rng.nextInt(centres.length + 1);
            if (pick == centres.length) {
                return rng.nextDouble();
            }
            for (int attempt = 0; attempt < 100; attempt++) {
                double v = centres[pick] + widths[pick] * rng.nextGaussian();
                if (v >= 0 && v <= 1) {
                    return v;
                }
            }
            return Math.max(0, Math.min(1, centres[pick]));
        }

        double density(double u) {
            if (levels > 0) {
                return levelWeights[Math.min(levels - 1, (int) Math.floor(u * levels))];
            }
            double sum = 1.0;
            for (int i = 0; i < centres.length; i++) {
                double z = (u - centres[i]) / widths[i];
                sum += Math.exp(-0.5 * z * z) / (widths[i] * Math.sqrt(2 * Math.PI));
            }
            return sum / (centres.length + 1);
        }
    }
}
