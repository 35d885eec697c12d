package dev.kiln.serve.monitor;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.progress.Progress;
import dev.kiln.monitor.drift.ColumnDrift;
import dev.kiln.monitor.drift.DataDrift;
import dev.kiln.monitor.drift.DatasetDrift;
import dev.kiln.monitor.drift.DriftSettings;
import dev.kiln.monitor.drift.PredictionColumn;
import dev.kiln.monitor.expect.Detail;
import dev.kiln.monitor.expect.Expectation;
import dev.kiln.monitor.expect.ExpectationSuite;
import dev.kiln.monitor.expect.ValidationResult;
import dev.kiln.serve.registry.ModelVersion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the traffic of every served model version that was registered with a {@link Baseline},
 * as Evidently's monitoring and NannyML do for a batch: the most recent predicted rows are kept in
 * a {@link LiveWindow}, and on a schedule (and on request) the window is compared with the
 * reference sample column by column ({@link DataDrift} with Evidently's default tests), the
 * predictions on the window with the model's predictions on the reference (prediction drift), and
 * the window checked against the expectations that judge many rows at once. The results are kept
 * as the version's latest {@link WindowReport} and exported as Prometheus gauges.
 */
public final class DriftWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DriftWatch.class);

    private final MonitorSettings settings;
    private final MeterRegistry meters;
    private final Function<ModelVersion, Model<?>> models;
    private final DataDrift drift = new DataDrift(DriftSettings.defaults());
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Map<String, double[]> gauges = new ConcurrentHashMap<>();
    private final ScheduledExecutorService schedule;

    /**
     * @param models the loaded model of a version, to predict the reference sample for prediction drift
     */
    public DriftWatch(MonitorSettings settings, MeterRegistry meters, Function<ModelVersion, Model<?>> models) {
        this.settings = settings;
        this.meters = meters;
        this.models = models;
        if (settings.driftInterval().isZero()) {
            schedule = null;
        } else {
            schedule = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kiln-drift-watch");
                t.setDaemon(true);
                return t;
            });
            long every = settings.driftInterval().toMillis();
            schedule.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        }
    }

    public MonitorSettings settings() {
        return settings;
    }

    /** The baseline {@code version} was registered with (none when its files do not load, which is logged). */
    public Baseline baseline(ModelVersion version) {
        return watched(version).baseline;
    }

    /** Why the baseline of {@code version} did not load, if it did not. */
    public Optional<String> baselineError(ModelVersion version) {
        return Optional.ofNullable(watched(version).error);
    }

    /** The per-request part of the version's expectations, or null when it has none. */
    public RequestCheck requestCheck(ModelVersion version) {
        return watched(version).check;
    }

    /** Adds predicted rows to the version's window (nothing happens for a version without a baseline). */
    public void observe(ModelVersion version, Frame rows, Prediction prediction) {
        Watched w = watched(version);
        if (w.window != null) {
            w.window.add(rows, prediction);
        }
    }

    /** The latest comparison of the version's window, if one was made. */
    public Optional<WindowReport> latest(ModelVersion version) {
        return Optional.ofNullable(watched(version).latest);
    }

    /** The rows in the version's window now (0 without a baseline). */
    public int windowRows(ModelVersion version) {
        Watched w = watched(version);
        return w.window == null ? 0 : w.window.size();
    }

    /** The rows the version predicted since the server started, counted when it has a baseline. */
    public long rowsSeen(ModelVersion version) {
        Watched w = watched(version);
        return w.window == null ? 0 : w.window.total();
    }

    /**
     * Compares the version's window now.
     *
     * @throws IllegalStateException when it has no baseline or its window is empty
     */
    public WindowReport refresh(ModelVersion version) {
        Watched w = watched(version);
        if (w.window == null) {
            throw new IllegalStateException(version.name() + " version " + version.version() + " was registered without a reference"
                    + " or expectations" + (w.error == null ? "" : " that load (" + w.error + ")")
                    + "; register it with kiln models register --reference DATA [--expectations FILE]");
        }
        if (w.window.size() == 0) {
            throw new IllegalStateException(version.name() + " version " + version.version() + " has predicted nothing since the"
                    + " server started; there is no traffic to compare yet");
        }
        return compute(version, w);
    }

    private void tick() {
        for (Watched w : watched.values()) {
            if (w.window != null && w.window.size() >= settings.minWindowRows() && w.window.total() != w.comparedAt) {
                try {
                    compute(w.version, w);
                } catch (RuntimeException e) {
                    LOG.warn("cannot compare the traffic of {} version {} with its reference: {}", w.version.name(),
                            w.version.version(), e.toString());
                }
            }
        }
    }

    private WindowReport compute(ModelVersion version, Watched w) {
        synchronized (w) {
            long total = w.window.total();
            Frame current = w.window.snapshot();
            Map<String, String> skipped = new LinkedHashMap<>();
            DatasetDrift d = null;
            Frame reference = w.baseline.reference();
            if (reference != null) {
                reference = withPredictions(version, w, reference);
                List<String> columns = new ArrayList<>();
                for (String name : reference.names()) {
                    if (!current.hasColumn(name)) {
                        continue;
                    }
                    Column r = reference.column(name);
                    Column c = current.column(name);
                    if (r.type() == ColumnType.TEXT) {
                        skipped.put(name, "free text (compare embeddings of it instead)");
                    } else if (r.missingCount() == r.size() || c.missingCount() == c.size()) {
                        skipped.put(name, "no values in the " + (r.missingCount() == r.size() ? "reference" : "window"));
                    } else {
                        columns.add(name);
                    }
                }
                d = columns.isEmpty() ? null : drift.compare(reference, current, columns, Progress.none());
            }
            ValidationResult v = w.windowSuite == null ? null : w.windowSuite.validate(current, Detail.SUMMARY);
            WindowReport report = new WindowReport(version.name(), version.version(), Instant.now(), current.rowCount(), total,
                    reference == null ? 0 : reference.rowCount(), d, skipped, v);
            publish(version, report);
            w.latest = report;
            w.comparedAt = total;
            return report;
        }
    }

    /** The reference with the model's predictions for it, computed once per version. */
    private Frame withPredictions(ModelVersion version, Watched w, Frame reference) {
        if (w.referenceWithPredictions == null) {
            Frame withPredictions = reference;
            if (!reference.hasColumn(LiveWindow.PREDICTION)) {
                try {
                    withPredictions = reference.withColumn(PredictionColumn.of(models.apply(version).predict(reference)));
                } catch (RuntimeException e) {
                    LOG.warn("cannot predict the reference sample of {} version {}; prediction drift is left out: {}",
                            version.name(), version.version(), e.toString());
                }
            }
            w.referenceWithPredictions = withPredictions;
        }
        return w.referenceWithPredictions;
    }

    private void publish(ModelVersion version, WindowReport report) {
        String model = version.name();
        String number = Integer.toString(version.version());
        set("kiln.drift.computed.timestamp", "When the version's window was last compared with its reference, in seconds since"
                + " the epoch", report.computedAt().toEpochMilli() / 1000.0, "model", model, "version", number);
        set("kiln.drift.window.rows", "The rows of recent traffic last compared with the reference", report.windowRows(),
                "model", model, "version", number);
        DatasetDrift d = report.drift();
        if (d != null) {
            set("kiln.dataset.drift", "1 when the share of drifted columns reached the drift share, else 0",
                    d.datasetDrift() ? 1 : 0, "model", model, "version", number);
            set("kiln.drift.share", "The share of compared columns that drifted", d.driftShare(), "model", model, "version", number);
            for (ColumnDrift c : d.columns()) {
                set("kiln.drift.score", "Drift score per column as Evidently gives it: the p-value of a statistical test, or the"
                        + " distance", c.method().isTest() ? c.pValue() : c.statistic(),
                        "model", model, "version", number, "column", c.column(), "method", c.method().label());
                set("kiln.drift.detected", "1 when the column drifted, else 0", c.drift() ? 1 : 0,
                        "model", model, "version", number, "column", c.column());
            }
        }
        if (report.expectations() != null) {
            long failing = report.expectations().results().stream().filter(r -> !r.success()).count();
            set("kiln.window.expectations.failing", "Expectations the window of recent traffic fails", failing,
                    "model", model, "version", number);
        }
    }

    private void set(String name, String description, double value, String... tags) {
        String key = name + String.join("\u0000", tags);
        double[] holder = gauges.computeIfAbsent(key, k -> {
            double[] h = {Double.NaN};
            Gauge.builder(name, h, a -> a[0]).description(description).tags(tags).strongReference(true).register(meters);
            return h;
        });
        holder[0] = value;
    }

    private Watched watched(ModelVersion version) {
        return watched.computeIfAbsent(version.name() + "/" + version.version(), k -> load(version));
    }

    private Watched load(ModelVersion version) {
        try {
            return new Watched(version, Baseline.of(version), null, settings.windowRows());
        } catch (RuntimeException e) {
            LOG.error("the monitoring baseline of {} version {} does not load; its traffic is not checked: {}", version.name(),
                    version.version(), e.getMessage());
            return new Watched(version, Baseline.NONE, e.getMessage(), settings.windowRows());
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    /** One version's baseline, window and latest report. */
    private static final class Watched {
        final ModelVersion version;
        final Baseline baseline;
        final String error;
        final RequestCheck check;
        final ExpectationSuite windowSuite;
        final LiveWindow window;
        volatile WindowReport latest;
        volatile long comparedAt = -1;
        Frame referenceWithPredictions;

        Watched(ModelVersion version, Baseline baseline, String error, int windowRows) {
            this.version = version;
            this.baseline = baseline;
            this.error = error;
            var schema = version.manifest().inputSchema();
            ExpectationSuite suite = baseline.expectations();
            this.check = suite == null || schema == null ? null : new RequestCheck(suite, schema);
            this.windowSuite = suite == null || schema == null ? null : windowPart(suite, schema.names());
            boolean watch = schema != null && (baseline.reference() != null || windowSuite != null);
            this.window = watch ? new LiveWindow(schema, windowRows) : null;
        }

        /**
         * The expectations a window of traffic can meet: those about the columns the model reads,
         * without row counts, uniqueness (a window repeats values by design), types and the
         * column set (the input schema enforces both).
         */
        private static ExpectationSuite windowPart(ExpectationSuite suite, List<String> inputs) {
            List<Expectation> kept = suite.expectations().stream()
                    .filter(e -> e.column() != null && inputs.contains(e.column()))
                    .filter(e -> !(e instanceof Expectation.Unique || e instanceof Expectation.HasType))
                    .toList();
            return kept.isEmpty() ? null : new ExpectationSuite(suite.name(), kept);
        }
    }
}
