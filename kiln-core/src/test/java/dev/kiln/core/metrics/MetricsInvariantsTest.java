package dev.kiln.core.metrics;

import static dev.kiln.core.metrics.Fixtures.TOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties checked on random data against brute-force definitions; seeds are fixed. */
class MetricsInvariantsTest {
    private static final int TRIALS = 300;

    @Test
    void rocAucIsTheMannWhitneyStatistic() {
        Random random = new Random(11);
        for (int trial = 0; trial < TRIALS; trial++) {
            int[] y = binaryLabels(random);
            double[] scores = tiedScores(random, y.length);
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < y.length; i++) {
                for (int j = 0; j < y.length; j++) {
                    if (y[i] == 1 && y[j] == 0) {
                        pairs++;
                        wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    }
                }
            }
            assertThat(RocCurve.rocAuc(y, scores)).as("trial %d", trial).isCloseTo(wins / pairs, TOL);
            assertThat(RocCurve.of(y, scores, false).auc()).as("trial %d", trial).isCloseTo(wins / pairs, TOL);
        }
    }

    @Test
    void averagePrecisionIsMeanPrecisionAtEachPositive() {
        Random random = new Random(12);
        for (int trial = 0; trial < TRIALS; trial++) {
            int[] y = binaryLabels(random);
            double[] scores = tiedScores(random, y.length);
            double sum = 0;
            int positives = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] == 1) {
                    int above = 0;
                    int positivesAbove = 0;
                    for (int j = 0; j < y.length; j++) {
                        if (scores[j] >= scores[i]) {
                            above++;
                            positivesAbove += y[j];
                        }
                    }
                    sum += (double) positivesAbove / above;
                    positives++;
                }
            }
            assertThat(PrecisionRecallCurve.averagePrecision(y, scores)).as("trial %d", trial)
                    .isCloseTo(sum / positives, TOL);
        }
    }

    @Test
    void microAveragedScoresEqualAccuracy() {
        Random random = new Random(13);
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = 1 + random.nextInt(40);
            int k = 2 + random.nextInt(5);
            int[] yTrue = random.ints(n, 0, k).toArray();
            int[] yPred = random.ints(n, 0, k).toArray();
            double accuracy = ClassificationMetrics.accuracy(yTrue, yPred);
            assertThat(ClassificationMetrics.f1(yTrue, yPred, Average.MICRO)).as("trial %d", trial)
                    .isCloseTo(accuracy, TOL);
            assertThat(ClassificationMetrics.precision(yTrue, yPred, Average.MICRO)).isCloseTo(accuracy, TOL);
            assertThat(ClassificationMetrics.recall(yTrue, yPred, Average.WEIGHTED)).isCloseTo(accuracy, TOL);
        }
    }

    @Test
    void binaryMatthewsIsThePearsonCorrelationOfTheLabels() {
        Random random = new Random(14);
        for (int trial = 0; trial < TRIALS; trial++) {
            int[] yTrue = binaryLabels(random);
            int[] yPred = binaryLabels(random, yTrue.length);
            assertThat(ClassificationMetrics.matthewsCorrcoef(yTrue, yPred)).as("trial %d", trial)
                    .isCloseTo(pearson(yTrue, yPred), TOL);
        }
    }

    /** Labels with both classes present. */
    private static int[] binaryLabels(Random random) {
        return binaryLabels(random, 2 + random.nextInt(40));
    }

    private static int[] binaryLabels(Random random, int n) {
        int[] y = random.ints(n, 0, 2).toArray();
        y[0] = 0;
        y[1] = 1;
        return y;
    }

    /** Scores from a handful of values, so ties are common. */
    private static double[] tiedScores(Random random, int n) {
        return random.ints(n, 0, 6).asDoubleStream().map(v -> v / 5).toArray();
    }

    private static double pearson(int[] a, int[] b) {
        int n = a.length;
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i] / (double) n;
            meanB += b[i] / (double) n;
        }
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return cov / Math.sqrt(varA * varB);
    }
}
