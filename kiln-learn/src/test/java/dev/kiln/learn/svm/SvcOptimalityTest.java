package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import org.junit.jupiter.api.Test;

/**
 * The dual solution of binary problems checked against the optimality conditions, recomputed
 * here from the model's support vectors and coefficients in double precision: 0 ≤ α ≤ C,
 * Σ y_i α_i = 0, and with g the decision function and y = ±1 (+1 for the second class), the KKT
 * conditions y_i g(x_i) ≥ 1 where α_i = 0, = 1 where 0 &lt; α_i &lt; C, ≤ 1 where α_i = C, each
 * within the tolerance (plus the float rounding of the kernel cache).
 */
class SvcOptimalityTest {
    private static final double SLACK = 1e-4;

    @Test
    void everyKernelOnOverlappingClasses() {
        Rng rng = Rng.seeded(21);
        Data d = overlapping(rng, 200, 4);
        Svc.Params base = Svc.Params.defaults();
        check(d, base);
        check(d, base.withC(0.05));
        check(d, base.withC(100));
        check(d, base.withKernel(Kernel.LINEAR).withC(3));
        check(d, new Svc.Params(2, Kernel.POLY, 2, Gamma.auto(), 1, true, false, 1e-3, 200, -1, DecisionShape.OVR,
                false, 0));
        check(d, new Svc.Params(1, Kernel.SIGMOID, 3, Gamma.of(0.1), 0, true, false, 1e-3, 200, -1, DecisionShape.OVR,
                false, 0));
    }

    @Test
    void withoutShrinkingAndWithATinyCacheAndTightTolerance() {
        Rng rng = Rng.seeded(22);
        Data d = overlapping(rng, 300, 3);
        check(d, new Svc.Params(10, Kernel.RBF, 3, Gamma.scale(), 0, false, false, 1e-3, 0.01, -1, DecisionShape.OVR,
                false, 0));
        check(d, new Svc.Params(10, Kernel.RBF, 3, Gamma.scale(), 0, true, false, 1e-6, 0.01, -1, DecisionShape.OVR,
                false, 0));
    }

    @Test
    void duplicatedPointsWithBothLabelsAndAConstantFeature() {
        Rng rng = Rng.seeded(23);
        Data base = overlapping(rng, 60, 3);
        double[][] x = new double[180][];
        String[] y = new String[180];
        for (int i = 0; i < 180; i++) {
            int r = rng.nextInt(60);
            x[i] = base.x[r].clone();
            x[i][1] = 4.0;
            y[i] = rng.nextDouble() < 0.8 ? base.y[r] : base.y[r].equals("a") ? "b" : "a";
        }
        check(new Data(x, y), Svc.Params.defaults());
        check(new Data(x, y), Svc.Params.defaults().withKernel(Kernel.LINEAR));
    }

    @Test
    void theSameSeedGivesTheSameModelBitForBit() {
        Rng rng = Rng.seeded(24);
        Data d = overlapping(rng, 150, 3);
        String[] y = new String[d.y.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = String.valueOf((char) ('a' + rng.nextInt(4)));
        }
        Svc svc = new Svc(Svc.Params.defaults().withProbability(true));
        SvcModel a = svc.fit(d.frame(), TextColumn.of("y", y));
        SvcModel b = svc.fit(d.frame(), TextColumn.of("y", y));
        assertThat(a.dualCoefficients().toRowMajorArray()).containsExactly(b.dualCoefficients().toRowMajorArray());
        assertThat(a.probA()).containsExactly(b.probA());
        assertThat(a.probB()).containsExactly(b.probB());
        SvcModel c = new Svc(new Svc.Params(1, Kernel.RBF, 3, Gamma.scale(), 0, true, true, 1e-3, 200, -1,
                DecisionShape.OVR, false, 7)).fit(d.frame(), TextColumn.of("y", y));
        assertThat(c.dualCoefficients().toRowMajorArray()).containsExactly(a.dualCoefficients().toRowMajorArray());
        assertThat(c.probA()).isNotEqualTo(a.probA());
    }

    private static void check(Data d, Svc.Params params) {
        SvcModel m = new Svc(params).fit(d.frame(), TextColumn.of("y", d.y));
        Matrix sv = m.supportVectors();
        double[] a = m.dualCoefficients().row(0).toArray();
        double b = m.intercepts()[0];
        KernelFunction k = new KernelFunction(params.kernel(), m.gamma(), params.degree(), params.coef0());
        double[] alpha = new double[d.x.length];
        int[] support = m.supportIndices();
        double sum = 0;
        for (int s = 0; s < support.length; s++) {
            alpha[support[s]] = Math.abs(a[s]);
            sum += a[s];
            assertThat(label(d, support[s]) * a[s]).as("sign of y α").isPositive();
            assertThat(Math.abs(a[s])).isLessThanOrEqualTo(params.c());
        }
        assertThat(sum).as("Σ y α").isCloseTo(0, within(1e-9 * params.c() * support.length));
        double tol = params.tol() + SLACK;
        for (int i = 0; i < d.x.length; i++) {
            double g = b;
            for (int s = 0; s < support.length; s++) {
                double[] v = sv.row(s).toArray();
                g += a[s] * k.value(dot(v, d.x[i]), dot(v, v), dot(d.x[i], d.x[i]));
            }
            double margin = label(d, i) * g;
            if (alpha[i] == 0) {
                assertThat(margin).as("%s: row %d, α = 0", params, i).isGreaterThanOrEqualTo(1 - tol);
            } else if (alpha[i] < params.c()) {
                assertThat(margin).as("%s: row %d, 0 < α < C", params, i).isCloseTo(1, within(tol));
            } else {
                assertThat(margin).as("%s: row %d, α = C", params, i).isLessThanOrEqualTo(1 + tol);
            }
        }
    }

    private static double label(Data d, int i) {
        return d.y[i].equals("b") ? 1 : -1;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            s += u[j] * v[j];
        }
        return s;
    }

    /** Two Gaussian clouds a unit apart along every axis: separable only in part. */
    private static Data overlapping(Rng rng, int n, int dims) {
        double[][] x = new double[n][dims];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            boolean second = rng.nextBoolean();
            y[i] = second ? "b" : "a";
            for (int j = 0; j < dims; j++) {
                x[i][j] = rng.nextGaussian() + (second ? 0.5 : -0.5);
            }
        }
        return new Data(x, y);
    }

    private record Data(double[][] x, String[] y) {
        Frame frame() {
            return TestFrames.ofRows(x);
        }
    }
}
