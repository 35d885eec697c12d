package dev.kiln.learn.quality;

import java.util.Arrays;

/**
 * The contingency table of two labelings of the same rows, as its non-zero cells in row-major
 * order (rows: the first labeling's clusters, columns: the second's), with the margins.
 */
final class Contingency {
    final Labels first;
    final Labels second;
    final int[] cellRow;
    final int[] cellColumn;
    final long[] cellCount;
    final int n;

    Contingency(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labelsTrue and labelsPred differ in length: " + a.length + " vs "
                    + b.length);
        }
        this.first = Labels.of("labelsTrue", a);
        this.second = Labels.of("labelsPred", b);
        this.n = a.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) first.codes()[i] * second.count() + second.codes()[i];
        }
        Arrays.sort(keys);
        int cells = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                cells++;
            }
        }
        this.cellRow = new int[cells];
        this.cellColumn = new int[cells];
        this.cellCount = new long[cells];
        int c = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                c++;
                cellRow[c] = (int) (keys[i] / second.count());
                cellColumn[c] = (int) (keys[i] % second.count());
            }
            cellCount[c]++;
        }
    }
}
