package dev.kiln.monitor.profile;

/**
 * Counts of values in consecutive bins: bin i holds values in [edges[i], edges[i+1]), the last
 * bin also its upper edge.
 *
 * @param edges  bins + 1 increasing edges
 * @param counts one count per bin
 */
public record Histogram(double[] edges, double[] counts) {

    public Histogram {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " bins");
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }

    /** Equal-width bins between the sketch's min and max, counts from its CDF (one bin when all values are equal). */
    static Histogram fromSketch(QuantileSketch sketch, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (sketch.count() == 0) {
            return new Histogram(new double[]{Double.NaN, Double.NaN}, new double[]{0});
        }
        double lo = sketch.min();
        double hi = sketch.max();
        if (lo == hi) {
            return new Histogram(new double[]{lo, hi}, new double[]{sketch.count()});
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? hi : lo + (hi - lo) * i / bins;
        }
        double[] counts = new double[bins];
        double below = 0;
        for (int i = 0; i < bins; i++) {
            double upTo = i == bins - 1 ? 1 : sketch.cdf(Math.nextDown(edges[i + 1]));
            counts[i] = Math.round((upTo - below) * sketch.count());
            below = upTo;
        }
        return new Histogram(edges, counts);
    }
}
