package dev.kiln.rl.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EpsilonScheduleTest {

    @Test
    void constantLinearAndExponentialSchedules() {
        assertThat(new EpsilonSchedule.Constant(0.1).epsilon(12345)).isEqualTo(0.1);
        EpsilonSchedule linear = new EpsilonSchedule.Linear(1, 0.1, 100);
        assertThat(linear.epsilon(0)).isEqualTo(1.0);
        assertThat(linear.epsilon(50)).isCloseTo(0.55, within(1e-12));
        assertThat(linear.epsilon(100)).isEqualTo(0.1);
        assertThat(linear.epsilon(10_000)).isEqualTo(0.1);
        EpsilonSchedule exp = new EpsilonSchedule.Exponential(1, 0.05, 0.9);
        assertThat(exp.epsilon(2)).isCloseTo(0.81, within(1e-12));
        // 0.9^t falls below 0.05 at t = ln 0.05 / ln 0.9 = 28.4.
        assertThat(exp.epsilon(28)).isGreaterThan(0.05);
        assertThat(exp.epsilon(29)).isEqualTo(0.05);
    }

    @Test
    void parsesTheCommandLineForms() {
        assertThat(EpsilonSchedule.parse("constant:0.2")).isEqualTo(new EpsilonSchedule.Constant(0.2));
        assertThat(EpsilonSchedule.parse(" Linear:1, 0.05, 500")).isEqualTo(new EpsilonSchedule.Linear(1, 0.05, 500));
        assertThat(EpsilonSchedule.parse("exponential:1,0.01,0.995")).isEqualTo(new EpsilonSchedule.Exponential(1, 0.01, 0.995));
    }

    @Test
    void invalidSchedulesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new EpsilonSchedule.Constant(1.5)).hasMessageContaining("epsilon must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new EpsilonSchedule.Linear(1, 0.1, 0)).hasMessageContaining("duration must be >= 1");
        assertThatThrownBy(() -> new EpsilonSchedule.Exponential(1, 0.1, 1.2)).hasMessageContaining("decay must be in (0, 1]");
        assertThatThrownBy(() -> EpsilonSchedule.parse("cosine:1")).hasMessageContaining("unknown epsilon schedule 'cosine:1'");
        assertThatThrownBy(() -> EpsilonSchedule.parse("linear:1,0.1")).hasMessageContaining("needs 3 comma-separated numbers");
        assertThatThrownBy(() -> EpsilonSchedule.parse("constant:abc")).hasMessageContaining("expected numbers");
    }
}
