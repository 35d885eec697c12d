package dev.kiln.serve.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent requests an experiment routed, by request id, so that outcomes reported later
 * can be attributed: the variant that answered, the label it predicted for the first row, when,
 * and which kinds of outcome have been reported already. Holds at most {@code capacity} (about
 * 150 bytes each); the oldest are forgotten first. Not thread-safe.
 */
final class RecentRequests {
    static final int CONVERTED = 1;
    static final int VALUE = 2;
    static final int LABEL = 4;

    private final int capacity;
    private final LinkedHashMap<String, Routed> byId;

    /** One routed request; {@code reported} is a set of the flags above. */
    static final class Routed {
        final int variant;
        final String label;
        final long time;
        int reported;

        Routed(int variant, String label, long time) {
            this.variant = variant;
            this.label = label;
            this.time = time;
        }
    }

    RecentRequests(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Routed> eldest) {
                return size() > RecentRequests.this.capacity;
            }
        };
    }

    void put(String requestId, int variant, String label, long time) {
        byId.put(requestId, new Routed(variant, label, time));
    }

    Routed get(String requestId) {
        return byId.get(requestId);
    }

    int capacity() {
        return capacity;
    }
}
