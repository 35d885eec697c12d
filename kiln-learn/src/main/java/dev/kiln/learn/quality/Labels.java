package dev.kiln.learn.quality;

import java.util.Arrays;

/**
 * Arbitrary integer labels (−1 included: DBSCAN's noise counts as a cluster of its own, as in
 * scikit-learn) recoded as 0 … count − 1 in increasing order of label, as numpy's {@code unique}.
 */
record Labels(int[] codes, int count, int[] sizes) {

    static Labels of(String name, int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
        int[] codes = new int[labels.length];
        int[] sizes = new int[distinct.length];
        for (int i = 0; i < labels.length; i++) {
            codes[i] = Arrays.binarySearch(distinct, labels[i]);
            sizes[codes[i]]++;
        }
        return new Labels(codes, distinct.length, sizes);
    }

    /** Labels of {@code rows} data rows, with scikit-learn's rule for internal indices: 2 to rows − 1 clusters. */
    static Labels forData(String metric, int[] labels, int rows) {
        if (labels.length != rows) {
            throw new IllegalArgumentException(metric + ": " + labels.length + " labels for " + rows + " rows");
        }
        Labels l = of("labels", labels);
        if (l.count < 2 || l.count > rows - 1) {
            throw new IllegalArgumentException(metric + " needs between 2 and " + (rows - 1)
                    + " (the rows less one) distinct labels, got " + l.count);
        }
        return l;
    }
}
