package dev.kiln.monitor.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DistinctCountSketchTest {

    /** 2^12 registers: relative standard error 1.04/64 ≈ 1.6% (Flajolet et al. 2007); allow four of them. */
    @Test
    void estimatesAreWithinFourStandardErrorsFromTenToAMillion() {
        for (int n : new int[]{10, 100, 1_000, 10_000, 100_000, 1_000_000}) {
            DistinctCountSketch sketch = new DistinctCountSketch();
            for (int i = 0; i < n; i++) {
                sketch.add(i * 0.5);
                sketch.add(i * 0.5);
            }
            assertThat(sketch.estimate()).as("n = %d", n).isCloseTo(n, within(Math.max(1, 4 * 0.016 * n)));
        }
    }

    @Test
    void smallCountsAreNearlyExact() {
        DistinctCountSketch sketch = new DistinctCountSketch();
        assertThat(sketch.estimate()).isZero();
        for (String s : new String[]{"oslo", "bergen", "oslo", "tromsø"}) {
            sketch.add(s);
        }
        assertThat(sketch.estimate()).isCloseTo(3, within(0.01));
        DistinctCountSketch zeros = new DistinctCountSketch();
        zeros.add(0.0);
        zeros.add(-0.0);
        zeros.add(Double.NaN);
        assertThat(zeros.estimate()).isCloseTo(1, within(0.01));
    }

    @Test
    void mergingEstimatesTheUnion() {
        DistinctCountSketch a = new DistinctCountSketch();
        DistinctCountSketch b = new DistinctCountSketch();
        for (int i = 0; i < 30_000; i++) {
            a.add("user-" + i);
            b.add("user-" + (i + 20_000));
        }
        DistinctCountSketch union = DistinctCountSketch.restore(a.precision(), a.registers());
        union.merge(b);
        assertThat(union.estimate()).isCloseTo(50_000, within(4 * 0.016 * 50_000));
        DistinctCountSketch other = DistinctCountSketch.restore(b.precision(), b.registers());
        other.merge(a);
        assertThat(other).isEqualTo(union);
    }

    @Test
    void rejectsInconsistentRegisters() {
        assertThatThrownBy(() -> DistinctCountSketch.restore(12, new byte[10])).hasMessageContaining("4096 registers");
        assertThatThrownBy(() -> new DistinctCountSketch(12).merge(new DistinctCountSketch(10)))
                .hasMessageContaining("precision 10");
    }
}
