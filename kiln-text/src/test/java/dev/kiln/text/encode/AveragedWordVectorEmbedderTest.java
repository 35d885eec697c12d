package dev.kiln.text.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.text.vectorize.TextAnalyzer;
import dev.kiln.text.vectors.Corpus;
import dev.kiln.text.vectors.VectorFormat;
import dev.kiln.text.vectors.Vocabulary;
import dev.kiln.text.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Averaged word vectors, worked by hand over cat = (1, 2, 2), dog = (3, 0, 4) and owl = (0, 0, 6):
 * "cat dog" is the mean (2, 1, 3), of length √14, so (2, 1, 3)/√14 = (0.5345224838, 0.2672612419,
 * 0.8017837257) at unit length.
 */
class AveragedWordVectorEmbedderTest {
    private static final WordVectors VECTORS = WordVectors.of(List.of("cat", "dog", "owl"),
            new float[] {1, 2, 2, 3, 0, 4, 0, 0, 6}, 3);
    private static final AveragedWordVectorEmbedder EMBEDDER = new AveragedWordVectorEmbedder(VECTORS);
    private static final float[] CAT_DOG_UNIT = {0.5345224838f, 0.2672612419f, 0.8017837257f};

    @Test
    void theMeanOfTheWordsVectorsAtUnitLength() {
        assertThat(EMBEDDER.dimension()).isEqualTo(3);
        assertThat(EMBEDDER.embed("cat dog")).containsExactly(CAT_DOG_UNIT, within(1e-7f));
        assertThat(EMBEDDER.embed("cat")).containsExactly(new float[] {1 / 3f, 2 / 3f, 2 / 3f}, within(1e-7f));
        assertThat(EMBEDDER.withNormalize(false).embed("cat dog")).containsExactly(2f, 1f, 3f);
    }

    @Test
    void repeatedWordsCountEachTime() {
        // (2·cat + dog) / 3 = (5, 4, 8) / 3
        assertThat(EMBEDDER.withNormalize(false).embed("cat dog cat"))
                .containsExactly(new float[] {5 / 3f, 4 / 3f, 8 / 3f}, within(1e-6f));
    }

    @Test
    void unknownWordsAndPunctuationAreLeftOut() {
        assertThat(EMBEDDER.embed("the cat, a bird and the dog!")).containsExactly(CAT_DOG_UNIT, within(1e-7f));
        assertThat(EMBEDDER.coverage("the cat, a bird and the dog!")).isEqualTo(new AveragedWordVectorEmbedder.Coverage(7, 2));
    }

    @Test
    void wordsAreLowerCasedAsCorporaAreUnlessTheAnalyzerKeepsCase() {
        assertThat(EMBEDDER.embed("CAT Dog")).containsExactly(CAT_DOG_UNIT, within(1e-7f));
        WordVectors cased = WordVectors.of(List.of("apple", "Apple"), new float[] {1, 0, 0, 0, 2, 0}, 3);
        AveragedWordVectorEmbedder lower = new AveragedWordVectorEmbedder(cased);
        AveragedWordVectorEmbedder asWritten = lower.withAnalyzer(TextAnalyzer.words().withLowercase(false));
        assertThat(lower.embed("Apple")).containsExactly(1f, 0f, 0f);
        assertThat(asWritten.embed("Apple")).containsExactly(0f, 1f, 0f);
        assertThat(asWritten.embed("APPLE")).containsOnly(0f);
        assertThat(asWritten.coverage("Apple apple APPLE")).isEqualTo(new AveragedWordVectorEmbedder.Coverage(3, 2));
    }

    @Test
    void aTextWithoutKnownWordsIsTheZeroVector() {
        for (String text : List.of("", "   ", "a bird!", "?!")) {
            assertThat(EMBEDDER.embed(text)).as(text).containsExactly(0f, 0f, 0f);
            assertThat(EMBEDDER.withNormalize(false).embed(text)).as(text).containsExactly(0f, 0f, 0f);
            assertThat(EMBEDDER.coverage(text).found()).as(text).isZero();
        }
        assertThat(EMBEDDER.coverage("a bird!")).isEqualTo(new AveragedWordVectorEmbedder.Coverage(2, 0));
    }

    @Test
    void aBatchKeepsTheTextsOrder() {
        float[][] rows = EMBEDDER.embed(List.of("dog", "nothing known", "cat dog", "owl", "cat"));
        assertThat(rows).hasDimensions(5, 3);
        assertThat(rows[0]).containsExactly(0.6f, 0f, 0.8f);
        assertThat(rows[1]).containsOnly(0f);
        assertThat(rows[2]).containsExactly(CAT_DOG_UNIT, within(1e-7f));
        assertThat(rows[3]).containsExactly(0f, 0f, 1f);
        assertThat(rows[4]).containsExactly(EMBEDDER.embed("cat"));
        assertThat(EMBEDDER.embed(List.of())).isEmpty();
    }

    @Test
    void sifWeightsFollowArorasFormula() {
        // p(cat) = 3/4 and p(dog) = 1/4; with a = 1/4, cat weighs 0.25/(0.25 + 0.75) = 0.25 and dog
        // 0.25/(0.25 + 0.25) = 0.5; owl is not counted, p = 0, weight 1. The sum is divided by the words found.
        Vocabulary counts = Corpus.ofSentences(List.of(List.of("cat", "cat", "cat", "dog"))).vocabulary(1);
        AveragedWordVectorEmbedder sif = EMBEDDER.withSifWeights(counts, 0.25).withNormalize(false);
        // (0.25·(1, 2, 2) + 0.5·(3, 0, 4)) / 2
        assertThat(sif.embed("cat dog")).containsExactly(new float[] {0.875f, 0.25f, 1.25f}, within(1e-7f));
        // (0.25·(1, 2, 2) + (0, 0, 6)) / 2
        assertThat(sif.embed("cat owl")).containsExactly(new float[] {0.125f, 0.25f, 3.25f}, within(1e-7f));
        // at unit length: (0.875, 0.25, 1.25) / √(0.875² + 0.25² + 1.25²) = (0.875, 0.25, 1.25) / 1.5461646096
        assertThat(sif.withNormalize(true).embed("cat dog"))
                .containsExactly(new float[] {0.5659165f, 0.1616904f, 0.8084521f}, within(1e-6f));
        assertThatThrownBy(() -> EMBEDDER.withSifWeights(counts, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a must be a finite number > 0, got 0.0");
    }

    /**
     * Against gensim 4.2.0 (numpy 1.24.2): the file below written to /tmp/ref.txt, then
     * <pre>
     * /usr/bin/python3 -c 'from gensim.models import KeyedVectors; kv = KeyedVectors.load_word2vec_format("/tmp/ref.txt",
     *     binary=False); w = ["the", "cat", "sat", "on", "the", "mat"]; print(kv.get_mean_vector(w, pre_normalize=False).tolist());
     *     print(kv.get_mean_vector(w, pre_normalize=False, post_normalize=True).tolist())'
     * </pre>
     * (one line), the words being Kiln's tokens of the text, lower-cased, the "!" dropped.
     * gensim's mean leaves out the missing "on" and sums in float32, hence the tolerance.
     */
    @Test
    void agreesWithGensimsMeanVector(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ref.txt");
        Files.writeString(file, """
                4 5
                the 0.125 -0.5 0.75 0.0625 1.5
                cat 0.9 0.1 -0.3 0.44 -0.2
                sat -0.35 0.8 0.05 -0.6 0.25
                mat 0.2 -0.15 0.6 0.33 -0.45
                """);
        AveragedWordVectorEmbedder e = new AveragedWordVectorEmbedder(WordVectors.read(file, VectorFormat.TEXT));
        String text = "The cat sat on the mat!";
        assertThat(e.withNormalize(false).embed(text)).containsExactly(new float[] {
                0.19999998807907104f, -0.05000000074505806f, 0.3700000047683716f, 0.05899999663233757f, 0.5199999809265137f},
                within(1e-6f));
        assertThat(e.embed(text)).containsExactly(new float[] {
                0.29706141352653503f, -0.07426535338163376f, 0.5495636463165283f, 0.08763311058282852f, 0.7723596692085266f},
                within(1e-6f));
        assertThat(e.coverage(text)).isEqualTo(new AveragedWordVectorEmbedder.Coverage(6, 5));
    }

    @Test
    void rejectsNullTextsByPositionAndAnalyzersThatAreNotWords() {
        assertThatThrownBy(() -> EMBEDDER.embed(Arrays.asList("cat", null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("averaged word vectors: text 2 is null; expected a string (it may be empty)");
        assertThatThrownBy(() -> EMBEDDER.embed((List<String>) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EMBEDDER.coverage(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EMBEDDER.withAnalyzer(TextAnalyzer.charsWithinWords(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit WORD");
        assertThatThrownBy(() -> EMBEDDER.withAnalyzer(TextAnalyzer.words().withNgrams(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n-grams 1..1");
    }
}
