package dev.kiln.monitor.profile;

/** Deep copies of the sketches, so profiles never share a mutable accumulator. */
final class Copies {
    private Copies() {
    }

    static QuantileSketch of(QuantileSketch s) {
        return QuantileSketch.restore(s.k(), s.count(), s.min(), s.max(), s.levels());
    }

    static DistinctCountSketch of(DistinctCountSketch s) {
        return DistinctCountSketch.restore(s.precision(), s.registers());
    }

    static FrequentItems of(FrequentItems s) {
        return FrequentItems.restore(s.capacity(), s.maxError(), s.counts());
    }
}
