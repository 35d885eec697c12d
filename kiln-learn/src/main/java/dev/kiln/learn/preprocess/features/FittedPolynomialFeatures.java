package dev.kiln.learn.preprocess.features;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A fitted {@link PolynomialFeatures}: the combined columns and, per output, the columns it multiplies. */
public final class FittedPolynomialFeatures implements FittedTransformer {
    private final PolynomialFeatures.Params params;
    private final Schema inputSchema;
    private final List<String> columns;
    private final List<int[]> powers;
    private final Map<String, int[]> byName;

    FittedPolynomialFeatures(PolynomialFeatures.Params params, Schema inputSchema, List<String> columns) {
        this.params = params;
        this.inputSchema = inputSchema;
        this.columns = List.copyOf(columns);
        this.powers = new ArrayList<>();
        if (params.includeBias()) {
            powers.add(new int[0]);
        }
        for (int d = 1; d <= params.degree(); d++) {
            combinations(new int[d], 0, 0, params.interactionOnly());
        }
        this.byName = new LinkedHashMap<>();
        for (int[] combo : powers) {
            byName.put(name(combo), combo);
        }
    }

    private void combinations(int[] combo, int at, int from, boolean distinct) {
        if (at == combo.length) {
            powers.add(combo.clone());
            return;
        }
        for (int j = from; j < columns.size(); j++) {
            combo[at] = j;
            combinations(combo, at + 1, distinct ? j + 1 : j, distinct);
        }
    }

    private String name(int[] combo) {
        if (combo.length == 0) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < combo.length; ) {
            int j = i;
            while (j < combo.length && combo[j] == combo[i]) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append('*');
            }
            sb.append(columns.get(combo[i]));
            if (j - i > 1) {
                sb.append('^').append(j - i);
            }
            i = j;
        }
        return sb.toString();
    }

    public PolynomialFeatures.Params params() {
        return params;
    }

    /** The combined columns. */
    public List<String> columns() {
        return columns;
    }

    /** The output columns, in order. */
    public List<String> outputNames() {
        return List.copyOf(byName.keySet());
    }

    @Override
    public Frame transform(Frame features) {
        ColumnSelection.check(features, columns, ColumnSelection.NUMERIC, "a numeric column", PolynomialFeatures.WHO);
        int n = features.rowCount();
        double[][] x = new double[columns.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = features.column(columns.get(j)).toDoubles();
        }
        List<Column> block = new ArrayList<>(byName.size());
        for (Map.Entry<String, int[]> e : byName.entrySet()) {
            double[] v = new double[n];
            java.util.Arrays.fill(v, 1.0);
            for (int j : e.getValue()) {
                for (int i = 0; i < n; i++) {
                    v[i] *= x[j][i];
                }
            }
            block.add(DoubleColumn.of(e.getKey(), v));
        }
        Set<String> combined = new HashSet<>(columns);
        List<Column> out = new ArrayList<>();
        for (Column c : features.columns()) {
            if (c.name().equals(columns.get(0))) {
                out.addAll(block);
            } else if (!combined.contains(c.name())) {
                out.add(c);
            }
        }
        return Frame.of(out);
    }

    @Override
    public List<String> sources(String outputColumn) {
        int[] combo = byName.get(outputColumn);
        if (combo == null) {
            return List.of(outputColumn);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int j : combo) {
            out.add(columns.get(j));
        }
        return List.copyOf(out);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
