package dev.kiln.explain.lime;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.Model;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.kernel.ModelInput;
import dev.kiln.explain.kernel.ParallelRows;
import dev.kiln.explain.kernel.ModelOutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * LIME for text (Ribeiro, Singh and Guestrin, KDD 2016), as the {@code lime} package's
 * {@code LimeTextExplainer}: each sample deletes a random number (1 to all) of the distinct words
 * of the text, samples are weighted by an exponential kernel (width 25) of 100 × their cosine
 * distance to the full text, and a sparse ridge surrogate on the word-present indicators explains
 * the model's output. Works with any model whose input has exactly one text column (other input
 * columns keep the explained row's values), so it needs nothing from the text module.
 */
public final class LimeText implements LimeExplainer {

    /**
     * The settings; {@link #defaults()} are lime's.
     *
     * @param numSamples       samples per text, ≥ 2 (5000)
     * @param numFeatures      words in the surrogate, ≥ 1 (10)
     * @param kernelWidth      the kernel width, &gt; 0 (25)
     * @param featureSelection how the surrogate's words are chosen (AUTO)
     * @param seed             the seed of the samples (0)
     * @param outputClass      the class whose probability is explained, or null: a binary
     *                         classifier's second class, a multi-class classifier's predicted class
     */
    public record Params(int numSamples, int numFeatures, double kernelWidth, FeatureSelection featureSelection, long seed,
                         String outputClass) {
        public Params {
            if (numSamples < 2) {
                throw new IllegalArgumentException("numSamples must be at least 2, got " + numSamples);
            }
            if (numFeatures < 1) {
                throw new IllegalArgumentException("numFeatures must be at least 1, got " + numFeatures);
            }
            if (!(kernelWidth > 0 && Double.isFinite(kernelWidth))) {
                throw new IllegalArgumentException("kernelWidth must be a positive number, got " + kernelWidth);
            }
            Objects.requireNonNull(featureSelection, "featureSelection");
        }

        public static Params defaults() {
            return new Params(5000, 10, 25, FeatureSelection.AUTO, 0, null);
        }

        public Params withNumSamples(int n) {
            return new Params(n, numFeatures, kernelWidth, featureSelection, seed, outputClass);
        }

        public Params withNumFeatures(int n) {
            return new Params(numSamples, n, kernelWidth, featureSelection, seed, outputClass);
        }

        public Params withSeed(long s) {
            return new Params(numSamples, numFeatures, kernelWidth, featureSelection, s, outputClass);
        }

        public Params withOutputClass(String c) {
            return new Params(numSamples, numFeatures, kernelWidth, featureSelection, seed, c);
        }
    }

    private final Model<?> model;
    private final Params params;
    private final String textColumn;

    public LimeText(Model<?> model, Params params) {
        this.model = Objects.requireNonNull(model, "model");
        this.params = Objects.requireNonNull(params, "params");
        List<String> text = model.inputSchema().fields().stream().filter(f -> f.type() == ColumnType.TEXT)
                .map(Schema.Field::name).toList();
        if (text.size() != 1) {
            throw new IllegalArgumentException("text LIME needs a model with exactly one text input column; this one has "
                    + (text.isEmpty() ? "none" : text.size() + ": " + text) + " among " + model.inputSchema().names());
        }
        this.textColumn = text.get(0);
    }

    public Params params() {
        return params;
    }

    @Override
    public List<LimeExplanation> explainDetailed(Frame rows) {
        Frame x = ModelInput.columns(model, rows, "the rows to explain");
        return ParallelRows.map("LIME (text)", x.rowCount(), params.seed(), (i, rng) -> explainRow(x, i, rng));
    }

    private LimeExplanation explainRow(Frame x, int row, Rng rng) {
        String raw = x.column(textColumn).text(row);
        if (raw == null) {
            throw new IllegalArgumentException("row " + row + ": the text in column '" + textColumn + "' is missing");
        }
        IndexedText text = new IndexedText(raw);
        int d = text.words().size();
        if (d == 0) {
            throw new IllegalArgumentException("row " + row + ": the text in column '" + textColumn + "' has no words to explain");
        }
        int n = params.numSamples();
        double[][] data = new double[n][d];
        String[] variants = new String[n];
        double[] weights = new double[n];
        Arrays.fill(data[0], 1);
        variants[0] = raw;
        weights[0] = LimeSurrogate.kernel(0, params.kernelWidth());
        for (int i = 1; i < n; i++) {
            int size = 1 + rng.nextInt(d);
            boolean[] removed = new boolean[d];
            for (int w : rng.sampleWithoutReplacement(d, size)) {
                removed[w] = true;
            }
            for (int w = 0; w < d; w++) {
                data[i][w] = removed[w] ? 0 : 1;
            }
            variants[i] = text.without(removed);
            int kept = d - size;
            double cosine = kept == 0 ? 1 : 1 - Math.sqrt(kept / (double) d);
            weights[i] = LimeSurrogate.kernel(100 * cosine, params.kernelWidth());
        }
        List<Column> columns = new ArrayList<>();
        for (Column c : x.columns()) {
            columns.add(c.name().equals(textColumn) ? TextColumn.of(textColumn, variants) : c.take(repeat(row, n)));
        }
        ModelOutput output = ModelOutput.of(model, Frame.of(columns));
        int k = output.explainedIndex(0, params.outputClass());
        double[] y = output.column(k);
        LimeSurrogate surrogate = LimeSurrogate.fit(data, y, weights, params.numFeatures(), params.featureSelection());
        Explanation e = new Explanation("lime", output.kind(), output.outputName(k), surrogate.ridge().intercept(), y[0],
                text.words(), surrogate.fullCoefficients(d));
        List<String> selected = Arrays.stream(surrogate.columns()).mapToObj(text.words()::get).toList();
        return new LimeExplanation(e, surrogate.fidelity(), surrogate.localPrediction(), selected, text.words());
    }

    private static int[] repeat(int value, int n) {
        int[] out = new int[n];
        Arrays.fill(out, value);
        return out;
    }
}
