package dev.kiln.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.random.Rng;
import dev.kiln.nn.data.ImageDataset;
import dev.kiln.nn.layer.Sequential;
import dev.kiln.nn.model.Architectures;
import dev.kiln.nn.model.ImageClassifier;
import dev.kiln.nn.optim.Adam;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTrainerTest {
    private static final List<String> CLASSES = List.of("top-left", "top-right", "bottom-left", "bottom-right");

    @TempDir
    Path dir;

    private static ClassifierTrainer.Result train(Sequential net, ImageDataset data, TrainingConfig config, double lr) {
        return new ClassifierTrainer(config, p -> new Adam(p, Adam.Params.adam(lr))).fit(net, data, CLASSES);
    }

    @Test
    void anMlpAndACnnLearnTheQuadrants() {
        ImageDataset train = SyntheticImages.quadrants(800, 1);
        ImageDataset test = SyntheticImages.quadrants(400, 2);
        var mlp = train(Architectures.mlp(1, 8, 8, new int[] {32}, 4, Rng.seeded(3)), train, TrainingConfig.of(3, 32, 5), 1e-2);
        assertThat(mlp.model().accuracy(test)).isGreaterThanOrEqualTo(0.97);
        var cnn = train(Architectures.cnn(1, 8, 8, new int[] {4, 8}, new int[] {16}, 4, Rng.seeded(3)), train,
                TrainingConfig.of(3, 32, 5), 1e-2);
        assertThat(cnn.model().accuracy(test)).isGreaterThanOrEqualTo(0.97);
        assertThat(cnn.history().epochs()).hasSize(3);
        assertThat(cnn.history().last().trainLoss()).isLessThan(cnn.history().epochs().get(0).trainLoss());
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        ImageDataset train = SyntheticImages.quadrants(300, 1);
        float[][] runs = new float[2][];
        for (int r = 0; r < 2; r++) {
            Sequential net = Architectures.cnn(1, 8, 8, new int[] {4}, new int[] {8}, 4, Rng.seeded(9));
            train(net, train, TrainingConfig.of(2, 16, 77).withValidation(0.2, 0), 1e-2);
            runs[r] = net.parameters().stream().map(t -> t.data()).reduce(new float[0], (a, b) -> {
                float[] c = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, c, a.length, b.length);
                return c;
            });
        }
        assertThat(runs[1]).containsExactly(runs[0]);
    }

    @Test
    void aNanLossStopsTrainingNamingTheEpochAndStep() {
        ImageDataset clean = SyntheticImages.quadrants(64, 1);
        float[] pixels = clean.pixels().clone();
        Arrays.fill(pixels, 0, 64, Float.NaN);
        ImageDataset poisoned = new ImageDataset(pixels, clean.labels(), 1, 8, 8, 4, "poisoned");
        // Batches of the whole set: the poisoned image is in the first step.
        assertThatThrownBy(() -> train(Architectures.mlp(1, 8, 8, new int[] {8}, 4, Rng.seeded(1)), poisoned,
                TrainingConfig.of(2, 64, 1), 1e-3))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("training diverged: the loss became NaN at epoch 1, step 1 (learning rate 0.001)");
    }

    @Test
    void earlyStoppingKeepsTheBestEpochAndCheckpointsIt() {
        // Random labels: nothing to learn, so the validation loss rises once the network memorises noise.
        ImageDataset quadrants = SyntheticImages.quadrants(200, 1);
        int[] noise = Rng.seeded(4).ints(200, 0, 4).toArray();
        ImageDataset random = new ImageDataset(quadrants.pixels(), noise, 1, 8, 8, 4, "noise");
        Path checkpoints = dir.resolve("checkpoints");
        var result = train(Architectures.mlp(1, 8, 8, new int[] {128}, 4, Rng.seeded(1)), random,
                TrainingConfig.of(40, 16, 3).withValidation(0.25, 2).withCheckpoints(checkpoints), 1e-2);
        TrainingHistory h = result.history();
        assertThat(h.stoppedEarly()).isTrue();
        assertThat(h.epochs()).hasSize(h.bestEpoch() + 2);
        double best = h.epochs().get(h.bestEpoch() - 1).validationLoss();
        assertThat(h.epochs().stream().mapToDouble(EpochResult::validationLoss).min().orElseThrow()).isEqualTo(best);
        ImageClassifier saved = ModelFile.load(checkpoints.resolve("best"), ImageClassifier.class);
        assertThat(saved.probabilities(quadrants)).containsExactly(result.model().probabilities(quadrants));
        assertThat(ModelFile.load(checkpoints.resolve("last"), ImageClassifier.class).probabilities(quadrants))
                .isNotEqualTo(result.model().probabilities(quadrants));
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new TrainingConfig(0, 8, 0, 0, 1, null)).hasMessage("epochs must be >= 1, got 0");
        assertThatThrownBy(() -> new TrainingConfig(1, 8, 0, 3, 1, null)).hasMessageContaining("early stopping (patience 3) needs validation rows");
        assertThatThrownBy(() -> new TrainingConfig(1, 8, 1.0, 0, 1, null)).hasMessageContaining("validation fraction must be in [0, 1)");
    }
}
