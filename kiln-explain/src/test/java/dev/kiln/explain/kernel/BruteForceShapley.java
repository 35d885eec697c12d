package dev.kiln.explain.kernel;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapley values by definition, for tests: all 2^M coalitions, v(S) = the weighted mean over the
 * background of f(x_S, b_S̄) (the interventional value function), and
 * φ_i = Σ_{S ∌ i} |S|!(M−|S|−1)!/M! · (v(S ∪ {i}) − v(S)).
 */
final class BruteForceShapley {
    private BruteForceShapley() {
    }

    static double[] values(Model<?> model, Frame row, Frame background, double[] weights, int output) {
        List<String> names = model.inputSchema().names();
        int m = names.size();
        Frame pool = StackedRows.of(row.select(names), background.select(names));
        int nb = background.rowCount();
        double wsum = 0;
        for (double w : weights) {
            wsum += w;
        }
        double[] v = new double[1 << m];
        for (int s = 0; s < v.length; s++) {
            List<Column> columns = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                int[] take = new int[nb];
                for (int b = 0; b < nb; b++) {
                    take[b] = (s >> j & 1) == 1 ? 0 : 1 + b;
                }
                columns.add(pool.column(j).take(take));
            }
            ModelOutput out = ModelOutput.of(model, Frame.of(columns));
            double sum = 0;
            for (int b = 0; b < nb; b++) {
                sum += weights[b] * out.get(b, output);
            }
            v[s] = sum / wsum;
        }
        double[] factorial = new double[m + 1];
        factorial[0] = 1;
        for (int i = 1; i <= m; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        double[] phi = new double[m];
        for (int i = 0; i < m; i++) {
            for (int s = 0; s < v.length; s++) {
                if ((s >> i & 1) == 0) {
                    int size = Integer.bitCount(s);
                    double weight = factorial[size] * factorial[m - size - 1] / factorial[m];
                    phi[i] += weight * (v[s | 1 << i] - v[s]);
                }
            }
        }
        return phi;
    }
}
