package dev.kiln.nn.model;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Module;
import dev.kiln.nn.layer.Sequential;
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
            out.put("layers", model.layers().toArray(new LayerSpec[0]));
            List<Module> modules = model.modules();
            for (int i = 0; i < modules.size(); i++) {
                List<Tensor> params = modules.get(i).parameters();
                for (int k = 0; k < params.size(); k++) {
                    out.tensor("layer" + i + "." + k, params.get(k).data().clone(), longShape(params.get(k)));
                }
                List<Tensor> buffers = LayerSpec.buffers(modules.get(i));
                for (int k = 0; k < buffers.size(); k++) {
                    out.tensor("layer" + i + ".buffer" + k, buffers.get(k).data().clone(), longShape(buffers.get(k)));
                }
            }
        }

        @Override
        public ImageClassifier read(ModelReader in) {
            Input input = in.get("input", Input.class);
            List<String> classes = in.getStringList("classes");
            List<LayerSpec> layers = List.of(in.get("layers", LayerSpec[].class));
            List<Module> modules = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                Module m = layers.get(i).build(Rng.seeded(0));
                List<Tensor> params = m.parameters();
                for (int k = 0; k < params.size(); k++) {
                    fill(params.get(k), in.floats("layer" + i + "." + k, longShape(params.get(k))));
                }
                List<Tensor> buffers = LayerSpec.buffers(m);
                for (int k = 0; k < buffers.size(); k++) {
                    fill(buffers.get(k), in.floats("layer" + i + ".buffer" + k, longShape(buffers.get(k))));
                }
                modules.add(m);
            }
            try {
                return ImageClassifier.of(new Sequential(modules), input.channels(), input.height(), input.width(), classes);
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }

        private static void fill(Tensor target, float[] values) {
            System.arraycopy(values, 0, target.data(), 0, values.length);
        }

        private static long[] longShape(Tensor t) {
            return Arrays.stream(t.shape()).asLongStream().toArray();
        }
    }
}
