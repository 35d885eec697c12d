package dev.kiln.text.vectorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.linalg.CsrMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountVectorizerTest {
    private static final List<String> DOCS = List.of("the cat sat on the mat", "the dog sat", "cats and dogs", "the the the cat");

    @Test
    void countsAndVocabularyLimitsAsScikitLearn() {
        // Reference: scikit-learn 1.2.1,
        //   c = CountVectorizer(token_pattern=r"(?u)\b\w+\b", min_df=2, max_features=2); c.fit_transform(docs)
        //   -> ['cat', 'the'] [[1, 2], [0, 1], [0, 0], [1, 3]]  (sat ties cat at 2 occurrences; cat sorts first)
        CountVectorizer.Counted c = new CountVectorizer(CountVectorizer.Params.defaults().withMinDf(2).withMaxFeatures(2))
                .fitTransform(DOCS);
        assertThat(c.vectorizer().vocabulary().terms()).containsExactly("cat", "the");
        assertThat(c.counts().toDense().toArray()).isDeepEqualTo(new double[][] {{1, 2}, {0, 1}, {0, 0}, {1, 3}});
        assertThat(c.vectorizer().documentFrequency()).containsExactly(2, 3);
    }

    @Test
    void maxDfBinaryBigramsStopWordsAndStems() {
        CountVectorizer.Params p = CountVectorizer.Params.defaults();
        // "the" is in 3 of 4 documents: more than half, so max_df = 0.5 drops it.
        assertThat(new CountVectorizer(p.withMaxDf(0.5)).fit(DOCS).vocabulary().indexOf("the")).isEqualTo(-1);
        CsrMatrix binary = new CountVectorizer(p.withBinary(true)).fitTransform(DOCS).counts();
        assertThat(binary.toDense().toArray()[3]).containsOnly(0.0, 1.0);
        // Stop words go before n-grams are formed, as in scikit-learn: "cats and dogs" gives the bigram "cat dog".
        TextAnalyzer bigrams = TextAnalyzer.words().withNgrams(1, 2).withStopWords(TextAnalyzer.StopWordList.ENGLISH)
                .withStemmer(TextAnalyzer.StemmerChoice.ENGLISH);
        Vocabulary v = new CountVectorizer(p.withAnalyzer(bigrams)).fit(DOCS).vocabulary();
        assertThat(v.terms()).containsExactly("cat", "cat dog", "cat sat", "dog", "dog sat", "mat", "sat", "sat mat");
    }

    @Test
    void characterNgramsWithinWords() {
        Vocabulary v = new CountVectorizer(CountVectorizer.Params.defaults().withAnalyzer(TextAnalyzer.charsWithinWords(3, 3)))
                .fit(List.of("Ab c"))
                .vocabulary();
        // scikit-learn's char_wb pads each word with spaces: " ab", "ab ", and " c " for the short word.
        assertThat(v.terms()).containsExactly(" ab", " c ", "ab ");
    }

    @Test
    void termsSortByCodePointAsPythonDoes() {
        // U+FF21 (fullwidth A) is one UTF-16 unit above the surrogates; 😀 (U+1F600) is a surrogate pair
        // that String.compareTo puts first, but Python's sorted() puts last.
        Vocabulary v = new Vocabulary(List.of("\uFF21", "\uD83D\uDE00", "a"));
        assertThat(v.terms()).containsExactly("a", "\uFF21", "\uD83D\uDE00");
    }

    @Test
    void badSettingsAreNamed() {
        CountVectorizer.Params p = CountVectorizer.Params.defaults();
        assertThatThrownBy(() -> p.withMinDf(0)).hasMessageContaining("min_df");
        assertThatThrownBy(() -> p.withMaxDf(1.5)).hasMessageContaining("max_df");
        assertThatThrownBy(() -> new CountVectorizer(p.withMinDf(5)).fit(DOCS)).hasMessageContaining("no term is left");
        assertThatThrownBy(() -> TextAnalyzer.charsWithinWords(2, 3).withStopWords(TextAnalyzer.StopWordList.ENGLISH))
                .hasMessageContaining("WORD analyzers");
    }
}
