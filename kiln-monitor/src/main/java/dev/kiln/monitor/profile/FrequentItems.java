package dev.kiln.monitor.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Misra–Gries frequent-items summary ("Finding repeated elements", 1982) for
 * {@code capacity} items: exact while a column has no more distinct values than that, and
 * afterwards every count is low by at most {@link #maxError()} ≤ n / (capacity + 1). Counters
 * accumulate up to twice the capacity and are then purged all at once by the
 * (capacity + 1)-th largest count, as DataSketches' frequent-items sketch does, which keeps
 * adding O(1) amortised. Mergeable (Agarwal et al., "Mergeable summaries", PODS 2012).
 * A mutable accumulator, not thread-safe.
 */
public final class FrequentItems {
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Map<String, Long> counts = new HashMap<>();
    private long maxError;

    public FrequentItems() {
        this(DEFAULT_CAPACITY);
    }

    public FrequentItems(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** A summary from saved counters (see {@link #counts()}). */
    public static FrequentItems restore(int capacity, long maxError, Map<String, Long> counts) {
        FrequentItems items = new FrequentItems(capacity);
        if (counts.size() > 2 * capacity || maxError < 0) {
            throw new IllegalArgumentException(counts.size() + " counters for capacity " + capacity
                    + " and error " + maxError);
        }
        counts.forEach((value, count) -> {
            if (count <= 0) {
                throw new IllegalArgumentException("the count of '" + value + "' is " + count + ", not positive");
            }
            items.counts.put(value, count);
        });
        items.maxError = maxError;
        return items;
    }

    public int capacity() {
        return capacity;
    }

    /** How much any count may be below the truth: 0 while the summary is exact. */
    public long maxError() {
        return maxError;
    }

    /** Whether every value seen has its exact count. */
    public boolean exact() {
        return maxError == 0;
    }

    public void add(String value) {
        Long current = counts.get(value);
        if (current != null) {
            counts.put(value, current + 1);
        } else {
            counts.put(value, 1L);
            if (counts.size() >= 2 * capacity) {
                purge();
            }
        }
    }

    /** Adds everything {@code other} counted: sums the counters, purging when there are too many. */
    public void merge(FrequentItems other) {
        other.counts.forEach((value, count) -> counts.merge(value, count, Long::sum));
        maxError += other.maxError;
        if (counts.size() >= 2 * capacity) {
            purge();
        }
    }

    /** Subtracts the (capacity + 1)-th largest count from every counter and drops those left at zero or below. */
    private void purge() {
        List<Long> sorted = new ArrayList<>(counts.values());
        sorted.sort(Comparator.reverseOrder());
        long cut = sorted.get(capacity);
        maxError += cut;
        counts.replaceAll((k, v) -> v - cut);
        counts.values().removeIf(v -> v <= 0);
    }

    /** The counters, largest first (ties by value). */
    public Map<String, Long> counts() {
        return top(Integer.MAX_VALUE);
    }

    /** The {@code n} largest counters, largest first (ties by value). */
    public Map<String, Long> top(int n) {
        return largest(counts, n);
    }

    /** The {@code n} largest of {@code counts}, largest first (ties by value). */
    public static Map<String, Long> largest(Map<String, Long> counts, int n) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
