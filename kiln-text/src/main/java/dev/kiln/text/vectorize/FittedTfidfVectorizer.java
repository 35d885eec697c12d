package dev.kiln.text.vectorize;

import dev.kiln.core.linalg.CsrMatrix;
import java.util.List;

/** A {@link TfidfVectorizer} with its vocabulary and idf weights. */
public final class FittedTfidfVectorizer {
    private final TfidfVectorizer.Params params;
    private final FittedCountVectorizer counts;
    private final double[] idf;

    FittedTfidfVectorizer(TfidfVectorizer.Params params, FittedCountVectorizer counts, double[] idf) {
        this.params = params;
        this.counts = counts;
        this.idf = idf;
    }

    /** Re-creates a fitted vectorizer from its parts, as a model file stores them. */
    public static FittedTfidfVectorizer of(TfidfVectorizer.Params params, List<String> terms, int[] documentFrequency, int documents,
                                           double[] idf) {
        if (terms.size() != documentFrequency.length || terms.size() != idf.length) {
            throw new IllegalArgumentException(terms.size() + " terms need as many document frequencies and idf weights, got "
                    + documentFrequency.length + " and " + idf.length);
        }
        Vocabulary vocabulary = new Vocabulary(terms);
        for (int j = 0; j < terms.size(); j++) {
            if (!vocabulary.term(j).equals(terms.get(j))) {
                throw new IllegalArgumentException("the terms must be in code-point order; '" + terms.get(j) + "' at " + j + " is not");
            }
        }
        return new FittedTfidfVectorizer(params, new FittedCountVectorizer(params.counting(), vocabulary, documentFrequency.clone(),
                documents), idf.clone());
    }

    public TfidfVectorizer.Params params() {
        return params;
    }

    public Vocabulary vocabulary() {
        return counts.vocabulary();
    }

    public int[] documentFrequency() {
        return counts.documentFrequency();
    }

    public int documents() {
        return counts.documents();
    }

    /** The idf weight of each vocabulary term (all 1 without idf). */
    public double[] idf() {
        return idf.clone();
    }

    /** The documents' TF-IDF rows; terms outside the vocabulary are ignored. */
    public CsrMatrix transform(List<String> documents) {
        return weigh(counts.transform(documents));
    }

    CsrMatrix weigh(CsrMatrix counted) {
        int n = counted.rows();
        int[] start = new int[n + 1];
        int[] columns = new int[counted.nonZeros()];
        double[] values = new double[counted.nonZeros()];
        for (int i = 0; i < n; i++) {
            int from = counted.rowStart(i);
            int to = counted.rowEnd(i);
            start[i + 1] = to;
            double norm = 0;
            for (int at = from; at < to; at++) {
                int j = counted.column(at);
                double tf = counted.value(at);
                double w = (params.sublinearTf() ? Math.log(tf) + 1 : tf) * idf[j];
                columns[at] = j;
                values[at] = w;
                norm += params.norm() == TfidfVectorizer.Norm.L1 ? Math.abs(w) : w * w;
            }
            if (params.norm() != TfidfVectorizer.Norm.NONE && norm > 0) {
                double scale = params.norm() == TfidfVectorizer.Norm.L1 ? 1 / norm : 1 / Math.sqrt(norm);
                for (int at = from; at < to; at++) {
                    values[at] *= scale;
                }
            }
        }
        return new CsrMatrix(n, counted.cols(), start, columns, values);
    }
}
