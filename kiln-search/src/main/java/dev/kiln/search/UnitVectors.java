package dev.kiln.search;

/** Scaling vectors to unit L2 length, the form in which every Kiln index stores and compares them. */
public final class UnitVectors {
    private UnitVectors() {
    }

    /**
     * A copy of {@code v} at unit length.
     *
     * @param what names the vector in the error, e.g. "the query"
     * @throws IllegalArgumentException when a value is not finite or every value is zero
     */
    public static float[] unit(float[] v, String what) {
        double norm = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException(what + " holds " + x + "; every value must be finite");
            }
            norm += (double) x * x;
        }
        if (norm == 0) {
            throw new IllegalArgumentException(what + " is all zeros and has no direction");
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    /** The cosine of the angle between {@code a} and {@code b} (0 when either is all zeros), accumulated in double. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
