package dev.kiln.nn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelFileException;
import dev.kiln.core.random.Rng;
import dev.kiln.nn.data.ImageDataset;
import dev.kiln.nn.layer.Activation;
import dev.kiln.nn.layer.BatchNorm;
import dev.kiln.nn.layer.Conv2d;
import dev.kiln.nn.layer.Dropout;
import dev.kiln.nn.layer.Flatten;
import dev.kiln.nn.layer.Linear;
import dev.kiln.nn.layer.Pool2d;
import dev.kiln.nn.layer.Sequential;
import dev.kiln.nn.loss.CrossEntropyLoss;
import dev.kiln.nn.optim.Adam;
import dev.kiln.nn.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageClassifierFileTest {
    @TempDir
    Path dir;

    private static ImageDataset images(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        float[] px = new float[n * 2 * 6 * 6];
        int[] labels = new int[n];
        for (int i = 0; i < px.length; i++) {
            px[i] = rng.nextFloat();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        return new ImageDataset(px, labels, 2, 6, 6, 3, "random");
    }

    @Test
    void everyLayerKindSurvivesSaveAndLoadBitForBit() {
        Rng rng = Rng.seeded(5);
        Sequential net = new Sequential(new Conv2d(new Conv2d.Config(2, 4, 3, 1, 1), rng), new BatchNorm(4), Activation.GELU,
                Pool2d.max(2), new Conv2d(new Conv2d.Config(4, 4, 3, 2, 1), rng), Activation.TANH, Pool2d.average(2), Flatten.INSTANCE,
                new Dropout(0.3, rng), new Linear(4, 5, rng), Activation.LEAKY_RELU, new Linear(5, 3, false, rng));
        ImageDataset data = images(12, 1);
        // A few training steps, so that the batch norm's running statistics move away from 0 and 1.
        Adam opt = new Adam(net.parameters(), Adam.Params.adam(0.01));
        for (int step = 0; step < 3; step++) {
            opt.zeroGrad();
            new CrossEntropyLoss().apply(net.forward(data.images(new int[] {0, 1, 2, 3, 4, 5})), new int[] {0, 1, 2, 0, 1, 2}).backward();
            opt.step();
        }
        ImageClassifier model = ImageClassifier.of(net, 2, 6, 6, List.of("a", "b", "c"));
        Path file = dir.resolve("model.zip");
        ModelFile.save(model, file);
        ImageClassifier loaded = ModelFile.load(file, ImageClassifier.class);
        assertThat(loaded.layers()).isEqualTo(model.layers());
        assertThat(loaded.classNames()).containsExactly("a", "b", "c");
        assertThat(loaded.parameterCount()).isEqualTo(model.parameterCount());
        assertThat(loaded.probabilities(data)).containsExactly(model.probabilities(data));
        assertThat(((BatchNorm) loaded.modules().get(1)).runningVar().data())
                .containsExactly(((BatchNorm) net.layers().get(1)).runningVar().data());
    }

    @Test
    void wrongImageSizesAreNamed() {
        Sequential net = Architectures.mlp(1, 4, 4, new int[] {3}, 2, Rng.seeded(1));
        ImageClassifier model = ImageClassifier.of(net, 1, 4, 4, List.of("no", "yes"));
        assertThatThrownBy(() -> model.predict(images(2, 1)))
                .hasMessage("this model takes 1x4x4 images (channels x height x width), random holds 2x6x6");
        assertThatThrownBy(() -> ImageClassifier.of(net, 1, 4, 4, List.of("a", "b", "c")))
                .hasMessage("the network maps 1x4x4 images to shape [1, 2], expected [1, 3] (one score per class)");
    }

    @Test
    void aManifestThatDisagreesWithItsWeightsIsRefused() throws Exception {
        ImageClassifier model = ImageClassifier.of(Architectures.mlp(1, 4, 4, new int[] {3}, 2, Rng.seeded(1)), 1, 4, 4, List.of("no", "yes"));
        Path saved = dir.resolve("m");
        ModelFile.save(model, saved);
        Path manifest = saved.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"out\" : 3", "\"out\" : 4"));
        assertThatThrownBy(() -> ModelFile.load(saved, ImageClassifier.class)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("layer1.0");
        Files.writeString(manifest, Files.readString(manifest).replace("\"type\" : \"linear\"", "\"type\" : \"java.lang.Runtime\""));
        assertThatThrownBy(() -> ModelFile.load(saved, ImageClassifier.class)).isInstanceOf(ModelFileException.class);
        assertThat(Tensor.zeros(1).size()).isEqualTo(1);
    }
}
