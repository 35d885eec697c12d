package dev.kiln.learn.preprocess.encode;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.Arrays;
import java.util.List;

/** How fitted encoders are saved: hyperparameters and each encoded column's categories. */
public final class EncodeCodecs {
    private EncodeCodecs() {
    }

    /** The codecs of this package's fitted transformers. */
    public static List<ModelCodec<?>> all() {
        return List.of(new OneHotCodec(), new OrdinalCodec());
    }

    static List<Categories> categories(ModelReader in) {
        return Arrays.asList(in.get("categories", Categories[].class));
    }

    static final class OneHotCodec implements ModelCodec<FittedOneHotEncoder> {
        @Override
        public String typeId() {
            return "one-hot-encoder";
        }

        @Override
        public Class<FittedOneHotEncoder> type() {
            return FittedOneHotEncoder.class;
        }

        @Override
        public void write(FittedOneHotEncoder m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("categories", m.categories());
        }

        @Override
        public FittedOneHotEncoder read(ModelReader in) {
            return new FittedOneHotEncoder(in.hyperparameters(OneHotEncoder.Params.class), in.inputSchema(), categories(in));
        }
    }

    static final class OrdinalCodec implements ModelCodec<FittedOrdinalEncoder> {
        @Override
        public String typeId() {
            return "ordinal-encoder";
        }

        @Override
        public Class<FittedOrdinalEncoder> type() {
            return FittedOrdinalEncoder.class;
        }

        @Override
        public void write(FittedOrdinalEncoder m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("categories", m.categories());
        }

        @Override
        public FittedOrdinalEncoder read(ModelReader in) {
            return new FittedOrdinalEncoder(in.hyperparameters(OrdinalEncoder.Params.class), in.inputSchema(), categories(in));
        }
    }
}
