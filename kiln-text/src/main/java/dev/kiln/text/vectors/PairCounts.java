package dev.kiln.text.vectors;

import java.util.Arrays;

/** Sums of weights per (row, column) pair of word indices: an open-addressing hash table with linear probing. */
final class PairCounts {
    private static final long EMPTY = -1L;
    private static final double MAX_LOAD = 0.7;

    private long[] keys;
    private double[] values;
    private int size;
    private int mask;

    PairCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected / MAX_LOAD)) * 2 - 1);
        allocate(capacity);
    }

    int size() {
        return size;
    }

    void add(int row, int column, double weight) {
        long key = key(row, column);
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                values[slot] += weight;
                return;
            }
            if (k == EMPTY) {
                keys[slot] = key;
                values[slot] = weight;
                if (++size > MAX_LOAD * keys.length) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The sum for (row, column), 0 where nothing was added. */
    double get(int row, int column) {
        long key = key(row, column);
        for (int slot = slot(key); keys[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
        }
        return 0;
    }

    /** Writes the pairs, ordered by row then column, into the arrays from {@code offset}. */
    void drainSorted(int[] rows, int[] columns, float[] sums, int offset) {
        long[] sortedKeys = new long[size];
        int n = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                sortedKeys[n++] = keys[slot];
            }
        }
        Arrays.sort(sortedKeys);
        for (int i = 0; i < size; i++) {
            long key = sortedKeys[i];
            rows[offset + i] = (int) (key >>> 32);
            columns[offset + i] = (int) key;
            sums[offset + i] = (float) get((int) (key >>> 32), (int) key);
        }
        keys = null;
        values = null;
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | (column & 0xFFFF_FFFFL);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 33) & mask;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new double[capacity];
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != EMPTY) {
                int slot = slot(key);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = oldValues[i];
            }
        }
    }
}
