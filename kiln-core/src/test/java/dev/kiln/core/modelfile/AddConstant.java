package dev.kiln.core.modelfile;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.model.Transformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A test preprocessing step: subtracts each column's training mean. Registered for tests only. */
final class AddConstant implements Transformer {

    @Override
    public FittedTransformer fit(Frame features, Column target) {
        double[] shift = new double[features.columnCount()];
        for (int j = 0; j < shift.length; j++) {
            Column c = features.column(j);
            double sum = 0;
            for (int i = 0; i < c.size(); i++) {
                sum += c.getDouble(i);
            }
            shift[j] = -sum / c.size();
        }
        return new Fitted(features.schema(), shift);
    }

    record Fitted(Schema inputSchema, double[] shift) implements FittedTransformer {
        @Override
        public Frame transform(Frame features) {
            List<Column> out = new ArrayList<>();
            for (int j = 0; j < shift.length; j++) {
                Column c = features.column(inputSchema.fields().get(j).name());
                DoubleColumn.Builder b = DoubleColumn.builder(c.name());
                for (int i = 0; i < c.size(); i++) {
                    b.add(c.getDouble(i) + shift[j]);
                }
                out.add(b.build());
            }
            return Frame.of(out);
        }
    }

    static final class Codec implements ModelCodec<Fitted> {
        @Override
        public String typeId() {
            return "test.add-constant";
        }

        @Override
        public Class<Fitted> type() {
            return Fitted.class;
        }

        @Override
        public void write(Fitted f, ModelWriter out) {
            out.hyperparameters(Map.of());
            out.tensor("shift", f.shift());
        }

        @Override
        public Fitted read(ModelReader in) {
            Schema schema = in.inputSchema();
            return new Fitted(schema, in.doubles("shift", schema.size()));
        }
    }
}
