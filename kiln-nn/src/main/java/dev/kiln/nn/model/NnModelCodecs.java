package dev.kiln.nn.model;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import dev.kiln.nn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The model codecs of kiln-nn, registered through META-INF/services. */
public final class NnModelCodecs implements ModelCodecProvider {

    @Override
    public List<ModelCodec<?>> codecs() {
        return List.of(new ImageClassifierCodec());
    }

    /** The layers as a JSON list in the manifest; parameter k of layer i as the float32 tensor "layer{i}.{k}". */
    static final class ImageClassifierCodec implements ModelCodec<ImageClassifier> {
        /** The image size a classifier takes. */
        record Input(int channels, int height, int width) {
        }

        @Override
        public String typeId() {
            return "image-classifier";
        }

        @Override
        public Class<ImageClassifier> type() {
            return ImageClassifier.class;
        }

        @Override
        public void write(ImageClassifier model, ModelWriter out) {
            out.put("input", new Input(model.channels(), model.height(), model.width()));
            out.put("classes", model.classNames());
            out.put("layers", model.layers());
            List<Tensor> params = model.parameters();
            int p = 0;
            for (int i = 0; i < model.layers().size(); i++) {
                int count = model.layers().get(i).build(dev.kiln.core.random.Rng.seeded(0)).parameters().size();
                for (int k = 0; k < count; k++, p++) {
                    Tensor t = params.get(p);
                    out.tensor("layer" + i + "." + k, t.data().clone(), Arrays.stream(t.shape()).asLongStream().toArray());
                }
            }
        }

        @Override
        public ImageClassifier read(ModelReader in) {
            Input input = in.get("input", Input.class);
            List<String> classes = in.getStringList("classes");
            List<LayerSpec> layers = List.of(in.get("layers", LayerSpec[].class));
            List<float[]> values = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                List<Tensor> expected = layers.get(i).build(dev.kiln.core.random.Rng.seeded(0)).parameters();
                for (int k = 0; k < expected.size(); k++) {
                    long[] shape = Arrays.stream(expected.get(k).shape()).asLongStream().toArray();
                    values.add(in.floats("layer" + i + "." + k, shape));
                }
            }
            try {
                return ImageClassifier.restore(layers, values, input.channels(), input.height(), input.width(), classes);
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
    }
}
