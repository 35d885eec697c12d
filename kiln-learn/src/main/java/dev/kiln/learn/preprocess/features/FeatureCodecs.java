package dev.kiln.learn.preprocess.features;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/** How fitted polynomial features are saved: hyperparameters and the combined columns, from which the products follow. */
public final class FeatureCodecs {
    private FeatureCodecs() {
    }

    /** The codecs of this package's fitted transformers. */
    public static List<ModelCodec<?>> all() {
        return List.of(new PolynomialCodec());
    }

    static final class PolynomialCodec implements ModelCodec<FittedPolynomialFeatures> {
        @Override
        public String typeId() {
            return "polynomial-features";
        }

        @Override
        public Class<FittedPolynomialFeatures> type() {
            return FittedPolynomialFeatures.class;
        }

        @Override
        public void write(FittedPolynomialFeatures m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("columns", m.columns());
        }

        @Override
        public FittedPolynomialFeatures read(ModelReader in) {
            return new FittedPolynomialFeatures(in.hyperparameters(PolynomialFeatures.Params.class), in.inputSchema(),
                    in.getStringList("columns"));
        }
    }
}
