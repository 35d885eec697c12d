package dev.kiln.text.vectorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.CsrMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TF-IDF against scikit-learn 1.2.1 on a fixture whose tokens both tokenizers agree on. Reference:
 * <pre>
 * docs = ["the cat sat on the mat", "the dog sat", "cats and dogs", "the the the cat"]
 * v = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", **kw); X = v.fit_transform(docs)
 * print(v.get_feature_names_out(), v.idf_, X.toarray()[0], X.toarray()[3])
 * </pre>
 * for kw = {}, {smooth_idf: False}, {sublinear_tf: True}, {norm: "l1", use_idf: False}. By hand,
 * the smooth idf of "the" (in 3 of 4 documents) is ln(5/4) + 1 = 1.2231435513.
 */
class TfidfVectorizerTest {
    private static final List<String> DOCS = List.of("the cat sat on the mat", "the dog sat", "cats and dogs", "the the the cat");
    private static final List<String> TERMS = List.of("and", "cat", "cats", "dog", "dogs", "mat", "on", "sat", "the");

    private static double[] row(CsrMatrix x, int i) {
        double[] out = new double[x.cols()];
        for (int at = x.rowStart(i); at < x.rowEnd(i); at++) {
            out[x.column(at)] = x.value(at);
        }
        return out;
    }

    private static void assertRow(CsrMatrix x, int i, double... expected) {
        double[] actual = row(x, i);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("row %d, term %s", i, TERMS.get(j)).isCloseTo(expected[j], within(1e-11));
        }
    }

    @Test
    void smoothIdfAndL2NormAsScikitLearn() {
        TfidfVectorizer.Weighted w = new TfidfVectorizer().fitTransform(DOCS);
        assertThat(w.vectorizer().vocabulary().terms()).isEqualTo(TERMS);
        double[] idf = w.vectorizer().idf();
        assertThat(idf[8]).isCloseTo(Math.log(5.0 / 4) + 1, within(1e-12));
        assertThat(idf[1]).isCloseTo(1.510825623766, within(1e-11));
        assertThat(idf[0]).isCloseTo(1.916290731874, within(1e-11));
        assertRow(w.vectors(), 0, 0, 0.357159706265, 0, 0, 0, 0.45301179974, 0.45301179974, 0.357159706265, 0.578303127291);
        assertRow(w.vectors(), 3, 0, 0.380724722722, 0, 0, 0, 0, 0, 0, 0.924688426178);
        assertThat(w.vectorizer().transform(DOCS).toDense().toArray()).isDeepEqualTo(w.vectors().toDense().toArray());
    }

    @Test
    void theOtherWeightingsAsScikitLearn() {
        TfidfVectorizer.Params p = TfidfVectorizer.Params.defaults();
        CsrMatrix raw = new TfidfVectorizer(p.withSmoothIdf(false)).fitTransform(DOCS).vectors();
        assertRow(raw, 0, 0, 0.347391391301, 0, 0, 0, 0.48960783072, 0.48960783072, 0.347391391301, 0.52840021451);
        assertRow(raw, 3, 0, 0.401428573727, 0, 0, 0, 0, 0, 0, 0.915890331969);
        CsrMatrix sublinear = new TfidfVectorizer(p.withSublinearTf(true)).fitTransform(DOCS).vectors();
        assertRow(sublinear, 0, 0, 0.375386039582, 0, 0, 0, 0.476129592463, 0.476129592463, 0.375386039582, 0.514559874976);
        assertRow(sublinear, 3, 0, 0.507240117385, 0, 0, 0, 0, 0, 0, 0.861804770998);
        CsrMatrix l1 = new TfidfVectorizer(p.withNorm(TfidfVectorizer.Norm.L1).withUseIdf(false)).fitTransform(DOCS).vectors();
        assertRow(l1, 0, 0, 1.0 / 6, 0, 0, 0, 1.0 / 6, 1.0 / 6, 1.0 / 6, 2.0 / 6);
        assertRow(l1, 3, 0, 0.25, 0, 0, 0, 0, 0, 0, 0.75);
    }

    @Test
    void unknownWordsAreIgnoredAndAnEmptyRowStaysEmpty() {
        FittedTfidfVectorizer v = new TfidfVectorizer().fit(DOCS);
        CsrMatrix x = v.transform(List.of("zebra quagga", "", "the zebra"));
        assertThat(x.rowEnd(0) - x.rowStart(0)).isZero();
        assertThat(x.rowEnd(1) - x.rowStart(1)).isZero();
        assertThat(row(x, 2)[8]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void storedPartsRecreateTheVectorizer() {
        FittedTfidfVectorizer v = new TfidfVectorizer().fit(DOCS);
        FittedTfidfVectorizer copy = FittedTfidfVectorizer.of(v.params(), v.vocabulary().terms(), v.documentFrequency(), v.documents(), v.idf());
        assertThat(copy.transform(DOCS).toDense().toArray()).isDeepEqualTo(v.transform(DOCS).toDense().toArray());
        assertThatThrownBy(() -> FittedTfidfVectorizer.of(v.params(), List.of("b", "a"), new int[2], 4, new double[2]))
                .hasMessageContaining("code-point order");
    }

    @Test
    void emptyCorporaAndNullDocumentsAreNamed() {
        assertThatThrownBy(() -> new TfidfVectorizer().fit(List.of("", "  ", "!!")))
                .hasMessageContaining("hold no terms");
        assertThatThrownBy(() -> new TfidfVectorizer().fit(java.util.Arrays.asList("a b", null)))
                .hasMessageContaining("document 1 is missing");
        assertThatThrownBy(() -> new TfidfVectorizer().fit(List.of())).hasMessageContaining("at least one document");
    }
}
