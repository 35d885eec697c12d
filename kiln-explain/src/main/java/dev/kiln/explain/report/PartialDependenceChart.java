package dev.kiln.explain.report;

import dev.kiln.core.plot.Canvas;
import dev.kiln.core.plot.Chart;
import dev.kiln.core.plot.LineChart;
import dev.kiln.explain.importance.PartialDependence;

/**
 * A partial dependence curve over individual conditional expectation curves, as scikit-learn's
 * {@code PartialDependenceDisplay} with {@code kind='both'}: the average as a line, up to
 * {@code maxIce} of the per-row curves (evenly spaced through the rows) in grey beneath it.
 */
public final class PartialDependenceChart implements Chart {
    private final LineChart chart;

    public PartialDependenceChart(PartialDependence.Curve curve, int maxIce) {
        String output = curve.outputClass() == null ? "predicted value" : "probability of " + curve.outputClass();
        chart = new LineChart("Partial dependence on " + curve.feature(), curve.feature(), output);
        double[][] ice = curve.individual();
        int shown = Math.min(Math.max(maxIce, 0), ice.length);
        for (int k = 0; k < shown; k++) {
            chart.faintLine(curve.grid(), ice[(int) ((long) k * ice.length / shown)]);
        }
        chart.series(shown > 0 ? "average (PDP)" : "", curve.grid(), curve.average());
    }

    @Override
    public int width() {
        return chart.width();
    }

    @Override
    public int height() {
        return chart.height();
    }

    @Override
    public void draw(Canvas canvas) {
        chart.draw(canvas);
    }
}
