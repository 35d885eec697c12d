package dev.kiln.learn.select;

import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/** How fitted selectors are saved: hyperparameters, the columns considered and kept, and their scores. */
public final class SelectCodecs {
    private SelectCodecs() {
    }

    /** The codecs of this package's fitted transformers. */
    public static List<ModelCodec<?>> all() {
        return List.of(new VarianceCodec(), new KBestCodec(), new RfeCodec());
    }

    static final class VarianceCodec implements ModelCodec<FittedVarianceThreshold> {
        @Override
        public String typeId() {
            return "variance-threshold";
        }

        @Override
        public Class<FittedVarianceThreshold> type() {
            return FittedVarianceThreshold.class;
        }

        @Override
        public void write(FittedVarianceThreshold m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("considered", m.considered());
            out.put("selected", m.selected());
            out.tensor("variances", m.variances());
        }

        @Override
        public FittedVarianceThreshold read(ModelReader in) {
            List<String> considered = in.getStringList("considered");
            return new FittedVarianceThreshold(in.hyperparameters(VarianceThreshold.Params.class), in.inputSchema(),
                    considered, in.doubles("variances", considered.size()), in.getStringList("selected"));
        }
    }

    static final class KBestCodec implements ModelCodec<FittedSelectKBest> {
        @Override
        public String typeId() {
            return "select-k-best";
        }

        @Override
        public Class<FittedSelectKBest> type() {
            return FittedSelectKBest.class;
        }

        @Override
        public void write(FittedSelectKBest m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("considered", m.considered());
            out.put("selected", m.selected());
            out.tensor("scores", m.scores());
            out.tensor("p_values", m.pValues());
        }

        @Override
        public FittedSelectKBest read(ModelReader in) {
            List<String> considered = in.getStringList("considered");
            int p = considered.size();
            return new FittedSelectKBest(in.hyperparameters(SelectKBest.Params.class), in.inputSchema(), considered,
                    new FeatureScores(in.doubles("scores", p), in.doubles("p_values", p)), in.getStringList("selected"));
        }
    }

    static final class RfeCodec implements ModelCodec<FittedRfe> {
        @Override
        public String typeId() {
            return "rfe";
        }

        @Override
        public Class<FittedRfe> type() {
            return FittedRfe.class;
        }

        @Override
        public void write(FittedRfe m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("selected", m.selected());
            out.tensor("ranking", m.ranking());
            out.child("model", m.model());
        }

        @Override
        public FittedRfe read(ModelReader in) {
            var schema = in.inputSchema();
            return new FittedRfe(in.hyperparameters(Rfe.Params.class), schema, in.ints("ranking", schema.size()),
                    in.getStringList("selected"), in.child("model", Model.class));
        }
    }
}
