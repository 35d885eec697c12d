package dev.kiln.explain.kernel;

import dev.kiln.core.random.Rng;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coalitions KernelSHAP evaluates and their regression weights, chosen as shap's
 * {@code KernelExplainer} chooses them: coalition sizes are taken from the outside in (1 and
 * M−1, then 2 and M−2, …) and enumerated completely while the budget covers a size's share of
 * the Shapley kernel weight; the remaining sizes are sampled in complementary pairs (a coalition
 * and the coalition of all other features), repeated draws adding weight to the first, and the
 * sampled weights are scaled to the kernel weight those sizes carry.
 *
 * @param masks      the coalitions, true where a feature takes the explained row's value
 * @param weights    one regression weight per coalition
 * @param enumerated how many leading coalitions come from complete enumeration
 */
record CoalitionPlan(List<boolean[]> masks, double[] weights, int enumerated) {

    /** The sample count shap uses by default for {@code m} features: 2m + 2048. */
    static int defaultSamples(int m) {
        return 2 * m + 2048;
    }

    /** How many coalitions are worth evaluating: the budget, but never more than the 2^m − 2 that exist. */
    static int budget(int m, int nSamples) {
        if (m <= 30) {
            return (int) Math.min(nSamples, (1L << m) - 2);
        }
        return nSamples;
    }

    /** The plan for {@code m ≥ 2} features and {@code nSamples} coalitions; {@code rng} draws the sampled ones. */
    static CoalitionPlan of(int m, int nSamples, Rng rng) {
        if (m < 2) {
            throw new IllegalArgumentException("coalitions need at least 2 features, got " + m);
        }
        int samples = budget(m, nSamples);
        int sizes = m / 2;
        int pairedSizes = (m - 1) / 2;
        double[] sizeWeight = new double[sizes];
        double total = 0;
        for (int s = 1; s <= sizes; s++) {
            sizeWeight[s - 1] = (m - 1.0) / (s * (double) (m - s));
            if (s <= pairedSizes) {
                sizeWeight[s - 1] *= 2;
            }
            total += sizeWeight[s - 1];
        }
        for (int s = 0; s < sizes; s++) {
            sizeWeight[s] /= total;
        }

        List<boolean[]> masks = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int fullSizes = 0;
        double left = samples;
        double[] remaining = sizeWeight.clone();
        for (int s = 1; s <= sizes; s++) {
            double subsets = binomial(m, s);
            boolean paired = s <= pairedSizes;
            if (paired) {
                subsets *= 2;
            }
            if (left * remaining[s - 1] / subsets < 1.0 - 1e-8) {
                break;
            }
            fullSizes++;
            left -= subsets;
            if (remaining[s - 1] < 1.0) {
                double scale = 1 - remaining[s - 1];
                for (int t = 0; t < remaining.length; t++) {
                    remaining[t] /= scale;
                }
            }
            double w = sizeWeight[s - 1] / binomial(m, s);
            if (paired) {
                w /= 2;
            }
            int[] members = new int[s];
            for (int i = 0; i < s; i++) {
                members[i] = i;
            }
            do {
                boolean[] mask = new boolean[m];
                for (int i : members) {
                    mask[i] = true;
                }
                masks.add(mask);
                weights.add(w);
                if (paired) {
                    masks.add(complement(mask));
                    weights.add(w);
                }
            } while (nextCombination(members, m));
        }
        int enumerated = masks.size();
        int samplesLeft = samples - enumerated;
        if (fullSizes != sizes && samplesLeft > 0) {
            double[] p = new double[sizes - fullSizes];
            double sum = 0;
            for (int t = 0; t < p.length; t++) {
                int s = fullSizes + t + 1;
                p[t] = sizeWeight[s - 1] / (s <= pairedSizes ? 2 : 1);
                sum += p[t];
            }
            for (int t = 0; t < p.length; t++) {
                p[t] /= sum;
            }
            Map<BitSet, Integer> seen = new HashMap<>();
            Map<Integer, Integer> pairOf = new HashMap<>();
            int draws = 4 * samplesLeft;
            for (int d = 0; d < draws && samplesLeft > 0; d++) {
                int s = fullSizes + 1 + WeightedChoice.draw(p, rng);
                int[] chosen = rng.sampleWithoutReplacement(m, s);
                boolean[] mask = new boolean[m];
                BitSet key = new BitSet(m);
                for (int i : chosen) {
                    mask[i] = true;
                    key.set(i);
                }
                Integer at = seen.get(key);
                boolean fresh = at == null;
                if (fresh) {
                    at = masks.size();
                    seen.put(key, at);
                    masks.add(mask);
                    weights.add(1.0);
                    samplesLeft--;
                } else {
                    weights.set(at, weights.get(at) + 1.0);
                }
                if (samplesLeft > 0 && s <= pairedSizes) {
                    if (fresh) {
                        pairOf.put(at, masks.size());
                        masks.add(complement(mask));
                        weights.add(1.0);
                        samplesLeft--;
                    } else if (pairOf.containsKey(at)) {
                        int pair = pairOf.get(at);
                        weights.set(pair, weights.get(pair) + 1.0);
                    }
                }
            }
            double weightLeft = 0;
            for (int s = fullSizes; s < sizes; s++) {
                weightLeft += sizeWeight[s];
            }
            double sampled = 0;
            for (int i = enumerated; i < weights.size(); i++) {
                sampled += weights.get(i);
            }
            for (int i = enumerated; i < weights.size(); i++) {
                weights.set(i, weights.get(i) * weightLeft / sampled);
            }
        }
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return new CoalitionPlan(List.copyOf(masks), w, enumerated);
    }

    private static boolean[] complement(boolean[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !mask[i];
        }
        return out;
    }

    /** Advances {@code c} to the next s-subset of [0, m) in lexicographic order; false after the last. */
    private static boolean nextCombination(int[] c, int m) {
        int s = c.length;
        int i = s - 1;
        while (i >= 0 && c[i] == m - s + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int j = i + 1; j < s; j++) {
            c[j] = c[j - 1] + 1;
        }
        return true;
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return Math.round(r);
    }
}
