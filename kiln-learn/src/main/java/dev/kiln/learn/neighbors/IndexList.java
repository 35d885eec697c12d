package dev.kiln.learn.neighbors;

import java.util.Arrays;

/** A growable list of ints, for collecting radius-query answers without boxing. Not thread-safe. */
final class IndexList {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** Sorts the values from {@code from} to the end. */
    void sortFrom(int from) {
        Arrays.sort(values, from, size);
    }

    void appendTo(IndexList other) {
        for (int i = 0; i < size; i++) {
            other.add(values[i]);
        }
    }

    void copyTo(int[] out, int at) {
        System.arraycopy(values, 0, out, at, size);
    }
}
