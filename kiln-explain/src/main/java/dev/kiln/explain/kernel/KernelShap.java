package dev.kiln.explain.kernel;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.LeastSquares;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.model.Model;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explainer;
import dev.kiln.explain.Explanation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * KernelSHAP (Lundberg and Lee, "A Unified Approach to Interpreting Model Predictions", NeurIPS
 * 2017) for any classifier or regressor: Shapley values of the model's input columns, estimated
 * by a weighted linear regression over coalitions with the Shapley kernel, as shap's
 * {@code KernelExplainer} does it ({@link CoalitionPlan}), with local accuracy enforced exactly by
 * eliminating the last feature. A coalition's value is the background-weighted mean output with
 * the columns outside it replaced whole by the background row's, so categorical and text columns
 * work as well as numeric ones. Rows are explained in parallel; row i draws from stream i of the
 * seed, so results do not depend on the number of threads.
 */
public final class KernelShap implements Explainer {
    /** Most synthetic rows sent to the model in one call. */
    private static final int BATCH_ROWS = 1 << 15;

    /**
     * The settings.
     *
     * @param nSamples    coalitions evaluated per row, ≥ 2, or null for shap's default 2·M + 2048
     *                    (never more than the 2^M − 2 that exist, which then gives exact Shapley values)
     * @param seed        the seed of the sampled coalitions
     * @param outputClass the class whose probability is explained, or null: a binary classifier's
     *                    second class, a multi-class classifier's predicted class of each row
     */
    public record Params(Integer nSamples, long seed, String outputClass) {
        public Params {
            if (nSamples != null && nSamples < 2) {
                throw new IllegalArgumentException("nSamples must be at least 2 (or null for 2·M + 2048), got " + nSamples);
            }
        }

        public static Params defaults() {
            return new Params(null, 0, null);
        }

        public Params withNSamples(Integer n) {
            return new Params(n, seed, outputClass);
        }

        public Params withSeed(long s) {
            return new Params(nSamples, s, outputClass);
        }

        public Params withOutputClass(String c) {
            return new Params(nSamples, seed, c);
        }
    }

    private final Model<?> model;
    private final Params params;
    private final List<String> features;
    private final Frame background;
    private final double[] weights;
    private final double[] expected;
    private final ModelOutput backgroundOutput;

    public KernelShap(Model<?> model, Background background, Params params) {
        this.model = Objects.requireNonNull(model, "model");
        this.params = Objects.requireNonNull(params, "params");
        this.features = model.inputSchema().names();
        this.background = ModelInput.columns(model, background.rows(), "the background");
        double[] w = background.weights();
        double total = Arrays.stream(w).sum();
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        this.weights = w;
        this.backgroundOutput = ModelOutput.of(model, this.background);
        if (params.outputClass() != null) {
            backgroundOutput.explainedIndex(0, params.outputClass());
        }
        int width = backgroundOutput.values()[0].length;
        this.expected = new double[width];
        for (int b = 0; b < weights.length; b++) {
            for (int k = 0; k < width; k++) {
                expected[k] += weights[b] * backgroundOutput.get(b, k);
            }
        }
    }

    public Params params() {
        return params;
    }

    /** The background-weighted mean of each model output (class probabilities, or the value): the base values. */
    public double[] expectedOutputs() {
        return expected.clone();
    }

    @Override
    public List<Explanation> explain(Frame rows) {
        Frame x = ModelInput.columns(model, rows, "the rows to explain");
        return ParallelRows.map("KernelSHAP", x.rowCount(), params.seed(), (i, rng) -> explainRow(x.slice(i, i + 1), rng));
    }

    private Explanation explainRow(Frame row, Rng rng) {
        ModelOutput own = ModelOutput.of(model, row);
        int k = own.explainedIndex(0, params.outputClass());
        double fx = own.get(0, k);
        double fnull = expected[k];
        Frame pool = StackedRows.of(row, background);
        int[] varying = varyingFeatures(pool);
        int m = varying.length;
        double[] phi = new double[features.size()];
        if (m == 1) {
            phi[varying[0]] = fx - fnull;
        } else if (m > 1) {
            int nSamples = params.nSamples() != null ? params.nSamples() : CoalitionPlan.defaultSamples(m);
            CoalitionPlan plan = CoalitionPlan.of(m, nSamples, rng);
            double[] values = coalitionValues(pool, varying, plan.masks(), k);
            double[] solved = solve(plan, values, fx - fnull, fnull);
            for (int j = 0; j < m; j++) {
                phi[varying[j]] = solved[j];
            }
        }
        return new Explanation("kernel", own.kind(), own.outputName(k), fnull, fx, features, phi);
    }

    /** Features whose value in the row (pool row 0) differs from some background row's; the others get zero. */
    private int[] varyingFeatures(Frame pool) {
        List<Integer> varying = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            Column c = pool.column(j);
            String own = c.text(0);
            for (int b = 1; b < pool.rowCount(); b++) {
                if (!Objects.equals(own, c.text(b))) {
                    varying.add(j);
                    break;
                }
            }
        }
        return varying.stream().mapToInt(Integer::intValue).toArray();
    }

    /** v(S) for each coalition: the background-weighted mean output with S from the row, the rest from the background. */
    private double[] coalitionValues(Frame pool, int[] varying, List<boolean[]> masks, int output) {
        int nb = background.rowCount();
        int perBatch = Math.max(1, BATCH_ROWS / nb);
        double[] values = new double[masks.size()];
        for (int from = 0; from < masks.size(); from += perBatch) {
            int to = Math.min(masks.size(), from + perBatch);
            int n = (to - from) * nb;
            List<Column> columns = new ArrayList<>(features.size());
            int v = 0;
            for (int j = 0; j < features.size(); j++) {
                boolean isVarying = v < varying.length && varying[v] == j;
                int[] take = new int[n];
                for (int s = from; s < to; s++) {
                    boolean fromRow = isVarying && masks.get(s)[v];
                    int base = (s - from) * nb;
                    for (int b = 0; b < nb; b++) {
                        take[base + b] = fromRow ? 0 : 1 + b;
                    }
                }
                columns.add(pool.column(j).take(take));
                if (isVarying) {
                    v++;
                }
            }
            ModelOutput out = ModelOutput.of(model, Frame.of(columns));
            for (int s = from; s < to; s++) {
                double sum = 0;
                int base = (s - from) * nb;
                for (int b = 0; b < nb; b++) {
                    sum += weights[b] * out.get(base + b, output);
                }
                values[s] = sum;
            }
        }
        return values;
    }

    /**
     * The weighted least-squares fit of {@code values − fnull} on the coalition masks, subject to
     * Σφ = fx − fnull: the last feature's φ is eliminated as shap does, and the reduced problem is
     * solved by QR on the √weight-scaled rows.
     */
    private static double[] solve(CoalitionPlan plan, double[] values, double gap, double fnull) {
        List<boolean[]> masks = plan.masks();
        double[] w = plan.weights();
        int n = masks.size();
        int m = masks.get(0).length;
        Matrix a = Matrix.zeros(n, m - 1);
        double[] b = new double[n];
        for (int s = 0; s < n; s++) {
            boolean[] mask = masks.get(s);
            double root = Math.sqrt(w[s]);
            double last = mask[m - 1] ? 1 : 0;
            for (int j = 0; j < m - 1; j++) {
                a.set(s, j, root * ((mask[j] ? 1 : 0) - last));
            }
            b[s] = root * (values[s] - fnull - last * gap);
        }
        Vector x = LeastSquares.solve(a, Vector.wrap(b));
        double[] phi = new double[m];
        double sum = 0;
        for (int j = 0; j < m - 1; j++) {
            phi[j] = x.get(j);
            sum += phi[j];
        }
        phi[m - 1] = gap - sum;
        return phi;
    }
}
