package dev.kiln.learn.decompose;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/** How fitted PCAs are saved: hyperparameters and counts in the manifest, the mean, axes and variances as tensors. */
public final class DecomposeCodecs {
    private DecomposeCodecs() {
    }

    /** The codecs of this package's fitted transformers. */
    public static List<ModelCodec<?>> all() {
        return List.of(new PcaCodec(), new IncrementalPcaCodec());
    }

    private static void writeAxes(PrincipalComponents axes, ModelWriter out) {
        int k = axes.nComponents();
        out.tensor("mean", axes.mean());
        out.tensor("components", axes.components());
        out.tensor("explained_variance", axes.explainedVariance(), k);
        out.tensor("explained_variance_ratio", axes.explainedVarianceRatio(), k);
        out.tensor("singular_values", axes.singularValues(), k);
        out.put("noise_variance", axes.noiseVariance());
    }

    static final class PcaCodec implements ModelCodec<FittedPca> {
        @Override
        public String typeId() {
            return "pca";
        }

        @Override
        public Class<FittedPca> type() {
            return FittedPca.class;
        }

        @Override
        public void write(FittedPca pca, ModelWriter out) {
            out.hyperparameters(pca.params());
            out.put("solver", pca.solver().name());
            out.put("n_samples", pca.nSamples());
            writeAxes(pca, out);
        }

        @Override
        public FittedPca read(ModelReader in) {
            Pca.Params params = in.hyperparameters(Pca.Params.class);
            Schema schema = in.inputSchema();
            int p = schema.size();
            int k = (int) in.shape("components")[0];
            return new FittedPca(params, Pca.SvdSolver.valueOf(in.getString("solver")), in.get("n_samples", Integer.class), schema,
                    in.doubles("mean", p), in.doubles("components", k, p), in.doubles("explained_variance", k),
                    in.doubles("explained_variance_ratio", k), in.doubles("singular_values", k),
                    in.get("noise_variance", Double.class));
        }
    }

    static final class IncrementalPcaCodec implements ModelCodec<FittedIncrementalPca> {
        @Override
        public String typeId() {
            return "incremental-pca";
        }

        @Override
        public Class<FittedIncrementalPca> type() {
            return FittedIncrementalPca.class;
        }

        @Override
        public void write(FittedIncrementalPca pca, ModelWriter out) {
            out.hyperparameters(pca.params());
            out.put("batch_size", pca.batchSize());
            out.put("n_samples_seen", pca.nSamplesSeen());
            out.tensor("variance", pca.variance());
            writeAxes(pca, out);
        }

        @Override
        public FittedIncrementalPca read(ModelReader in) {
            Schema schema = in.inputSchema();
            int p = schema.size();
            int k = (int) in.shape("components")[0];
            IncrementalState s = new IncrementalState(in.hyperparameters(IncrementalPca.Params.class), schema,
                    in.get("batch_size", Integer.class), in.get("n_samples_seen", Long.class), in.doubles("mean", p),
                    in.doubles("variance", p), in.doubles("components", k, p), in.doubles("singular_values", k),
                    in.doubles("explained_variance", k), in.doubles("explained_variance_ratio", k),
                    in.get("noise_variance", Double.class));
            return new FittedIncrementalPca(s);
        }
    }
}
