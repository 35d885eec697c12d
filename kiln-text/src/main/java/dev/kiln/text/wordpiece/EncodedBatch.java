package dev.kiln.text.wordpiece;

import java.util.List;

/**
 * Token ids of several texts as a transformer reads them: a rows × length table, row-major,
 * each row padded to the longest with the pad id, and the attention mask, 1 over a row's tokens
 * and 0 over its padding. Immutable: the accessors return copies.
 */
public final class EncodedBatch {
    private final int rows;
    private final int length;
    private final long[] ids;
    private final long[] attentionMask;
    private final int[] tokens;

    private EncodedBatch(int rows, int length, long[] ids, long[] attentionMask, int[] tokens) {
        this.rows = rows;
        this.length = length;
        this.ids = ids;
        this.attentionMask = attentionMask;
        this.tokens = tokens;
    }

    /** The given id rows, padded with {@code padId} to the longest. */
    public static EncodedBatch pad(List<int[]> idRows, int padId) {
        int length = 0;
        for (int[] row : idRows) {
            length = Math.max(length, row.length);
        }
        int n = idRows.size();
        long[] ids = new long[n * length];
        long[] mask = new long[n * length];
        int[] tokens = new int[n];
        for (int r = 0; r < n; r++) {
            int[] row = idRows.get(r);
            tokens[r] = row.length;
            int base = r * length;
            for (int t = 0; t < length; t++) {
                boolean real = t < row.length;
                ids[base + t] = real ? row[t] : padId;
                mask[base + t] = real ? 1 : 0;
            }
        }
        return new EncodedBatch(n, length, ids, mask, tokens);
    }

    public int rows() {
        return rows;
    }

    /** The length of every row: the longest text's token count. */
    public int length() {
        return length;
    }

    /** The ids, rows × length, row-major. */
    public long[] ids() {
        return ids.clone();
    }

    /** 1 where a row has a token, 0 where it is padding; rows × length, row-major. */
    public long[] attentionMask() {
        return attentionMask.clone();
    }

    /** The token types of a batch of single texts: all 0, rows × length. */
    public long[] tokenTypeIds() {
        return new long[rows * length];
    }

    /** How many tokens row {@code r} holds before its padding. */
    public int tokens(int r) {
        return tokens[r];
    }
}
