package dev.kiln.explain.report;

import dev.kiln.core.plot.BarChart;
import dev.kiln.core.plot.Canvas;
import dev.kiln.core.plot.Chart;
import dev.kiln.explain.importance.FeatureRanking;

/** A feature ranking as horizontal bars, largest first: shap's bar summary plot for mean |SHAP|, or permutation importances. */
public final class ImportanceChart implements Chart {
    private final BarChart bars;

    /** The first {@code limit} features of {@code ranking} by decreasing score. */
    public ImportanceChart(String title, FeatureRanking ranking, int limit) {
        FeatureRanking sorted = ranking.sorted();
        bars = new BarChart(title, ranking.measure());
        for (int i = 0; i < Math.min(limit, sorted.features().size()); i++) {
            bars.bar(sorted.features().get(i), sorted.scores()[i]);
        }
    }

    @Override
    public int width() {
        return bars.width();
    }

    @Override
    public int height() {
        return bars.height();
    }

    @Override
    public void draw(Canvas canvas) {
        bars.draw(canvas);
    }
}
