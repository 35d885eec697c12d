package dev.kiln.core.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at "nice" round values (1, 2 or 5 times a power of ten), after Heckbert,
 * "Nice Numbers for Graph Labels", Graphics Gems (1990). Public for charts drawn outside this
 * package.
 */
public final class Ticks {
    private Ticks() {
    }

    /** About {@code count} round values spanning [min, max]; the range is widened to nice bounds. */
    public static double[] of(double min, double max, int count) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = nice((max - min) / Math.max(1, count - 1), true);
        double lo = Math.floor(min / step) * step;
        double hi = Math.ceil(max / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double v = lo; v <= hi + step * 0.5; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double nice(double x, boolean round) {
        double exponent = Math.floor(Math.log10(x));
        double fraction = x / Math.pow(10, exponent);
        double niceFraction;
        if (round) {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        }
        return niceFraction * Math.pow(10, exponent);
    }

    /** A tick label: as few digits as tell the ticks apart. */
    public static String label(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
