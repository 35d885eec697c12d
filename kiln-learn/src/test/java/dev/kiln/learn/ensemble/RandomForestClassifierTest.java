package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.tree.CartData;
import dev.kiln.learn.tree.CartGrower;
import dev.kiln.learn.tree.ClassWeight;
import dev.kiln.learn.tree.DecisionTreeClassifier;
import dev.kiln.learn.tree.MaxFeatures;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.TreeTestData;
import org.junit.jupiter.api.Test;

class RandomForestClassifierTest {
    private static final Rng DATA = Rng.seeded(31);
    private static final Frame X = TreeTestData.gaussian(DATA, 300, 5);
    private static final Column Y = EnsembleTestData.classes(DATA, X);

    private static RandomForestClassifierModel fit(RandomForestClassifier.Params p) {
        return new RandomForestClassifier(p).fit(X, Y);
    }

    @Test
    void treeTIsGrownAloneOnTheBootstrapSampleOfStreamT() {
        RandomForestClassifierModel m = fit(RandomForestClassifier.Params.defaults().withNEstimators(6).withSeed(17));
        Matrix x = X.toMatrix();
        ClassTarget y = ClassTarget.of(Y, 300, "test");
        DecisionTreeClassifier.Params tp = m.params().tree();
        CartGrower grower = CartGrower.classification(CartData.classification(x, y.codes(), 3), tp.criterion(),
                tp.limits(), 2);
        for (int t = 0; t < 6; t++) {
            Rng rng = Rng.seeded(17).stream(t);
            double[] w = new double[300];
            for (int k = 0; k < 300; k++) {
                w[rng.nextInt(300)]++;
            }
            assertThat(m.trees().get(t)).as("tree %d", t).isEqualTo(grower.grow(w, rng));
        }
        assertThat(fit(m.params()).trees()).isEqualTo(m.trees());
        assertThat(fit(m.params().withSeed(18)).trees()).isNotEqualTo(m.trees());
    }

    @Test
    void probabilitiesAreTheMeanOfTheTreesLeafDistributions() {
        RandomForestClassifierModel m = fit(RandomForestClassifier.Params.defaults().withNEstimators(7));
        Frame fresh = TreeTestData.gaussian(Rng.seeded(5), 40, 5);
        Matrix x = fresh.toMatrix();
        ClassificationPrediction p = m.predict(fresh);
        for (int i = 0; i < 40; i++) {
            double[] expected = new double[3];
            for (Tree t : m.trees()) {
                int leaf = t.leaf(x.storage(), i * 5);
                for (int k = 0; k < 3; k++) {
                    expected[k] += t.value(leaf, k) / 7;
                }
            }
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                assertThat(p.probabilities(i)[k]).isCloseTo(expected[k], within(1e-15));
                sum += p.probabilities(i)[k];
            }
            assertThat(sum).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void outOfBagAccuracyCountsEachRowOnlyWithTheTreesThatLeftItOut() {
        RandomForestClassifierModel m = fit(RandomForestClassifier.Params.defaults().withNEstimators(15)
                .withOobScore(true).withSeed(4));
        Matrix x = X.toMatrix();
        int[] codes = ClassTarget.of(Y, 300, "test").codes();
        int right = 0;
        int counted = 0;
        for (int i = 0; i < 300; i++) {
            double[] sum = new double[3];
            boolean any = false;
            for (int t = 0; t < 15; t++) {
                Rng rng = Rng.seeded(4).stream(t);
                boolean drawn = false;
                for (int k = 0; k < 300; k++) {
                    drawn |= rng.nextInt(300) == i;
                }
                if (!drawn) {
                    Tree tree = m.trees().get(t);
                    int leaf = tree.leaf(x.storage(), i * 5);
                    for (int c = 0; c < 3; c++) {
                        sum[c] += tree.value(leaf, c);
                    }
                    any = true;
                }
            }
            if (any) {
                int best = sum[1] > sum[0] ? 1 : 0;
                best = sum[2] > sum[best] ? 2 : best;
                counted++;
                right += best == codes[i] ? 1 : 0;
            }
        }
        assertThat(m.oobScore()).hasValue((double) right / counted);
        assertThat(fit(RandomForestClassifier.Params.defaults().withNEstimators(2)).oobScore()).isEmpty();
    }

    @Test
    void importancesAreTheNormalisedMeanOfTheTrees() {
        RandomForestClassifierModel m = fit(RandomForestClassifier.Params.defaults().withNEstimators(9));
        double[] expected = new double[5];
        for (Tree t : m.trees()) {
            double[] imp = t.featureImportances(5);
            for (int f = 0; f < 5; f++) {
                expected[f] += imp[f] / 9;
            }
        }
        double[] got = m.featureImportances();
        double total = 0;
        for (int f = 0; f < 5; f++) {
            assertThat(got[f]).isCloseTo(expected[f], within(1e-12));
            total += got[f];
        }
        assertThat(total).isCloseTo(1, within(1e-12));
        assertThat(got[0] + got[1] + got[2]).isGreaterThan(got[3] + got[4]);
    }

    @Test
    void samplesWithASingleClassAndTinyDataStillGiveDistributions() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4));
        Column y = TextColumn.of("y", "p", "q", "q", "q");
        RandomForestClassifierModel m = new RandomForestClassifier(RandomForestClassifier.Params.defaults()
                .withNEstimators(40)).fit(x, y);
        long pure = m.trees().stream().filter(t -> t.nodeCount() == 1).count();
        assertThat(pure).isPositive();
        ClassificationPrediction p = m.predict(x);
        for (int i = 0; i < 4; i++) {
            assertThat(p.probabilities(i)[0] + p.probabilities(i)[1]).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void bootstrapSamplesHaveTheirSizeAndBalancedWeightsEqualiseClasses() {
        RandomForestClassifierModel half = fit(RandomForestClassifier.Params.defaults().withNEstimators(5)
                .withMaxSamples(0.5));
        for (Tree t : half.trees()) {
            assertThat(t.weightedSamples(0)).isEqualTo(150.0);
        }
        RandomForestClassifierModel balanced = fit(RandomForestClassifier.Params.defaults().withNEstimators(3)
                .withBootstrap(false).withTree(DecisionTreeClassifier.Params.defaults()
                        .withClassWeight(ClassWeight.balanced())));
        Tree t = balanced.trees().get(0);
        for (int k = 0; k < 3; k++) {
            assertThat(t.value(0, k)).isCloseTo(1.0 / 3, within(1e-12));
        }
        assertThat(t.weightedSamples(0)).isCloseTo(300, within(1e-9));
    }

    @Test
    void defaultsAreScikitLearnsAndBadSettingsAreRefused() {
        RandomForestClassifier.Params d = RandomForestClassifier.Params.defaults();
        assertThat(d.nEstimators()).isEqualTo(100);
        assertThat(d.tree().maxFeatures()).isEqualTo(MaxFeatures.sqrt());
        assertThat(d.bootstrap()).isTrue();
        assertThat(d.maxSamples()).isNull();
        assertThat(d.oobScore()).isFalse();
        assertThatThrownBy(() -> d.withNEstimators(0)).hasMessage("n_estimators must be >= 1, got 0");
        assertThatThrownBy(() -> d.withMaxSamples(1.5))
                .hasMessage("max_samples must be a fraction in (0, 1] (or none for all rows), got 1.5");
        assertThatThrownBy(() -> d.withBootstrap(false).withOobScore(true))
                .hasMessage("an out-of-bag score needs bootstrap = true");
        assertThatThrownBy(() -> d.withMaxSamples(0.5).withBootstrap(false))
                .hasMessage("max_samples applies to bootstrap samples; it needs bootstrap = true");
        assertThatThrownBy(() -> new RandomForestClassifier().fit(X, TextColumn.of("y", new String[299])))
                .hasMessageContaining("random-forest: the target has 299 rows but the features have 300");
    }
}
