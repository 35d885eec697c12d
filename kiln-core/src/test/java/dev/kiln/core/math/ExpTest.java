package dev.kiln.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class ExpTest {

    @Test
    void withinTwoUlpOfMathExpOverTheNormalRange() {
        Rng rng = Rng.seeded(41);
        for (int t = 0; t < 200_000; t++) {
            double x = t < 1000 ? -t * 0.7083964 : -Math.exp(rng.nextDouble() * 14 - 7) * (rng.nextInt(3) + 1);
            if (x < Exp.MIN_ARG) {
                continue;
            }
            double want = Math.exp(x);
            assertThat(Math.abs(Exp.of(x) - want)).as("x = %s", x).isLessThanOrEqualTo(2 * Math.ulp(want));
        }
        assertThat(Exp.of(0)).isEqualTo(1.0);
        assertThat(Exp.of(-0.0)).isEqualTo(1.0);
        assertThat(Exp.of(Math.log(0.5))).isEqualTo(0.5);
    }

    @Test
    void belowTheSmallestNormalItIsZero() {
        assertThat(Exp.of(Exp.MIN_ARG - 1e-9)).isZero();
        assertThat(Exp.of(-1e300)).isZero();
        assertThat(Exp.of(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Math.exp(Exp.MIN_ARG - 1e-9)).isLessThan(Double.MIN_NORMAL);
        assertThat(Exp.of(Exp.MIN_ARG)).isCloseTo(Double.MIN_NORMAL, within(1e-320));
    }

    @Test
    void arraysGiveTheScalarBitsInterpretedOrCompiled() {
        Rng rng = Rng.seeded(42);
        double[] base = new double[37];
        for (int i = 0; i < base.length; i++) {
            base[i] = i % 9 == 0 ? -800 * rng.nextDouble() : -Math.exp(rng.nextDouble() * 10 - 5);
        }
        double[] want = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            want[i] = Exp.of(base[i]);
        }
        for (int call = 0; call < 20_000; call++) {
            double[] v = base.clone();
            Exp.inPlace(v, 2, 33);
            for (int i = 0; i < base.length; i++) {
                assertThat(v[i]).isEqualTo(i >= 2 && i < 35 ? want[i] : base[i]);
            }
        }
    }
}
