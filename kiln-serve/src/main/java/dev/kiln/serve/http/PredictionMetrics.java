package dev.kiln.serve.http;

import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.serve.registry.ModelVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.stream.DoubleStream;

/**
 * What the served models predict: rows per predicted class, the top-class probability of
 * classifiers and the value of regressors. Regressor values go to a Prometheus histogram rather
 * than a Micrometer distribution summary because a summary drops negative values.
 */
final class PredictionMetrics {
    private static final double[] PROBABILITY_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0};

    private final PrometheusMeterRegistry registry;
    private final Histogram values;

    PredictionMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.values = Histogram.builder().name("kiln_prediction_value").help("Values predicted by regressors")
                .labelNames("model", "version").classicOnly().classicUpperBounds(valueBuckets()).withoutExemplars().build();
        registry.getPrometheusRegistry().register(values);
    }

    void record(ModelVersion version, Prediction prediction) {
        String name = version.name();
        String number = Integer.toString(version.version());
        switch (prediction) {
            case ClassificationPrediction c -> {
                long[] perClass = new long[c.classes().size()];
                for (int i = 0; i < c.size(); i++) {
                    perClass[c.classIndex(i)]++;
                }
                for (int k = 0; k < perClass.length; k++) {
                    if (perClass[k] > 0) {
                        Counter.builder("kiln.predictions").description("Rows a classifier predicted, by predicted class")
                                .tags("model", name, "version", number, "class", c.classes().get(k)).register(registry)
                                .increment(perClass[k]);
                    }
                }
                if (c.hasProbabilities()) {
                    DistributionSummary top = DistributionSummary.builder("kiln.prediction.probability")
                            .description("The probability a classifier gave its predicted class").tags("model", name, "version", number)
                            .serviceLevelObjectives(PROBABILITY_BUCKETS).register(registry);
                    for (int i = 0; i < c.size(); i++) {
                        top.record(c.probabilities(i)[c.classIndex(i)]);
                    }
                }
            }
            case RegressionPrediction r -> {
                var series = values.labelValues(name, number);
                for (int i = 0; i < r.size(); i++) {
                    series.observe(r.value(i));
                }
            }
            case ClusterPrediction ignored -> {
            }
        }
    }

    /** 1, 2 and 5 times the powers of ten from 0.001 to 1e6, their negatives, and 0. */
    private static double[] valueBuckets() {
        DoubleStream.Builder bounds = DoubleStream.builder().add(0).add(1e6).add(-1e6);
        for (int exponent = -3; exponent < 6; exponent++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                double bound = Double.parseDouble(mantissa + "e" + exponent);
                bounds.add(bound).add(-bound);
            }
        }
        return bounds.build().sorted().toArray();
    }
}
