package dev.kiln.serve.http;

import dev.kiln.serve.input.InputPolicy;
import dev.kiln.serve.monitor.MonitorSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Kiln server listens and what it accepts.
 *
 * @param host            the address to bind ({@code 0.0.0.0} for every interface)
 * @param port            the port; 0 picks a free one
 * @param maxRequestBytes the largest request body accepted (larger ones get 413)
 * @param requestTimeout  the longest a prediction may run (longer ones get 503)
 * @param drainTimeout    how long shutdown waits for requests in flight
 * @param modelCacheSize  the most models kept loaded
 * @param outOfRange      what to do with numbers outside the range their column held in training
 * @param monitoring      how requests are checked against each model's expectations and its traffic against its reference
 */
public record ServerSettings(String host, int port, long maxRequestBytes, Duration requestTimeout, Duration drainTimeout,
                             int modelCacheSize, InputPolicy outOfRange, MonitorSettings monitoring) {
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outOfRange, "outOfRange");
        Objects.requireNonNull(monitoring, "monitoring");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024, got " + maxRequestBytes);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be positive and drainTimeout not negative");
        }
        if (modelCacheSize < 1) {
            throw new IllegalArgumentException("modelCacheSize must be at least 1, got " + modelCacheSize);
        }
    }

    /**
     * Port 8080 on every interface, 10 MB bodies, 30 s per prediction, 20 s to drain, 8 models loaded, warnings for numbers
     * out of range and for failed expectations, traffic compared with the reference every minute ({@link MonitorSettings#defaults()}).
     */
    public static ServerSettings defaults() {
        return new ServerSettings("0.0.0.0", 8080, 10L << 20, Duration.ofSeconds(30), Duration.ofSeconds(20), 8, InputPolicy.WARN,
                MonitorSettings.defaults());
    }

    public ServerSettings withPort(int v) {
        return new ServerSettings(host, v, maxRequestBytes, requestTimeout, drainTimeout, modelCacheSize, outOfRange, monitoring);
    }

    public ServerSettings withHost(String v) {
        return new ServerSettings(v, port, maxRequestBytes, requestTimeout, drainTimeout, modelCacheSize, outOfRange, monitoring);
    }

    public ServerSettings withMaxRequestBytes(long v) {
        return new ServerSettings(host, port, v, requestTimeout, drainTimeout, modelCacheSize, outOfRange, monitoring);
    }

    public ServerSettings withRequestTimeout(Duration v) {
        return new ServerSettings(host, port, maxRequestBytes, v, drainTimeout, modelCacheSize, outOfRange, monitoring);
    }

    public ServerSettings withDrainTimeout(Duration v) {
        return new ServerSettings(host, port, maxRequestBytes, requestTimeout, v, modelCacheSize, outOfRange, monitoring);
    }

    public ServerSettings withOutOfRange(InputPolicy v) {
        return new ServerSettings(host, port, maxRequestBytes, requestTimeout, drainTimeout, modelCacheSize, v, monitoring);
    }

    public ServerSettings withMonitoring(MonitorSettings v) {
        return new ServerSettings(host, port, maxRequestBytes, requestTimeout, drainTimeout, modelCacheSize, outOfRange, v);
    }
}
