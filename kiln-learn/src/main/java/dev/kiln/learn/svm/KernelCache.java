package dev.kiln.learn.svm;

import java.util.Arrays;

/**
 * libsvm's kernel cache (Chang and Lin, "LIBSVM: A Library for Support Vector Machines", ACM
 * TIST 2011, §5.1): columns of the kernel matrix, as floats, kept within a memory budget and
 * evicted least recently used first. A column may be held in part, its first entries only,
 * because a shrunk problem needs only the entries of the active variables.
 */
final class KernelCache {

    /** Computes entries {@code [from, to)} of column {@code index} into {@code column}. */
    interface Filler {
        void fill(int index, float[] column, int from, int to);
    }

    private final int size;
    private final float[][] data;
    private final int[] length;
    private final int[] prev;
    private final int[] next;
    private long free;

    /** A cache for {@code size} columns in {@code megabytes} MB, but never less than two full columns. */
    KernelCache(int size, double megabytes) {
        this.size = size;
        this.data = new float[size][];
        this.length = new int[size];
        this.prev = new int[size + 1];
        this.next = new int[size + 1];
        prev[size] = size;
        next[size] = size;
        this.free = Math.max((long) (megabytes * (1 << 20)) / Float.BYTES, 2L * size);
    }

    /** Column {@code index} with at least its first {@code len} entries computed. */
    float[] column(int index, int len, Filler filler) {
        int have = length[index];
        if (have > 0) {
            unlink(index);
        }
        if (len > have) {
            int more = len - have;
            while (free < more) {
                int old = next[size];
                unlink(old);
                drop(old);
            }
            data[index] = data[index] == null ? new float[len] : Arrays.copyOf(data[index], len);
            length[index] = len;
            free -= more;
            filler.fill(index, data[index], have, len);
        }
        append(index);
        return data[index];
    }

    /**
     * Follows the solver's swap of variables i and j: their columns trade places, and so do
     * entries i and j of every cached column; a column holding i but not j is dropped.
     */
    void swap(int i, int j) {
        if (i == j) {
            return;
        }
        if (length[i] > 0) {
            unlink(i);
        }
        if (length[j] > 0) {
            unlink(j);
        }
        float[] d = data[i];
        data[i] = data[j];
        data[j] = d;
        int n = length[i];
        length[i] = length[j];
        length[j] = n;
        if (length[i] > 0) {
            append(i);
        }
        if (length[j] > 0) {
            append(j);
        }
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        for (int h = next[size]; h != size; ) {
            int following = next[h];
            if (length[h] > lo) {
                if (length[h] > hi) {
                    float t = data[h][lo];
                    data[h][lo] = data[h][hi];
                    data[h][hi] = t;
                } else {
                    unlink(h);
                    drop(h);
                }
            }
            h = following;
        }
    }

    private void drop(int h) {
        free += length[h];
        data[h] = null;
        length[h] = 0;
    }

    private void unlink(int h) {
        next[prev[h]] = next[h];
        prev[next[h]] = prev[h];
    }

    private void append(int h) {
        next[h] = size;
        prev[h] = prev[size];
        next[prev[size]] = h;
        prev[size] = h;
    }
}
