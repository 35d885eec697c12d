package dev.kiln.explain.lime;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.kernel.ModelInput;
import dev.kiln.explain.kernel.ParallelRows;
import dev.kiln.explain.kernel.WeightedChoice;
import dev.kiln.explain.kernel.ModelOutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * LIME for tables (Ribeiro, Singh and Guestrin, KDD 2016), as the {@code lime} package's
 * {@code LimeTabularExplainer} with its defaults: samples around a row are drawn from training
 * statistics (by default numeric features through their quartile bins, each sample recording
 * whether it falls in the row's bin; or, with {@code discretizeContinuous = false}, from a normal
 * with the training mean and deviation), categorical features by their training frequencies
 * (recorded as same-as-the-row 1 or 0); the samples are scaled, weighted by an exponential kernel
 * of their distance to the row, and a sparse ridge surrogate ({@link LimeSurrogate}) is fitted to
 * the model's output. Rows are explained in parallel, row i drawing from stream i of the seed.
 */
public final class LimeTabular implements LimeExplainer {

    /**
     * The settings; {@link #defaults()} are lime's.
     *
     * @param numSamples           samples per row, ≥ 2 (5000)
     * @param numFeatures          features in the surrogate, ≥ 1 (10)
     * @param kernelWidth          the kernel width, &gt; 0, or null for 0.75·√M
     * @param discretizeContinuous sample numeric features through quartile bins (true) or a normal (false)
     * @param featureSelection     how the surrogate's features are chosen (AUTO)
     * @param seed                 the seed of the samples (0)
     * @param outputClass          the class whose probability is explained, or null: a binary
     *                             classifier's second class, a multi-class classifier's predicted class
     */
    public record Params(int numSamples, int numFeatures, Double kernelWidth, boolean discretizeContinuous,
                         FeatureSelection featureSelection, long seed, String outputClass) {
        public Params {
            if (numSamples < 2) {
                throw new IllegalArgumentException("numSamples must be at least 2, got " + numSamples);
            }
            if (numFeatures < 1) {
                throw new IllegalArgumentException("numFeatures must be at least 1, got " + numFeatures);
            }
            if (kernelWidth != null && !(kernelWidth > 0 && Double.isFinite(kernelWidth))) {
                throw new IllegalArgumentException("kernelWidth must be a positive number (or null for 0.75·√M), got " + kernelWidth);
            }
            Objects.requireNonNull(featureSelection, "featureSelection");
        }

        public static Params defaults() {
            return new Params(5000, 10, null, true, FeatureSelection.AUTO, 0, null);
        }

        public Params withNumSamples(int n) {
            return new Params(n, numFeatures, kernelWidth, discretizeContinuous, featureSelection, seed, outputClass);
        }

        public Params withNumFeatures(int n) {
            return new Params(numSamples, n, kernelWidth, discretizeContinuous, featureSelection, seed, outputClass);
        }

        public Params withKernelWidth(Double w) {
            return new Params(numSamples, numFeatures, w, discretizeContinuous, featureSelection, seed, outputClass);
        }

        public Params withDiscretizeContinuous(boolean d) {
            return new Params(numSamples, numFeatures, kernelWidth, d, featureSelection, seed, outputClass);
        }

        public Params withFeatureSelection(FeatureSelection f) {
            return new Params(numSamples, numFeatures, kernelWidth, discretizeContinuous, f, seed, outputClass);
        }

        public Params withSeed(long s) {
            return new Params(numSamples, numFeatures, kernelWidth, discretizeContinuous, featureSelection, s, outputClass);
        }

        public Params withOutputClass(String c) {
            return new Params(numSamples, numFeatures, kernelWidth, discretizeContinuous, featureSelection, seed, c);
        }
    }

    private final Model<?> model;
    private final Params params;
    private final List<String> names;
    private final List<TabularFeature> features;
    private final double kernelWidth;

    /** Learns the sampling statistics of the model's input columns from {@code training}. */
    public LimeTabular(Model<?> model, Frame training, Params params) {
        this.model = Objects.requireNonNull(model, "model");
        this.params = Objects.requireNonNull(params, "params");
        this.names = model.inputSchema().names();
        Frame x = ModelInput.columns(model, training, "the training data");
        if (x.rowCount() == 0) {
            throw new IllegalArgumentException("the training data has no rows");
        }
        List<TabularFeature> f = new ArrayList<>();
        for (Column c : x.columns()) {
            f.add(TabularFeature.of(c, params.discretizeContinuous()));
        }
        this.features = List.copyOf(f);
        this.kernelWidth = params.kernelWidth() != null ? params.kernelWidth() : 0.75 * Math.sqrt(names.size());
    }

    public Params params() {
        return params;
    }

    @Override
    public List<LimeExplanation> explainDetailed(Frame rows) {
        Frame x = ModelInput.columns(model, rows, "the rows to explain");
        return ParallelRows.map("LIME", x.rowCount(), params.seed(), (i, rng) -> explainRow(x, i, rng));
    }

    private LimeExplanation explainRow(Frame x, int row, Rng rng) {
        int m = features.size();
        int n = params.numSamples();
        double[] own = new double[m];
        for (int j = 0; j < m; j++) {
            TabularFeature f = features.get(j);
            Column c = x.column(j);
            if (c.isMissing(row)) {
                throw new IllegalArgumentException("row " + row + ": column '" + f.name + "' is missing; LIME needs every value");
            }
            own[j] = f.isCategorical() ? f.code(c, row) : c.getDouble(row);
        }
        double[][] data = new double[n][m];
        double[][] inverse = new double[n][m];
        if (!params.discretizeContinuous()) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    data[i][j] = rng.nextGaussian();
                }
            }
        }
        for (int j = 0; j < m; j++) {
            TabularFeature f = features.get(j);
            if (f.values == null) {
                for (int i = 0; i < n; i++) {
                    data[i][j] = i == 0 ? own[j] : data[i][j] * f.std + f.mean;
                    inverse[i][j] = data[i][j];
                }
                continue;
            }
            double first = f.isDiscretized() ? f.discretizer.bin(own[j]) : own[j];
            for (int i = 0; i < n; i++) {
                double drawn = i == 0 ? first : f.values[WeightedChoice.draw(f.frequencies, rng)];
                data[i][j] = drawn == first ? 1 : 0;
                if (i == 0) {
                    inverse[i][j] = own[j];
                } else {
                    inverse[i][j] = f.isDiscretized() ? f.discretizer.sample((int) drawn, rng) : drawn;
                }
            }
        }
        double[][] scaled = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                TabularFeature f = features.get(j);
                scaled[i][j] = (data[i][j] - f.scalerMean) / f.scalerScale;
            }
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            double d2 = 0;
            for (int j = 0; j < m; j++) {
                double d = scaled[i][j] - scaled[0][j];
                d2 += d * d;
            }
            weights[i] = LimeSurrogate.kernel(Math.sqrt(d2), kernelWidth);
        }
        List<Column> columns = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = inverse[i][j];
            }
            columns.add(features.get(j).column(v));
        }
        ModelOutput output = ModelOutput.of(model, Frame.of(columns));
        int k = output.explainedIndex(0, params.outputClass());
        double[] y = output.column(k);
        LimeSurrogate surrogate = LimeSurrogate.fit(scaled, y, weights, params.numFeatures(), params.featureSelection());
        Explanation e = new Explanation("lime", output.kind(), output.outputName(k), surrogate.ridge().intercept(), y[0],
                names, surrogate.fullCoefficients(m));
        List<String> selected = Arrays.stream(surrogate.columns()).mapToObj(names::get).toList();
        List<String> conditions = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            TabularFeature f = features.get(j);
            if (f.isDiscretized()) {
                conditions.add(f.discretizer.describe(f.discretizer.bin(own[j])));
            } else if (f.isCategorical()) {
                conditions.add(f.name + "=" + x.column(j).text(row));
            } else {
                conditions.add(f.name);
            }
        }
        return new LimeExplanation(e, surrogate.fidelity(), surrogate.localPrediction(), selected, conditions);
    }
}
