package dev.kiln.learn.search;

import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a hyperparameter's values come from in a search: a continuous range (uniform or
 * log-uniform), an integer range, or a list of choices. Every distribution maps its values to
 * and from [0, 1] so model-based search (TPE) can work in one space.
 */
public sealed interface ParamDistribution
        permits ParamDistribution.Uniform, ParamDistribution.LogUniform, ParamDistribution.IntUniform,
        ParamDistribution.Choice {

    /** A value drawn at random. */
    Object sample(Rng rng);

    /** {@code points} values spread over the range, for grid search (choices give all their values). */
    List<Object> grid(int points);

    /** The position of {@code value} in [0, 1]. */
    double toUnit(Object value);

    /** The value at position {@code u} of [0, 1]. */
    Object fromUnit(double u);

    /** Uniform on [low, high]. */
    record Uniform(double low, double high) implements ParamDistribution {
        public Uniform {
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("uniform(" + low + ", " + high + "): need finite low < high");
            }
        }

        @Override
        public Object sample(Rng rng) {
            return low + (high - low) * rng.nextDouble();
        }

        @Override
        public List<Object> grid(int points) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                out.add(points == 1 ? (low + high) / 2 : low + (high - low) * i / (points - 1));
            }
            return out;
        }

        @Override
        public double toUnit(Object value) {
            return (((Number) value).doubleValue() - low) / (high - low);
        }

        @Override
        public Object fromUnit(double u) {
            return low + (high - low) * clamp(u);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "uniform(%s, %s)", low, high);
        }
    }

    /** Log-uniform on [low, high], both positive: every decade equally likely. */
    record LogUniform(double low, double high) implements ParamDistribution {
        public LogUniform {
            if (!(low > 0 && low < high) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("log(" + low + ", " + high + "): need 0 < low < high");
            }
        }

        @Override
        public Object sample(Rng rng) {
            return fromUnit(rng.nextDouble());
        }

        @Override
        public List<Object> grid(int points) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                out.add(fromUnit(points == 1 ? 0.5 : (double) i / (points - 1)));
            }
            return out;
        }

        @Override
        public double toUnit(Object value) {
            return (Math.log(((Number) value).doubleValue()) - Math.log(low)) / (Math.log(high) - Math.log(low));
        }

        @Override
        public Object fromUnit(double u) {
            return Math.exp(Math.log(low) + clamp(u) * (Math.log(high) - Math.log(low)));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "log(%s, %s)", low, high);
        }
    }

    /** Integers from low to high inclusive, equally likely. */
    record IntUniform(int low, int high) implements ParamDistribution {
        public IntUniform {
            if (low > high) {
                throw new IllegalArgumentException("int(" + low + ", " + high + "): need low <= high");
            }
        }

        @Override
        public Object sample(Rng rng) {
            return low + rng.nextInt(high - low + 1);
        }

        @Override
        public List<Object> grid(int points) {
            List<Object> out = new ArrayList<>();
            int n = Math.min(points, high - low + 1);
            for (int i = 0; i < n; i++) {
                int v = n == 1 ? low : (int) Math.round(low + (double) (high - low) * i / (n - 1));
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
            return out;
        }

        @Override
        public double toUnit(Object value) {
            return (((Number) value).doubleValue() - low + 0.5) / (high - low + 1);
        }

        @Override
        public Object fromUnit(double u) {
            return Math.min(high, low + (int) Math.floor(clamp(u) * (high - low + 1)));
        }

        @Override
        public String toString() {
            return "int(" + low + ", " + high + ")";
        }
    }

    /** One of a list of values (numbers or words). */
    record Choice(List<Object> values) implements ParamDistribution {
        public Choice {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("choice(): needs at least one value");
            }
            values = List.copyOf(values);
        }

        @Override
        public Object sample(Rng rng) {
            return values.get(rng.nextInt(values.size()));
        }

        @Override
        public List<Object> grid(int points) {
            return values;
        }

        @Override
        public double toUnit(Object value) {
            int i = values.indexOf(value);
            if (i < 0) {
                throw new IllegalArgumentException(value + " is not one of " + values);
            }
            return (i + 0.5) / values.size();
        }

        @Override
        public Object fromUnit(double u) {
            return values.get(Math.min(values.size() - 1, (int) Math.floor(clamp(u) * values.size())));
        }

        @Override
        public String toString() {
            return "choice(" + String.join(", ", values.stream().map(String::valueOf).toList()) + ")";
        }
    }

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
