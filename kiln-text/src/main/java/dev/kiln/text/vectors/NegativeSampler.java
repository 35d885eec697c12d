package dev.kiln.text.vectors;

/**
 * Draws vocabulary indices with probability proportional to count^0.75, the "unigram
 * distribution raised to the 3/4rd power" of Mikolov et al. (2013) for negative sampling, from
 * Walker's alias table (Vose's construction): one 64-bit random number per draw, the upper 32
 * bits choosing a column, the lower 32 its two-way split. Exact to 2^−32 where the C tool's
 * 10^8-slot table rounds each word's share to whole slots, and a fraction of its memory.
 */
final class NegativeSampler {
    private final int[] alias;
    /** Column i keeps its own index when the lower 32 bits, as unsigned, are below this. */
    private final long[] threshold;

    private NegativeSampler(int[] alias, long[] threshold) {
        this.alias = alias;
        this.threshold = threshold;
    }

    /** The sampler for weights {@code counts[i]^power}. */
    static NegativeSampler of(long[] counts, double power) {
        int n = counts.length;
        if (n == 0) {
            throw new IllegalArgumentException("negative sampling needs at least one word");
        }
        double[] scaled = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = Math.pow(counts[i], power);
            sum += scaled[i];
        }
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] *= n / sum;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        int[] alias = new int[n];
        long[] threshold = new long[n];
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            threshold[s] = toThreshold(scaled[s]);
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            threshold[l] = 1L << 32;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            threshold[s] = 1L << 32;
            alias[s] = s;
        }
        return new NegativeSampler(alias, threshold);
    }

    /** The index that {@code bits} (64 uniformly random bits) selects. */
    int draw(long bits) {
        int column = (int) (((bits >>> 32) * alias.length) >>> 32);
        return (bits & 0xFFFF_FFFFL) < threshold[column] ? column : alias[column];
    }

    /** The probability {@link #draw} gives index {@code i}, from the table itself. */
    double probability(int i) {
        double p = 0;
        for (int c = 0; c < alias.length; c++) {
            double own = threshold[c] / 4294967296.0;
            if (c == i) {
                p += own;
            }
            if (alias[c] == i) {
                p += 1 - own;
            }
        }
        return p / alias.length;
    }

    private static long toThreshold(double p) {
        return Math.min(1L << 32, Math.max(0, Math.round(p * 4294967296.0)));
    }
}
