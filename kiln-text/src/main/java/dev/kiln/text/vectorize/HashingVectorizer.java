package dev.kiln.text.vectorize;

import dev.kiln.core.linalg.CsrMatrix;
import dev.kiln.core.parallel.Parallelism;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Feature hashing (Weinberger et al. 2009), as scikit-learn's {@code HashingVectorizer}: each
 * term goes to column |h| mod nFeatures of its signed 32-bit MurmurHash3 h, with sign −1 when
 * h < 0 (alternateSign), so collisions cancel in expectation; rows are then normalised. Needs
 * no fitting and no vocabulary, so it streams and never meets an unknown word.
 *
 * @param analyzer      how documents become terms
 * @param nFeatures     the number of columns, ≥ 1 (default 2²⁰)
 * @param alternateSign sign terms by their hash (default true)
 * @param norm          row normalisation (default L2)
 * @param binary        1 for each present column rather than the summed (signed) counts (default false)
 */
public record HashingVectorizer(TextAnalyzer analyzer, int nFeatures, boolean alternateSign, TfidfVectorizer.Norm norm,
                                boolean binary) {

    public HashingVectorizer {
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(norm, "norm");
        if (nFeatures < 1) {
            throw new IllegalArgumentException("n_features must be >= 1, got " + nFeatures);
        }
    }

    public static HashingVectorizer defaults() {
        return new HashingVectorizer(TextAnalyzer.words(), 1 << 20, true, TfidfVectorizer.Norm.L2, false);
    }

    public HashingVectorizer withNFeatures(int v) {
        return new HashingVectorizer(analyzer, v, alternateSign, norm, binary);
    }

    public HashingVectorizer withAnalyzer(TextAnalyzer v) {
        return new HashingVectorizer(v, nFeatures, alternateSign, norm, binary);
    }

    public HashingVectorizer withAlternateSign(boolean v) {
        return new HashingVectorizer(analyzer, nFeatures, v, norm, binary);
    }

    public HashingVectorizer withNorm(TfidfVectorizer.Norm v) {
        return new HashingVectorizer(analyzer, nFeatures, alternateSign, v, binary);
    }

    public HashingVectorizer withBinary(boolean v) {
        return new HashingVectorizer(analyzer, nFeatures, alternateSign, norm, v);
    }

    /** The column scikit-learn gives a term of hash h (it defines |−2³¹| mod n as (2³¹ − 1 − (n − 1)) mod n). */
    int column(int h) {
        return h == Integer.MIN_VALUE ? (Integer.MAX_VALUE - (nFeatures - 1)) % nFeatures : Math.abs(h) % nFeatures;
    }

    /** The documents' hashed rows. */
    public CsrMatrix transform(List<String> documents) {
        int n = documents.size();
        int[][] columns = new int[n][];
        double[][] values = new double[n][];
        Parallelism.forEachRange(n, 64, (from, to) -> {
            TextAnalyzer.Terms terms = analyzer.terms();
            for (int i = from; i < to; i++) {
                String document = documents.get(i);
                if (document == null) {
                    throw new IllegalArgumentException("document " + i + " is missing (null); every document must be text");
                }
                List<String> t = terms.of(document);
                long[] packed = new long[t.size()];
                for (int k = 0; k < packed.length; k++) {
                    int h = Murmur3.hash32(t.get(k), 0);
                    packed[k] = (long) column(h) << 1 | (alternateSign && h < 0 ? 1 : 0);
                }
                Arrays.sort(packed);
                int[] c = new int[packed.length];
                double[] v = new double[packed.length];
                int size = 0;
                for (long p : packed) {
                    int column = (int) (p >>> 1);
                    double sign = (p & 1) == 1 ? -1 : 1;
                    if (size > 0 && c[size - 1] == column) {
                        v[size - 1] += sign;
                    } else {
                        c[size] = column;
                        v[size++] = sign;
                    }
                }
                int kept = 0;
                double norm = 0;
                for (int k = 0; k < size; k++) {
                    if (v[k] != 0) {
                        c[kept] = c[k];
                        v[kept] = binary ? 1 : v[k];
                        norm += this.norm == TfidfVectorizer.Norm.L1 ? Math.abs(v[kept]) : v[kept] * v[kept];
                        kept++;
                    }
                }
                if (this.norm != TfidfVectorizer.Norm.NONE && norm > 0) {
                    double scale = this.norm == TfidfVectorizer.Norm.L1 ? 1 / norm : 1 / Math.sqrt(norm);
                    for (int k = 0; k < kept; k++) {
                        v[k] *= scale;
                    }
                }
                columns[i] = Arrays.copyOf(c, kept);
                values[i] = Arrays.copyOf(v, kept);
            }
        });
        return Rows.toCsr(columns, values, nFeatures);
    }
}
