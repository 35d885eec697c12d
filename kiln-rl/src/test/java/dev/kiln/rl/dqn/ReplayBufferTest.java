package dev.kiln.rl.dqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static ReplayBuffer filled(int capacity, int transitions) {
        ReplayBuffer buffer = new ReplayBuffer(capacity, 2);
        for (int t = 0; t < transitions; t++) {
            buffer.add(new float[] {t, -t}, t % 3, t * 0.5, new float[] {t + 1, -t - 1}, t % 7 == 6);
        }
        return buffer;
    }

    @Test
    void theSameSeedDrawsTheSameBatch() {
        ReplayBuffer buffer = filled(100, 250);
        ReplayBuffer.Batch a = new ReplayBuffer.Batch(32, 2);
        ReplayBuffer.Batch b = new ReplayBuffer.Batch(32, 2);
        int[] slotsA = buffer.sample(a, Rng.seeded(9));
        int[] slotsB = buffer.sample(b, Rng.seeded(9));
        assertThat(slotsA).containsExactly(slotsB);
        assertThat(a.observations).containsExactly(b.observations);
        assertThat(a.actions).containsExactly(b.actions);
        assertThat(buffer.sample(b, Rng.seeded(10))).isNotEqualTo(slotsA);
    }

    @Test
    void rowsStayTogetherAndOnlyTheNewestTransitionsRemain() {
        ReplayBuffer buffer = filled(100, 250);
        assertThat(buffer.size()).isEqualTo(100);
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(500, 2);
        buffer.sample(batch, Rng.seeded(1));
        int[] seen = new int[250];
        for (int i = 0; i < batch.size(); i++) {
            int t = (int) batch.observations[2 * i];
            assertThat(t).isBetween(150, 249);
            assertThat(batch.observations[2 * i + 1]).isEqualTo(-t);
            assertThat(batch.nextObservations[2 * i]).isEqualTo(t + 1);
            assertThat(batch.action(i)).isEqualTo(t % 3);
            assertThat(batch.reward(i)).isEqualTo(t * 0.5f);
            assertThat(batch.terminated[i]).isEqualTo(t % 7 == 6);
            seen[t]++;
        }
        // 500 uniform draws over 100 slots: each slot expected 5 times; none should be missed wholesale.
        long distinct = java.util.Arrays.stream(seen).filter(c -> c > 0).count();
        assertThat(distinct).isGreaterThan(95);
    }

    @Test
    void anEmptyBufferCannotBeSampled() {
        assertThatThrownBy(() -> new ReplayBuffer(10, 2).sample(new ReplayBuffer.Batch(4, 2), Rng.seeded(1)))
                .hasMessageContaining("nothing to sample");
        assertThatThrownBy(() -> new ReplayBuffer(0, 2)).hasMessageContaining("capacity");
    }
}
