package dev.kiln.text.classify;

import java.util.List;

/**
 * Token-id sequences padded to the longest among them.
 *
 * @param ids     [rows, steps] row-major, {@link TokenVocabulary#PADDING} past each length
 * @param lengths each row's length, in [1, steps]
 */
record TokenBatch(int[] ids, int rows, int steps, int[] lengths) {

    /** The sequences {@code rows} of {@code sequences} (each at least one id long). */
    static TokenBatch of(List<int[]> sequences, int[] rows) {
        int steps = 1;
        for (int r : rows) {
            steps = Math.max(steps, sequences.get(r).length);
        }
        int[] ids = new int[rows.length * steps];
        int[] lengths = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int[] s = sequences.get(rows[i]);
            System.arraycopy(s, 0, ids, i * steps, s.length);
            lengths[i] = s.length;
        }
        return new TokenBatch(ids, rows.length, steps, lengths);
    }
}
