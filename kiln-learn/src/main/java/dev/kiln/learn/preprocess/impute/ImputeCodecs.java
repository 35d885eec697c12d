package dev.kiln.learn.preprocess.impute;

import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.Arrays;
import java.util.List;

/** How fitted imputers and indicators are saved; an imputer's indicator is a nested component. */
public final class ImputeCodecs {
    private static final String INDICATOR = "indicator";

    private ImputeCodecs() {
    }

    /** The codecs of this package's fitted transformers. */
    public static List<ModelCodec<?>> all() {
        return List.of(new IndicatorCodec(), new SimpleCodec(), new KnnCodec());
    }

    private static FittedMissingIndicator indicator(ModelReader in, boolean wanted) {
        return wanted ? in.child(INDICATOR, FittedMissingIndicator.class) : null;
    }

    static final class IndicatorCodec implements ModelCodec<FittedMissingIndicator> {
        @Override
        public String typeId() {
            return "missing-indicator";
        }

        @Override
        public Class<FittedMissingIndicator> type() {
            return FittedMissingIndicator.class;
        }

        @Override
        public void write(FittedMissingIndicator m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("considered", m.considered());
            out.put("indicated", m.indicated());
        }

        @Override
        public FittedMissingIndicator read(ModelReader in) {
            return new FittedMissingIndicator(in.hyperparameters(MissingIndicator.Params.class), in.inputSchema(),
                    in.getStringList("considered"), in.getStringList("indicated"));
        }
    }

    static final class SimpleCodec implements ModelCodec<FittedSimpleImputer> {
        @Override
        public String typeId() {
            return "simple-imputer";
        }

        @Override
        public Class<FittedSimpleImputer> type() {
            return FittedSimpleImputer.class;
        }

        @Override
        public void write(FittedSimpleImputer m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("columns", m.columns());
            out.put("statistics", m.statistics().toArray(new String[0]));
            m.indicator().ifPresent(i -> out.child(INDICATOR, i));
        }

        @Override
        public FittedSimpleImputer read(ModelReader in) {
            SimpleImputer.Params params = in.hyperparameters(SimpleImputer.Params.class);
            return new FittedSimpleImputer(params, in.inputSchema(), in.getStringList("columns"),
                    Arrays.asList(in.get("statistics", String[].class)), indicator(in, params.addIndicator()));
        }
    }

    static final class KnnCodec implements ModelCodec<FittedKnnImputer> {
        @Override
        public String typeId() {
            return "knn-imputer";
        }

        @Override
        public Class<FittedKnnImputer> type() {
            return FittedKnnImputer.class;
        }

        @Override
        public void write(FittedKnnImputer m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("columns", m.columns());
            out.put("train_rows", m.trainRows());
            out.tensor("training_data", m.trainingData(), m.trainRows(), m.columns().size());
            m.indicator().ifPresent(i -> out.child(INDICATOR, i));
        }

        @Override
        public FittedKnnImputer read(ModelReader in) {
            KnnImputer.Params params = in.hyperparameters(KnnImputer.Params.class);
            List<String> columns = in.getStringList("columns");
            int rows = in.get("train_rows", Integer.class);
            return new FittedKnnImputer(params, in.inputSchema(), columns, rows,
                    in.doubles("training_data", rows, columns.size()), indicator(in, params.addIndicator()));
        }
    }
}
