package dev.kiln.text.vectors;

import dev.kiln.core.parallel.Parallelism;
import java.util.Arrays;

/**
 * The word-word co-occurrence counts X of GloVe, as the reference {@code cooccur.c} counts them:
 * out-of-vocabulary words are dropped first, then each pair of words k ≤ window positions apart
 * within a sentence adds 1/k to X(a, b) and to X(b, a). Counting is split by row: shard s of
 * {@code shards} (one thread each) keeps the pairs whose row is s modulo {@code shards}, so no
 * two threads touch one table and the result does not depend on how they are scheduled. Entries
 * are ordered by shard, then row, then column.
 */
final class Cooccurrence {
    final int[] rows;
    final int[] columns;
    final float[] values;

    private Cooccurrence(int[] rows, int[] columns, float[] values) {
        this.rows = rows;
        this.columns = columns;
        this.values = values;
    }

    int size() {
        return rows.length;
    }

    /**
     * @param tokens         vocabulary indices, −1 for words outside the vocabulary
     * @param sentenceStarts where each sentence starts in {@code tokens}, and its length last
     */
    static Cooccurrence count(int[] tokens, int[] sentenceStarts, int window, int shards) {
        PairCounts[] tables = new PairCounts[shards];
        Parallelism.forEachPart(shards, shard -> tables[shard] = countShard(tokens, sentenceStarts, window, shard, shards));
        int total = 0;
        for (PairCounts t : tables) {
            total = Math.addExact(total, t.size());
        }
        int[] rows = new int[total];
        int[] columns = new int[total];
        float[] values = new float[total];
        int offset = 0;
        for (int s = 0; s < shards; s++) {
            int n = tables[s].size();
            tables[s].drainSorted(rows, columns, values, offset);
            tables[s] = null;
            offset += n;
        }
        return new Cooccurrence(rows, columns, values);
    }

    private static PairCounts countShard(int[] tokens, int[] sentenceStarts, int window, int shard, int shards) {
        PairCounts counts = new PairCounts(Math.min(1 << 24, tokens.length / shards + 16));
        int[] sentence = new int[256];
        for (int s = 0; s + 1 < sentenceStarts.length; s++) {
            int length = 0;
            for (int t = sentenceStarts[s]; t < sentenceStarts[s + 1]; t++) {
                if (tokens[t] >= 0) {
                    if (length == sentence.length) {
                        sentence = Arrays.copyOf(sentence, 2 * length);
                    }
                    sentence[length++] = tokens[t];
                }
            }
            for (int j = 1; j < length; j++) {
                int b = sentence[j];
                for (int k = Math.max(0, j - window); k < j; k++) {
                    int a = sentence[k];
                    double weight = 1.0 / (j - k);
                    if (a % shards == shard) {
                        counts.add(a, b, weight);
                    }
                    if (b % shards == shard) {
                        counts.add(b, a, weight);
                    }
                }
            }
        }
        return counts;
    }
}
