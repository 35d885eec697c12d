package dev.kiln.serve.experiment;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelCodecProvider;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import dev.kiln.core.modelfile.Provenance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A test-only model type with a bug: it predicts {@code 2 size + 1} like the fixture's price model,
 * but throws (a 500, as a real model's defect would) for a size above {@code limit}. Registered
 * through META-INF/services in the test resources, saved and served like any model.
 */
public final class CrashingRegression implements Model<RegressionPrediction> {
    private final Schema schema;
    private final Params params;

    /** Where it breaks. */
    public record Params(double limit) {
    }

    CrashingRegression(Schema schema, Params params) {
        this.schema = schema;
        this.params = params;
    }

    /** Saves one that breaks above {@code limit} to {@code dir}, ready to register. */
    public static Path save(Path dir, double limit) {
        Schema schema = Frame.of(DoubleColumn.of("size", 0, 4)).schema();
        ModelFile.save(new CrashingRegression(schema, new Params(limit)), dir,
                new ModelInfo("regression", "price", Map.of(), Provenance.unknown()));
        return dir;
    }

    @Override
    public RegressionPrediction predict(Frame features) {
        var size = features.column("size");
        double[] out = new double[size.size()];
        for (int i = 0; i < out.length; i++) {
            double x = size.getDouble(i);
            if (x > params.limit()) {
                throw new IllegalStateException("index out of bounds in the size table: " + x + " > " + params.limit());
            }
            out[i] = 2 * x + 1;
        }
        return new RegressionPrediction(out);
    }

    @Override
    public Schema inputSchema() {
        return schema;
    }

    /** Its codec, found by {@link dev.kiln.core.modelfile.ModelTypes} in the tests. */
    public static final class Codecs implements ModelCodecProvider {
        @Override
        public List<ModelCodec<?>> codecs() {
            return List.of(new Codec());
        }
    }

    static final class Codec implements ModelCodec<CrashingRegression> {
        @Override
        public String typeId() {
            return "test.crashing-regression";
        }

        @Override
        public Class<CrashingRegression> type() {
            return CrashingRegression.class;
        }

        @Override
        public void write(CrashingRegression m, ModelWriter out) {
            out.hyperparameters(m.params);
        }

        @Override
        public CrashingRegression read(ModelReader in) {
            return new CrashingRegression(in.inputSchema(), in.hyperparameters(Params.class));
        }
    }
}
