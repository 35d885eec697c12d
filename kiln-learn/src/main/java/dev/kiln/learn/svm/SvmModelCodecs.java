package dev.kiln.learn.svm;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/**
 * How support vector machines are saved: hyperparameters and the resolved γ in the manifest;
 * support vectors, their indices and libsvm's coefficients, offsets and sigmoids as tensors.
 */
public final class SvmModelCodecs {
    private SvmModelCodecs() {
    }

    /** The codecs of this package's models. */
    public static List<ModelCodec<?>> all() {
        return List.of(new ClassifierCodec(), new RegressorCodec());
    }

    static final class ClassifierCodec implements ModelCodec<SvcModel> {
        @Override
        public String typeId() {
            return "svm-classifier";
        }

        @Override
        public Class<SvcModel> type() {
            return SvcModel.class;
        }

        @Override
        public void write(SvcModel m, ModelWriter out) {
            int k = m.classes().size();
            int[] support = m.supportIndices();
            out.hyperparameters(m.params());
            out.put("classes", m.classes());
            out.put("gamma", m.gamma());
            out.tensor("support_vectors", m.supportVectors());
            out.tensor("support", support, support.length);
            out.tensor("n_support", m.supportCounts(), k);
            out.tensor("sv_coef", m.coefficients(), k - 1, support.length);
            out.tensor("rho", m.offsets());
            if (m.params().probability()) {
                out.tensor("prob_a", m.probA());
                out.tensor("prob_b", m.probB());
            }
        }

        @Override
        public SvcModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            Svc.Params params = in.hyperparameters(Svc.Params.class);
            List<String> classes = in.getStringList("classes");
            int k = classes.size();
            long n = in.shape("support")[0];
            long pairs = (long) k * (k - 1) / 2;
            double[] probA = params.probability() ? in.doubles("prob_a", pairs) : new double[0];
            double[] probB = params.probability() ? in.doubles("prob_b", pairs) : new double[0];
            return new SvcModel(params, schema, classes, in.get("gamma", Double.class),
                    in.doubles("support_vectors", n, schema.size()), in.ints("support", n), in.ints("n_support", k),
                    in.doubles("sv_coef", k - 1, n), in.doubles("rho", pairs), probA, probB);
        }
    }

    static final class RegressorCodec implements ModelCodec<SvrModel> {
        @Override
        public String typeId() {
            return "svm-regressor";
        }

        @Override
        public Class<SvrModel> type() {
            return SvrModel.class;
        }

        @Override
        public void write(SvrModel m, ModelWriter out) {
            int[] support = m.supportIndices();
            out.hyperparameters(m.params());
            out.put("gamma", m.gamma());
            out.put("intercept", m.intercept());
            out.tensor("support_vectors", m.supportVectors());
            out.tensor("support", support, support.length);
            out.tensor("dual_coef", m.dualCoefficients(), support.length);
        }

        @Override
        public SvrModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            long n = in.shape("support")[0];
            return new SvrModel(in.hyperparameters(Svr.Params.class), schema, in.get("gamma", Double.class),
                    in.doubles("support_vectors", n, schema.size()), in.ints("support", n), in.doubles("dual_coef", n),
                    -in.get("intercept", Double.class));
        }
    }
}
