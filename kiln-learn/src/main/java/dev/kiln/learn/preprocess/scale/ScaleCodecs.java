package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/** How fitted scalers are saved: hyperparameters, the scaled columns, and their statistics as tensors. */
public final class ScaleCodecs {
    private ScaleCodecs() {
    }

    /** The codecs of this package's fitted transformers. */
    public static List<ModelCodec<?>> all() {
        return List.of(new StandardCodec(), new MinMaxCodec(), new RobustCodec(), new MaxAbsCodec());
    }

    static final class StandardCodec implements ModelCodec<FittedStandardScaler> {
        @Override
        public String typeId() {
            return "standard-scaler";
        }

        @Override
        public Class<FittedStandardScaler> type() {
            return FittedStandardScaler.class;
        }

        @Override
        public void write(FittedStandardScaler s, ModelWriter out) {
            out.hyperparameters(s.params());
            out.put("columns", s.columns());
            out.tensor("mean", s.mean());
            out.tensor("variance", s.variance());
            out.tensor("scale", s.scale());
        }

        @Override
        public FittedStandardScaler read(ModelReader in) {
            List<String> columns = in.getStringList("columns");
            int p = columns.size();
            return new FittedStandardScaler(in.hyperparameters(StandardScaler.Params.class), in.inputSchema(), columns,
                    in.doubles("mean", p), in.doubles("variance", p), in.doubles("scale", p));
        }
    }

    static final class MinMaxCodec implements ModelCodec<FittedMinMaxScaler> {
        @Override
        public String typeId() {
            return "min-max-scaler";
        }

        @Override
        public Class<FittedMinMaxScaler> type() {
            return FittedMinMaxScaler.class;
        }

        @Override
        public void write(FittedMinMaxScaler s, ModelWriter out) {
            out.hyperparameters(s.params());
            out.put("columns", s.columns());
            out.tensor("data_min", s.dataMin());
            out.tensor("data_max", s.dataMax());
        }

        @Override
        public FittedMinMaxScaler read(ModelReader in) {
            List<String> columns = in.getStringList("columns");
            int p = columns.size();
            return new FittedMinMaxScaler(in.hyperparameters(MinMaxScaler.Params.class), in.inputSchema(), columns,
                    in.doubles("data_min", p), in.doubles("data_max", p));
        }
    }

    static final class RobustCodec implements ModelCodec<FittedRobustScaler> {
        @Override
        public String typeId() {
            return "robust-scaler";
        }

        @Override
        public Class<FittedRobustScaler> type() {
            return FittedRobustScaler.class;
        }

        @Override
        public void write(FittedRobustScaler s, ModelWriter out) {
            out.hyperparameters(s.params());
            out.put("columns", s.columns());
            out.tensor("center", s.center());
            out.tensor("scale", s.scale());
        }

        @Override
        public FittedRobustScaler read(ModelReader in) {
            List<String> columns = in.getStringList("columns");
            int p = columns.size();
            return new FittedRobustScaler(in.hyperparameters(RobustScaler.Params.class), in.inputSchema(), columns,
                    in.doubles("center", p), in.doubles("scale", p));
        }
    }

    static final class MaxAbsCodec implements ModelCodec<FittedMaxAbsScaler> {
        @Override
        public String typeId() {
            return "max-abs-scaler";
        }

        @Override
        public Class<FittedMaxAbsScaler> type() {
            return FittedMaxAbsScaler.class;
        }

        @Override
        public void write(FittedMaxAbsScaler s, ModelWriter out) {
            out.hyperparameters(s.params());
            out.put("columns", s.columns());
            out.tensor("max_abs", s.maxAbs());
        }

        @Override
        public FittedMaxAbsScaler read(ModelReader in) {
            List<String> columns = in.getStringList("columns");
            return new FittedMaxAbsScaler(in.hyperparameters(MaxAbsScaler.Params.class), in.inputSchema(), columns,
                    in.doubles("max_abs", columns.size()));
        }
    }
}
