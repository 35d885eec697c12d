package dev.kiln.text.vectorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.CsrMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashingVectorizerTest {

    @Test
    void murmurHashMatchesScikitLearn() {
        // Reference: sklearn.utils.murmurhash3_32(s, 0) in scikit-learn 1.2.1 (mmh3's README also gives 'foo' -> -156908512).
        assertThat(Murmur3.hash32("foo", 0)).isEqualTo(-156908512);
        assertThat(Murmur3.hash32("cat", 0)).isEqualTo(1751422759);
        assertThat(Murmur3.hash32("héllo wörld", 0)).isEqualTo(-1745358220);
        assertThat(Murmur3.hash32("", 0)).isZero();
        assertThat(Murmur3.hash32("abcd", 0)).isEqualTo(1139631978);
        assertThat(Murmur3.hash32("abcde", 0)).isEqualTo(-392455434);
        assertThat(Murmur3.hash32("\uD83D\uDE00", 0)).isEqualTo(-1095487750);
    }

    @Test
    void rowsMatchScikitLearn() {
        // Reference: HashingVectorizer(n_features=16, token_pattern=r"(?u)\b\w+\b").transform(docs).toarray()
        // in scikit-learn 1.2.1: "the" twice and "cat", "sat", "on", "mat" once land in three columns, some cancelling.
        CsrMatrix x = HashingVectorizer.defaults().withNFeatures(16).transform(List.of("the cat sat on the mat", "the the the cat"));
        double[][] dense = x.toDense().toArray();
        double[] first = new double[16];
        first[4] = 0.408248290464;
        first[11] = -0.408248290464;
        first[14] = -0.816496580928;
        double[] second = new double[16];
        second[7] = 0.316227766017;
        second[14] = -0.948683298051;
        for (int j = 0; j < 16; j++) {
            assertThat(dense[0][j]).isCloseTo(first[j], within(1e-11));
            assertThat(dense[1][j]).isCloseTo(second[j], within(1e-11));
        }
    }

    @Test
    void theMostNegativeHashHasScikitLearnsColumn() {
        HashingVectorizer h = HashingVectorizer.defaults().withNFeatures(10);
        assertThat(h.column(Integer.MIN_VALUE)).isEqualTo((Integer.MAX_VALUE - 9) % 10);
        assertThat(h.column(-17)).isEqualTo(7);
    }
}
