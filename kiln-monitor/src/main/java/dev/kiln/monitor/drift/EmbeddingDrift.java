package dev.kiln.monitor.drift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drift of one group of vector columns (an embedding), judged by the domain classifier (whose
 * verdict counts, as Evidently's default embedding method {@code model()}) with the MMD
 * permutation test beside it.
 *
 * @param dimensions the vector length
 * @param classifier the domain classifier's result
 * @param mmd        the kernel two-sample test's result
 */
public record EmbeddingDrift(int dimensions, DomainClassifierDrift.Result classifier, MaximumMeanDiscrepancy.Result mmd) {

    /** Runs both methods with their defaults and the given seed. */
    public static EmbeddingDrift compare(double[][] reference, double[][] current, long seed) {
        return new EmbeddingDrift(reference[0].length,
                new DomainClassifierDrift(DomainClassifierDrift.Settings.defaults(seed)).test(reference, current),
                new MaximumMeanDiscrepancy(MaximumMeanDiscrepancy.Settings.defaults(seed)).test(reference, current));
    }

    /** The domain classifier's verdict. */
    public boolean drift() {
        return classifier.drift();
    }

    /** The JSON form. */
    public Map<String, Object> toMap() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("roc_auc", classifier.rocAuc());
        c.put("threshold", classifier.threshold());
        c.put("drift", classifier.drift());
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("statistic", mmd.mmd2());
        k.put("p_value", mmd.pValue());
        k.put("bandwidth", mmd.bandwidth());
        k.put("drift", mmd.drift());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("drift", drift());
        out.put("dimensions", dimensions);
        out.put("domain_classifier", c);
        out.put("mmd", k);
        return out;
    }
}
