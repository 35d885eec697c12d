package dev.kiln.text.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.text.vectorize.FittedTfidfVectorizer;
import dev.kiln.text.vectorize.TfidfVectorizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TF-IDF embeddings are the vectorizer's rows written out densely. Worked by hand: over
 * ["the cat", "the dog"], idf(the) = ln(3/3) + 1 = 1 and idf(cat) = idf(dog) = ln(3/2) + 1 =
 * 1.4054651081; "the cat" is (cat 1.4054651081, dog 0, the 1) / √(1.4054651081² + 1) =
 * (0.8148024746, 0, 0.5797386716).
 */
class TfidfEmbedderTest {

    @Test
    void rowsAreTheVectorizersRowsWrittenOutDensely() {
        FittedTfidfVectorizer v = new TfidfVectorizer().fit(List.of("the cat", "the dog"));
        TfidfEmbedder e = new TfidfEmbedder(v);
        assertThat(e.dimension()).isEqualTo(3);
        assertThat(v.vocabulary().terms()).containsExactly("cat", "dog", "the");
        float[][] rows = e.embed(List.of("the cat", "a bird"));
        assertThat(rows[0][0]).isCloseTo(0.8148024746f, within(1e-6f));
        assertThat(rows[0][1]).isZero();
        assertThat(rows[0][2]).isCloseTo(0.5797386716f, within(1e-6f));
        assertThat(rows[1]).containsOnly(0f);
        assertThat(e.embed("dog")).containsExactly(0f, 1f, 0f);
    }
}
