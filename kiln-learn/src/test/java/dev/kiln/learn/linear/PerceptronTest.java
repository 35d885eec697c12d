package dev.kiln.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.parity.ParityData;
import org.junit.jupiter.api.Test;

class PerceptronTest {
    private static final Perceptron.Params UNSHUFFLED = new Perceptron.Params(Penalty.NONE, 1e-4, 0.15, true, 1000, 1e-3,
            false, 1.0, 5, 0);

    @Test
    void withoutShufflingItRepeatsScikitLearnsArithmetic() {
        // Reference: scikit-learn 1.2.1 on the standardised training rows (Standardized's prep snippet):
        //   Xtr, ytr, Xte, yte = prep("iris", "target")
        //   m = Perceptron(shuffle=False).fit(Xtr, ytr); print(repr(m.coef_), repr(m.intercept_), m.n_iter_)
        //   Xtr, ytr, Xte, yte = prep("breast_cancer", "target")
        //   m = Perceptron(shuffle=False).fit(Xtr, ytr); print(repr(m.coef_[0][:4]), repr(m.intercept_), m.n_iter_)
        Standardized iris = Standardized.of(ParityData.IRIS);
        PerceptronModel m = new Perceptron(UNSHUFFLED).fit(iris.train(), iris.trainTarget());
        double[][] expected = {
            {-0.7432077665248134, 1.6675715187557136, -1.4869170770059121, -1.4589940569779052},
            {-0.2760485989949255, -2.246116739548511, -1.7107716259617485, -4.138237688882785},
            {-0.4093541190223986, -1.1684344655227032, 4.314782814666968, 4.34161261803728}};
        for (int k = 0; k < 3; k++) {
            ElasticNetTest.assertClose(m.coefficients()[k], expected[k], 1e-12);
        }
        assertThat(m.intercepts()).containsExactly(0, -3, -4);
        assertThat(m.iterations()).isEqualTo(7);
        Standardized cancer = Standardized.of(ParityData.BREAST_CANCER);
        PerceptronModel b = new Perceptron(UNSHUFFLED).fit(cancer.train(), cancer.trainTarget());
        ElasticNetTest.assertClose(java.util.Arrays.copyOf(b.coefficients()[0], 4),
                new double[] {-3.039654447906916, -0.5637376221041394, -2.447922318498065, -4.055239588071123}, 1e-12);
        assertThat(b.intercepts()).containsExactly(-2);
        assertThat(b.iterations()).isEqualTo(13);
    }

    @Test
    void eachClassRowIsTheBinaryProblemOfThatClassAgainstTheRest() {
        // Row 0 of a three-class model is trained on class c0 against the others with random stream 0,
        // exactly as a two-class model whose second (positive) class is c0.
        Rng rng = Rng.seeded(41);
        Frame x = LinearFixtures.gaussianFrame(rng, 120, 3, 1.0);
        Column y = LinearFixtures.linearClasses(rng, x, 3, 0.3);
        PerceptronModel multi = new Perceptron().fit(x, y);
        String[] oneVsRest = new String[y.size()];
        for (int i = 0; i < oneVsRest.length; i++) {
            oneVsRest[i] = y.text(i).equals("c0") ? "z-c0" : "a-rest";
        }
        PerceptronModel binary = new Perceptron().fit(x, TextColumn.of("y", oneVsRest));
        assertThat(binary.classes()).containsExactly("a-rest", "z-c0");
        assertThat(multi.coefficients()).hasNumberOfRows(3);
        assertThat(binary.coefficients()).hasNumberOfRows(1);
        assertThat(multi.coefficients()[0]).containsExactly(binary.coefficients()[0]);
        assertThat(multi.intercepts()[0]).isEqualTo(binary.intercepts()[0]);
    }

    @Test
    void separatesLinearlySeparableData() {
        // Two classes on either side of x0 + x1 = 0 with a margin of 0.5: the perceptron converges.
        Rng rng = Rng.seeded(42);
        int n = 200;
        double[] a = new double[n];
        double[] b = new double[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            double side = i % 2 == 0 ? 1 : -1;
            double along = 4 * rng.nextGaussian();
            double across = side * (0.5 + rng.nextDouble());
            a[i] = (along + across) / Math.sqrt(2);
            b[i] = (-along + across) / Math.sqrt(2);
            label[i] = side > 0 ? "above" : "below";
        }
        Frame x = Frame.of(DoubleColumn.of("a", a), DoubleColumn.of("b", b));
        PerceptronModel m = new Perceptron().fit(x, TextColumn.of("y", label));
        ClassificationPrediction p = m.predict(x);
        for (int i = 0; i < n; i++) {
            assertThat(p.label(i)).isEqualTo(label[i]);
        }
        assertThat(p.hasProbabilities()).isFalse();
        double[][] d = m.decisionFunction(x);
        assertThat(d).hasNumberOfRows(n);
        assertThat(d[0]).hasSize(1);
        assertThat(d[0][0] > 0).isEqualTo(label[0].equals("below"));
    }

    @Test
    void theSeedDecidesTheOrderAndTheModel() {
        Standardized wine = Standardized.of(ParityData.WINE);
        PerceptronModel a = new Perceptron(Perceptron.Params.defaults().withSeed(9)).fit(wine.train(), wine.trainTarget());
        PerceptronModel b = new Perceptron(Perceptron.Params.defaults().withSeed(9)).fit(wine.train(), wine.trainTarget());
        PerceptronModel c = new Perceptron(Perceptron.Params.defaults().withSeed(10)).fit(wine.train(), wine.trainTarget());
        assertThat(a.coefficients()).isDeepEqualTo(b.coefficients());
        assertThat(a.coefficients()).isNotEqualTo(c.coefficients());
    }

    @Test
    void anL2PenaltyShrinksTheWeights() {
        Standardized cancer = Standardized.of(ParityData.BREAST_CANCER);
        double free = norm(new Perceptron(UNSHUFFLED).fit(cancer.train(), cancer.trainTarget()));
        double penalised = norm(new Perceptron(new Perceptron.Params(Penalty.L2, 0.01, 0.15, true, 1000, 1e-3, false, 1.0, 5, 0))
                .fit(cancer.train(), cancer.trainTarget()));
        assertThat(penalised).isLessThan(free);
    }

    @Test
    void hyperparametersAreScikitLearnsAndChecked() {
        assertThat(Perceptron.Params.defaults()).isEqualTo(new Perceptron.Params(Penalty.NONE, 1e-4, 0.15, true, 1000, 1e-3,
                true, 1.0, 5, 0));
        assertThatThrownBy(() -> new Perceptron.Params(null, 1e-4, 0.15, true, 10, 1e-3, true, 1, 5, 0)).hasMessage("penalty must be given");
        assertThatThrownBy(() -> new Perceptron.Params(Penalty.L1, 1e-4, 0.15, true, 10, 1e-3, true, -1, 5, 0))
                .hasMessage("eta0 must be a finite number > 0, got -1.0");
        assertThatThrownBy(() -> new Perceptron.Params(Penalty.L1, 1e-4, 0.15, true, 10, 1e-3, true, 1, 0, 0))
                .hasMessage("nIterNoChange must be >= 1, got 0");
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3));
        assertThatThrownBy(() -> new Perceptron().fit(x, TextColumn.of("y", "u", "u", "u")))
                .hasMessage("perceptron: the target 'y' has only one class ('u'); classification needs at least two");
    }

    private static double norm(PerceptronModel m) {
        double s = 0;
        for (double w : m.coefficients()[0]) {
            s += w * w;
        }
        return Math.sqrt(s);
    }
}
