package dev.kiln.learn.preprocess.compose;

import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How a fitted column transformer is saved: its entries' names, columns and outputs, each fitted transformer nested. */
public final class ComposeCodecs {
    private ComposeCodecs() {
    }

    /** The codecs of this package's fitted transformers. */
    public static List<ModelCodec<?>> all() {
        return List.of(new ColumnTransformerCodec());
    }

    /** The structure of one entry, as written in the manifest. */
    record PartLayout(String name, List<String> columns, List<String> outputs) {
    }

    static final class ColumnTransformerCodec implements ModelCodec<FittedColumnTransformer> {
        @Override
        public String typeId() {
            return "column-transformer";
        }

        @Override
        public Class<FittedColumnTransformer> type() {
            return FittedColumnTransformer.class;
        }

        @Override
        public void write(FittedColumnTransformer m, ModelWriter out) {
            out.hyperparameters(m.params());
            List<PartLayout> layout = new ArrayList<>();
            for (int i = 0; i < m.parts().size(); i++) {
                FittedColumnTransformer.Part p = m.parts().get(i);
                layout.add(new PartLayout(p.name(), p.columns(), p.outputs()));
                out.child("part_" + i, p.transformer());
            }
            out.put("parts", layout);
            out.put("remainder", m.remainder());
        }

        @Override
        public FittedColumnTransformer read(ModelReader in) {
            List<PartLayout> layout = Arrays.asList(in.get("parts", PartLayout[].class));
            List<FittedColumnTransformer.Part> parts = new ArrayList<>();
            for (int i = 0; i < layout.size(); i++) {
                PartLayout l = layout.get(i);
                parts.add(new FittedColumnTransformer.Part(l.name(), l.columns(), l.outputs(),
                        in.child("part_" + i, FittedTransformer.class)));
            }
            return new FittedColumnTransformer(in.hyperparameters(ColumnTransformer.Params.class), in.inputSchema(), parts,
                    in.getStringList("remainder"));
        }
    }
}
