package dev.kiln.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelismTest {

    @Test
    void everyPartRunsExactlyOnceFromOutsideAndInsideThePool() {
        for (int parts : new int[] {0, 1, 2, 3, 17}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(parts, 1));
            Parallelism.forEachPart(parts, runs::incrementAndGet);
            for (int i = 0; i < parts; i++) {
                assertThat(runs.get(i)).as("part %d of %d", i, parts).isEqualTo(1);
            }
        }
        AtomicIntegerArray nested = new AtomicIntegerArray(4 * 5);
        Parallelism.forEachPart(4, outer -> Parallelism.forEachPart(5, inner -> nested.incrementAndGet(outer * 5 + inner)));
        for (int i = 0; i < 20; i++) {
            assertThat(nested.get(i)).isEqualTo(1);
        }
    }

    @Test
    void rangesCoverEveryItemOnceInConsecutiveRangesOfAtLeastTheMinimum() {
        for (int n : new int[] {0, 1, 63, 64, 127, 128, 1000, 100_000}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(n, 1));
            java.util.List<int[]> ranges = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Parallelism.forEachRange(n, 64, (from, to) -> {
                ranges.add(new int[] {from, to});
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertThat(seen.get(i)).as("item %d of %d", i, n).isEqualTo(1);
            }
            assertThat(ranges.size()).isBetween(1, Math.max(1, Parallelism.threads() * 4));
            if (ranges.size() > 1) {
                assertThat(ranges).allSatisfy(r -> assertThat(r[1] - r[0]).isGreaterThanOrEqualTo(64));
            }
        }
    }

    @Test
    void theCallerRunsTheFirstPartItself() {
        ConcurrentHashMap<Integer, String> threads = new ConcurrentHashMap<>();
        Parallelism.forEachPart(8, i -> threads.put(i, Thread.currentThread().getName()));
        assertThat(threads).hasSize(8).containsEntry(0, Thread.currentThread().getName());
    }

    @Test
    void aFailingPartFailsTheWholeAfterTheOthersFinish() {
        AtomicIntegerArray done = new AtomicIntegerArray(6);
        assertThatThrownBy(() -> Parallelism.forEachPart(6, i -> {
            if (i == 3) {
                throw new IllegalStateException("part 3 failed");
            }
            done.incrementAndGet(i);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("part 3 failed");
        for (int i : new int[] {0, 1, 2, 4, 5}) {
            assertThat(done.get(i)).isEqualTo(1);
        }
    }
}
