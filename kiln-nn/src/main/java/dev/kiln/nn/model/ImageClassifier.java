package dev.kiln.nn.model;

import dev.kiln.nn.data.ImageDataset;
import dev.kiln.nn.layer.Module;
import dev.kiln.nn.layer.Sequential;
import dev.kiln.nn.tensor.Softmax;
import dev.kiln.nn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A trained network that classifies images of one size: the network as layer descriptions and
 * weights (what a model file stores), the image size it expects and its class names. Prediction
 * runs without recording gradients, in batches, and may be called from many threads.
 */
public final class ImageClassifier {
    private static final int PREDICT_BATCH = 256;

    private final List<LayerSpec> layers;
    private final Sequential network;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;

    private ImageClassifier(List<LayerSpec> layers, Sequential network, int channels, int height, int width, List<String> classNames) {
        this.layers = List.copyOf(layers);
        this.network = network;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * A classifier around {@code network} (its layers must be of the storable kinds of
     * {@link LayerSpec}); a dry run on one blank image checks that it maps c×h×w images to one
     * score per class.
     */
    public static ImageClassifier of(Sequential network, int channels, int height, int width, List<String> classNames) {
        List<LayerSpec> specs = new ArrayList<>();
        for (Module layer : network.layers()) {
            specs.add(LayerSpec.of(layer));
        }
        ImageClassifier c = new ImageClassifier(specs, network, channels, height, width, classNames);
        int[] out;
        try (var scope = Tensor.noGrad()) {
            network.train(false);
            out = network.forward(Tensor.zeros(1, channels, height, width)).shape();
        }
        if (out.length != 2 || out[1] != classNames.size()) {
            throw new IllegalArgumentException("the network maps " + channels + "x" + height + "x" + width + " images to shape "
                    + Arrays.toString(out) + ", expected [1, " + classNames.size() + "] (one score per class)");
        }
        return c;
    }

    /** Class probabilities, [images.size(), classes] row-major. */
    public float[] probabilities(ImageDataset images) {
        checkSize(images);
        int n = images.size();
        int k = classNames.size();
        float[] out = new float[n * k];
        try (var scope = Tensor.noGrad()) {
            for (int from = 0; from < n; from += PREDICT_BATCH) {
                int[] rows = IntStream.range(from, Math.min(n, from + PREDICT_BATCH)).toArray();
                Tensor p = network.forward(images.images(rows)).softmax();
                System.arraycopy(p.data(), 0, out, from * k, p.size());
            }
        }
        return out;
    }

    /** The most probable class of each image. */
    public int[] predict(ImageDataset images) {
        return Softmax.argmaxRows(probabilities(images), classNames.size());
    }

    /** The share of images whose predicted class is their label. */
    public double accuracy(ImageDataset images) {
        int[] predicted = predict(images);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == images.labels()[i] ? 1 : 0;
        }
        return predicted.length == 0 ? Double.NaN : (double) right / predicted.length;
    }

    private void checkSize(ImageDataset images) {
        if (images.channels() != channels || images.height() != height || images.width() != width) {
            throw new IllegalArgumentException("this model takes " + channels + "x" + height + "x" + width + " images (channels x height x width), "
                    + images.source() + " holds " + images.channels() + "x" + images.height() + "x" + images.width());
        }
    }

    public List<LayerSpec> layers() {
        return layers;
    }

    List<Module> modules() {
        return network.layers();
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The number of trainable values. */
    public long parameterCount() {
        return network.parameters().stream().mapToLong(Tensor::size).sum();
    }
}
