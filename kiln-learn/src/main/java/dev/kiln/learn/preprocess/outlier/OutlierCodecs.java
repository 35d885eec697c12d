package dev.kiln.learn.preprocess.outlier;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/** How fitted fences are saved: hyperparameters, the fenced columns, and the statistics the fences come from. */
public final class OutlierCodecs {
    private OutlierCodecs() {
    }

    /** The codecs of this package's fitted transformers. */
    public static List<ModelCodec<?>> all() {
        return List.of(new IqrCodec(), new ZScoreCodec());
    }

    static final class IqrCodec implements ModelCodec<FittedIqrOutliers> {
        @Override
        public String typeId() {
            return "iqr-outliers";
        }

        @Override
        public Class<FittedIqrOutliers> type() {
            return FittedIqrOutliers.class;
        }

        @Override
        public void write(FittedIqrOutliers m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("columns", m.columns());
            out.tensor("q1", m.q1());
            out.tensor("q3", m.q3());
        }

        @Override
        public FittedIqrOutliers read(ModelReader in) {
            List<String> columns = in.getStringList("columns");
            return new FittedIqrOutliers(in.hyperparameters(IqrOutliers.Params.class), in.inputSchema(), columns,
                    in.doubles("q1", columns.size()), in.doubles("q3", columns.size()));
        }
    }

    static final class ZScoreCodec implements ModelCodec<FittedZScoreOutliers> {
        @Override
        public String typeId() {
            return "z-score-outliers";
        }

        @Override
        public Class<FittedZScoreOutliers> type() {
            return FittedZScoreOutliers.class;
        }

        @Override
        public void write(FittedZScoreOutliers m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("columns", m.columns());
            out.tensor("mean", m.mean());
            out.tensor("std", m.std());
        }

        @Override
        public FittedZScoreOutliers read(ModelReader in) {
            List<String> columns = in.getStringList("columns");
            return new FittedZScoreOutliers(in.hyperparameters(ZScoreOutliers.Params.class), in.inputSchema(), columns,
                    in.doubles("mean", columns.size()), in.doubles("std", columns.size()));
        }
    }
}
