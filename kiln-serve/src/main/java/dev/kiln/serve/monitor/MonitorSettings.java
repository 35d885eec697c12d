package dev.kiln.serve.monitor;

import dev.kiln.serve.input.InputPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the server watches a model's live traffic against what the model was registered with.
 *
 * @param expectations  what to do with a request value that fails one of the model's expectations
 * @param driftInterval how often each model's window of recent rows is compared with its reference (zero: only on request)
 * @param windowRows    how many of the most recent predicted rows a model's window holds
 * @param minWindowRows the fewest rows a scheduled comparison needs
 */
public record MonitorSettings(InputPolicy expectations, Duration driftInterval, int windowRows, int minWindowRows) {
    public MonitorSettings {
        Objects.requireNonNull(expectations, "expectations");
        if (driftInterval.isNegative()) {
            throw new IllegalArgumentException("driftInterval must not be negative, got " + driftInterval);
        }
        if (windowRows < 10 || windowRows > 1_000_000) {
            throw new IllegalArgumentException("windowRows must be in [10, 1000000], got " + windowRows);
        }
        if (minWindowRows < 1 || minWindowRows > windowRows) {
            throw new IllegalArgumentException("minWindowRows must be in [1, windowRows = " + windowRows + "], got " + minWindowRows);
        }
    }

    /** Warn about failed expectations; compare the last 1,000 rows with the reference every minute, once 100 have arrived. */
    public static MonitorSettings defaults() {
        return new MonitorSettings(InputPolicy.WARN, Duration.ofMinutes(1), 1000, 100);
    }

    public MonitorSettings withExpectations(InputPolicy v) {
        return new MonitorSettings(v, driftInterval, windowRows, minWindowRows);
    }

    public MonitorSettings withDriftInterval(Duration v) {
        return new MonitorSettings(expectations, v, windowRows, minWindowRows);
    }

    /** A window of {@code rows}, compared once it holds {@code minRows}. */
    public MonitorSettings withWindow(int rows, int minRows) {
        return new MonitorSettings(expectations, driftInterval, rows, minRows);
    }
}
