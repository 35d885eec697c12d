package dev.kiln.learn.tree;

/**
 * The permutation that sorts an array of doubles, by least-significant-digit radix sort of their
 * bit patterns made order-preserving (sign bit flipped for positives, all bits for negatives):
 * eight passes of one byte, skipping bytes every value shares, stable, O(n) per pass.
 */
final class RadixOrder {
    private RadixOrder() {
    }

    /** The indices of {@code values} (no NaN) in increasing order of value; equal values keep their index order. */
    static int[] of(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i] + 0.0);
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] keyBuffer = new long[n];
        int[] orderBuffer = new int[n];
        int[] counts = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (keys[i] >>> shift & 0xFF) + 1]++;
            }
            if (n == 0 || counts[(int) (keys[0] >>> shift & 0xFF) + 1] == n) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                counts[d + 1] += counts[d];
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (keys[i] >>> shift & 0xFF);
                int to = counts[d]++;
                keyBuffer[to] = keys[i];
                orderBuffer[to] = order[i];
            }
            long[] k = keys;
            keys = keyBuffer;
            keyBuffer = k;
            int[] o = order;
            order = orderBuffer;
            orderBuffer = o;
        }
        return order;
    }
}
