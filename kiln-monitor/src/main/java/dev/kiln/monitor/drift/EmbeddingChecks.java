package dev.kiln.monitor.drift;

/** The checks both embedding drift methods make on their input. */
final class EmbeddingChecks {
    private EmbeddingChecks() {
    }

    /** Both sets non-empty, every row of one dimension, every value finite. */
    static void require(double[][] reference, double[][] current) {
        if (reference.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("embedding drift needs rows in both sets, got "
                    + reference.length + " and " + current.length);
        }
        int d = reference[0].length;
        check(reference, d, "reference");
        check(current, d, "current");
    }

    private static void check(double[][] rows, int d, String set) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(set + " row " + i + " has " + rows[i].length
                        + " values; expected " + d + " like the first reference row");
            }
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(rows[i][k])) {
                    throw new IllegalArgumentException(set + " row " + i + ", component " + k + " is " + rows[i][k]
                            + "; embeddings must be finite (drop rows with missing values first)");
                }
            }
        }
    }
}
