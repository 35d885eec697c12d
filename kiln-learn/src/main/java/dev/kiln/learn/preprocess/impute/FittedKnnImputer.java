package dev.kiln.learn.preprocess.impute;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.learn.preprocess.ColumnReplacement;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fitted {@link KnnImputer}: the training rows of the imputed columns, which donate values. */
public final class FittedKnnImputer implements FittedTransformer {
    /** Receivers per distance block: bounds the block to this many rows times the training rows. */
    private static final int BLOCK_ROWS = 256;

    private final KnnImputer.Params params;
    private final Schema inputSchema;
    private final List<String> columns;
    private final int trainRows;
    private final double[] train;
    private final double[] means;
    private final boolean[] valid;
    private final FittedMissingIndicator indicator;

    FittedKnnImputer(KnnImputer.Params params, Schema inputSchema, List<String> columns, int trainRows, double[] train,
                     FittedMissingIndicator indicator) {
        int p = columns.size();
        if (train.length != trainRows * p) {
            throw new IllegalArgumentException(train.length + " training values for " + trainRows + " rows of " + p + " columns");
        }
        if (params.addIndicator() != (indicator != null)) {
            throw new IllegalArgumentException("an indicator is needed exactly when addIndicator is set");
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.columns = List.copyOf(columns);
        this.trainRows = trainRows;
        this.train = train.clone();
        this.indicator = indicator;
        this.means = new double[p];
        this.valid = new boolean[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < trainRows; i++) {
                double v = train[i * p + j];
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            valid[j] = count > 0;
            means[j] = count > 0 ? sum / count : Double.NaN;
        }
    }

    public KnnImputer.Params params() {
        return params;
    }

    public List<String> columns() {
        return columns;
    }

    /** How many training rows there are. */
    public int trainRows() {
        return trainRows;
    }

    /** The training rows of {@link #columns()}, row-major, NaN where missing. */
    public double[] trainingData() {
        return train.clone();
    }

    /** Each column's training mean, the fill for rows with no donor in reach. */
    public double[] means() {
        return means.clone();
    }

    /** The missing-value indicator appended to the output, when {@code addIndicator} is set. */
    public java.util.Optional<FittedMissingIndicator> indicator() {
        return java.util.Optional.ofNullable(indicator);
    }

    @Override
    public Frame transform(Frame features) {
        ColumnSelection.check(features, columns, ColumnSelection.NUMERIC, "a numeric column", KnnImputer.WHO);
        int p = columns.size();
        int n = features.rowCount();
        double[] x = features.select(columns).toMatrix().toRowMajorArray();
        List<Integer> receivers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (Double.isNaN(x[i * p + j])) {
                    receivers.add(i);
                    break;
                }
            }
        }
        for (int start = 0; start < receivers.size(); start += BLOCK_ROWS) {
            int m = Math.min(BLOCK_ROWS, receivers.size() - start);
            double[] block = new double[m * p];
            for (int r = 0; r < m; r++) {
                System.arraycopy(x, receivers.get(start + r) * p, block, r * p, p);
            }
            double[] d = NanEuclidean.distances(block, m, train, trainRows, p);
            for (int r = 0; r < m; r++) {
                int row = receivers.get(start + r);
                for (int j = 0; j < p; j++) {
                    if (valid[j] && Double.isNaN(x[row * p + j])) {
                        x[row * p + j] = impute(d, r * trainRows, j);
                    }
                }
            }
        }
        Map<String, List<Column>> replaced = new HashMap<>();
        for (int j = 0; j < p; j++) {
            String name = columns.get(j);
            if (!valid[j] && !params.keepEmptyFeatures()) {
                replaced.put(name, List.of());
                continue;
            }
            double[] v = new double[n];
            if (valid[j]) {
                for (int i = 0; i < n; i++) {
                    v[i] = x[i * p + j];
                }
            }
            replaced.put(name, List.of(DoubleColumn.of(name, v)));
        }
        List<Column> appended = indicator == null ? List.of() : indicator.indicators(features);
        return ColumnReplacement.replace(features, replaced, appended);
    }

    /** The value for column {@code j} from the distances {@code d[at .. at + trainRows)} of one receiver. */
    private double impute(double[] d, int at, int j) {
        int p = columns.size();
        int k = params.nNeighbors();
        int[] best = new int[k];
        int found = 0;
        boolean anyFinite = false;
        int donors = 0;
        for (int t = 0; t < trainRows; t++) {
            if (Double.isNaN(train[t * p + j])) {
                continue;
            }
            donors++;
            double dt = d[at + t];
            anyFinite |= !Double.isNaN(dt);
            int pos = found;
            while (pos > 0 && closer(dt, d[at + best[pos - 1]])) {
                pos--;
            }
            if (pos < k) {
                int last = Math.min(found, k - 1);
                System.arraycopy(best, pos, best, pos + 1, last - pos);
                best[pos] = t;
                found = Math.min(found + 1, k);
            }
        }
        if (!anyFinite) {
            return means[j];
        }
        int used = Math.min(k, donors);
        if (params.weights() == KnnImputer.Weights.UNIFORM) {
            double sum = 0;
            for (int q = 0; q < used; q++) {
                sum += train[best[q] * p + j];
            }
            return sum / used;
        }
        boolean exact = false;
        for (int q = 0; q < used; q++) {
            exact |= d[at + best[q]] == 0.0;
        }
        double sum = 0;
        double weights = 0;
        for (int q = 0; q < used; q++) {
            double dist = d[at + best[q]];
            double w = exact ? (dist == 0.0 ? 1.0 : 0.0) : Double.isNaN(dist) ? 0.0 : 1.0 / dist;
            sum += w * train[best[q] * p + j];
            weights += w;
        }
        return sum / weights;
    }

    /** Whether distance {@code a} sorts strictly before {@code b}, NaN last. */
    private static boolean closer(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        return Double.isNaN(b) || a < b;
    }

    @Override
    public List<String> sources(String outputColumn) {
        return indicator != null && indicator.produces(outputColumn) ? indicator.sources(outputColumn) : List.of(outputColumn);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
