package dev.kiln.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Embedding lookups, their scatter-add gradient against finite differences, padding, and errors. */
class EmbeddingTest {
    private static final float H = 1e-2f;

    @Test
    void looksUpRowsForIdsOfAnyShape() {
        Tensor table = Tensor.of(new float[] {0, 1, 10, 11, 20, 21}, 3, 2);
        Embedding embedding = new Embedding(table, Embedding.NO_PADDING);
        Tensor out = embedding.forward(Tensor.of(new float[] {2, 0, 1, 2}, 2, 2));
        assertThat(out.shape()).containsExactly(2, 2, 2);
        assertThat(out.data()).containsExactly(20, 21, 0, 1, 10, 11, 20, 21);
        assertThat(embedding.forward(new int[] {1, 1, 0}).shape()).containsExactly(3, 2);
        assertThat(embedding.forward(new int[] {1, 1, 0, 2, 2, 2}, 3, 2).shape()).containsExactly(3, 2, 2);
    }

    /** As GradientCheckTest: L = Σ lookup ⊙ R, each weight nudged by ±h; repeated ids make the scatter-add accumulate. */
    @Test
    void weightGradientMatchesFiniteDifferences() {
        Embedding embedding = new Embedding(5, 3, Rng.seeded(1));
        int[] ids = {4, 0, 4, 2, 4, 1};
        Tensor r = Tensor.randn(Rng.seeded(7), 2, 3, 3);
        Supplier<Tensor> loss = () -> embedding.forward(ids, 2, 3).mul(r).sum();
        loss.get().backward();
        float[] w = embedding.weight().data();
        float[] analytic = embedding.weight().gradientBuffer();
        for (int i = 0; i < w.length; i++) {
            float keep = w[i];
            double up;
            double down;
            try (var scope = Tensor.noGrad()) {
                w[i] = keep + H;
                up = loss.get().item();
                w[i] = keep - H;
                down = loss.get().item();
            }
            w[i] = keep;
            double numeric = (up - down) / (2 * H);
            assertThat(Math.abs(analytic[i] - numeric)).as("element %d", i).isLessThanOrEqualTo(1e-2 + 1e-2 * Math.abs(numeric));
        }
        assertThat(analytic[3 * 3]).as("row 3 is never looked up").isZero();
    }

    @Test
    void thePaddingRowStartsAtZeroAndGetsNoGradient() {
        Embedding embedding = new Embedding(new Embedding.Config(4, 2).withPaddingIndex(0), Rng.seeded(2));
        assertThat(embedding.forward(new int[] {0}).data()).containsExactly(0f, 0f);
        embedding.forward(new int[] {0, 3, 0, 3}).sum().backward();
        assertThat(embedding.weight().grad().data()).containsExactly(0, 0, 0, 0, 0, 0, 2, 2);
    }

    @Test
    void initialisesLikePyTorchFromAStandardNormal() {
        float[] w = new Embedding(1000, 20, Rng.seeded(3)).weight().data();
        double sum = 0;
        double squares = 0;
        for (float v : w) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / w.length;
        assertThat(mean).isCloseTo(0, within(0.03));
        assertThat(Math.sqrt(squares / w.length - mean * mean)).isCloseTo(1, within(0.03));
    }

    @Test
    void rejectsIdsOutsideTheVocabularyOrNotWhole() {
        Embedding embedding = new Embedding(10, 4, Rng.seeded(4));
        assertThatThrownBy(() -> embedding.forward(new int[] {3, 12}))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("id 12").hasMessageContaining("position 1").hasMessageContaining("vocabulary of size 10");
        assertThatThrownBy(() -> embedding.forward(Tensor.of(new float[] {-1}, 1)))
                .hasMessageContaining("id -1").hasMessageContaining("vocabulary of size 10");
        assertThatThrownBy(() -> embedding.forward(Tensor.of(new float[] {1, 2.5f}, 2)))
                .hasMessageContaining("whole numbers").hasMessageContaining("2.5");
        assertThatThrownBy(() -> embedding.forward(new int[] {1, 2, 3}, 2, 2)).hasMessageContaining("3 ids do not fill shape [2, 2]");
    }

    @Test
    void configsAreValidated() {
        assertThatThrownBy(() -> new Embedding.Config(0, 4)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> new Embedding.Config(5, 0)).hasMessageContaining("dimension");
        assertThatThrownBy(() -> new Embedding.Config(5, 4, 5)).hasMessageContaining("paddingIndex must be in [0, 5)");
        assertThat(new Embedding(new Embedding.Config(5, 4, 1), Rng.seeded(5)).config()).isEqualTo(new Embedding.Config(5, 4, 1));
    }
}
