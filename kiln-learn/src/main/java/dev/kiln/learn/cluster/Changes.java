package dev.kiln.learn.cluster;

/**
 * The rows an assignment step moved, with the clusters they left (−1 on the first step). Each
 * part of the rows records into its own region, so parts may record in parallel; reading goes
 * part by part, so rows come in increasing order.
 */
final class Changes {
    private final RowParts parts;
    private final int[] rows;
    private final int[] left;
    private final int[] counts;

    Changes(RowParts parts, int n) {
        this.parts = parts;
        this.rows = new int[n];
        this.left = new int[n];
        this.counts = new int[parts.count()];
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
    }

    /** Row {@code row}, in part {@code part}, left cluster {@code from}. */
    void record(int part, int row, int from) {
        int at = parts.from(part) + counts[part]++;
        rows[at] = row;
        left[at] = from;
    }

    int total() {
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }

    /** A moved row and the cluster it left. */
    interface Visitor {
        void moved(int row, int from);
    }

    /** Visits the moved rows in increasing order. */
    void forEach(Visitor visitor) {
        for (int part = 0; part < counts.length; part++) {
            int base = parts.from(part);
            for (int c = 0; c < counts[part]; c++) {
                visitor.moved(rows[base + c], left[base + c]);
            }
        }
    }
}
