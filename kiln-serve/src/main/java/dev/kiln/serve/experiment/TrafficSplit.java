package dev.kiln.serve.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * The answering variants' shares of traffic as consecutive bucket ranges ({@link StickyAssignment}):
 * variant {@code order[k]} answers buckets [{@code upper[k-1]}, {@code upper[k]}). A canary
 * candidate is placed last, so ramping it up only moves units from the others to it and units it
 * already had stay with it.
 *
 * @param order  indexes into the spec's variants, in range order
 * @param upper  the exclusive upper bucket of each range; the last is {@link StickyAssignment#BUCKETS}
 * @param shares each variant's share of traffic by its index in the spec (0 for shadows)
 */
public record TrafficSplit(int[] order, int[] upper, double[] shares) {

    /**
     * The split of {@code spec}'s answering variants by their weights, with the canary candidate
     * (if any) at {@code candidatePercent} and the others sharing the rest by their weights.
     */
    public static TrafficSplit of(ExperimentSpec spec, double candidatePercent) {
        List<ExperimentSpec.Variant> variants = spec.variants();
        String candidate = spec.canary() == null ? null : spec.canary().variant();
        double[] shares = new double[variants.size()];
        double others = 0;
        for (ExperimentSpec.Variant v : spec.answering()) {
            if (!v.name().equals(candidate)) {
                others += v.weight();
            }
        }
        double candidateShare = candidate == null ? 0 : candidatePercent / 100;
        int[] order = new int[spec.answering().size()];
        int k = 0;
        for (int i = 0; i < variants.size(); i++) {
            ExperimentSpec.Variant v = variants.get(i);
            if (v.shadow() || v.name().equals(candidate)) {
                continue;
            }
            shares[i] = (1 - candidateShare) * v.weight() / others;
            order[k++] = i;
        }
        if (candidate != null) {
            int c = spec.indexOf(candidate);
            shares[c] = candidateShare;
            order[k] = c;
        }
        int[] upper = new int[order.length];
        double cumulative = 0;
        for (int j = 0; j < order.length; j++) {
            cumulative += shares[order[j]];
            upper[j] = j == order.length - 1 ? StickyAssignment.BUCKETS : (int) Math.round(cumulative * StickyAssignment.BUCKETS);
        }
        return new TrafficSplit(order, upper, shares);
    }

    /** The index (in the spec's variants) of the variant that answers {@code bucket}. */
    public int variantFor(int bucket) {
        for (int j = 0; j < order.length; j++) {
            if (bucket < upper[j]) {
                return order[j];
            }
        }
        throw new IllegalArgumentException("bucket " + bucket + " is outside [0, " + StickyAssignment.BUCKETS + ")");
    }

    public double share(int variant) {
        return shares[variant];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficSplit t && Arrays.equals(order, t.order) && Arrays.equals(upper, t.upper)
                && Arrays.equals(shares, t.shares);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(upper) + Arrays.hashCode(shares);
    }

    @Override
    public String toString() {
        return "TrafficSplit" + Arrays.toString(shares);
    }
}
