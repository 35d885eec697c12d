package dev.kiln.serve.http;

import dev.kiln.monitor.drift.DriftReport;
import dev.kiln.serve.monitor.Baseline;
import dev.kiln.serve.monitor.DriftWatch;
import dev.kiln.serve.monitor.WindowReport;
import dev.kiln.serve.registry.ModelVersion;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/models/NAME[/versions/V]/drift}: the latest comparison of the version's recent
 * traffic with its training reference ({@link DriftWatch}) as JSON, or as the HTML drift report
 * with {@code ?format=html}; {@code ?refresh=true} compares the window now instead of waiting for
 * the schedule. Before the first comparison the answer says how many rows have arrived.
 */
final class DriftRoute {
    private final ServedModels models;

    DriftRoute(ServedModels models) {
        this.models = models;
    }

    void report(Context ctx) {
        ModelVersion v = models.resolve(ctx);
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json");
        if (!format.equals("json") && !format.equals("html")) {
            throw new Problem.Exception(Problem.of(400, "bad-parameter", "Bad parameter", "format must be json or html, got '" + format
                    + "'"));
        }
        String refresh = ctx.queryParamAsClass("refresh", String.class).getOrDefault("false");
        if (!refresh.equals("true") && !refresh.equals("false")) {
            throw new Problem.Exception(Problem.of(400, "bad-parameter", "Bad parameter", "refresh must be true or false, got '" + refresh
                    + "'"));
        }
        DriftWatch watch = models.watch();
        String label = v.name() + " version " + v.version();
        watch.baselineError(v).ifPresent(error -> {
            throw new Problem.Exception(Problem.of(422, "bad-baseline", "Monitoring baseline does not load", label + ": " + error));
        });
        Baseline baseline = watch.baseline(v);
        if (baseline.reference() == null && baseline.expectations() == null) {
            throw new Problem.Exception(Problem.of(404, "no-baseline", "No monitoring baseline", label + " was registered without"
                    + " a reference sample or expectations; register it with kiln models register NAME MODEL --reference TRAINING_DATA"));
        }
        WindowReport report;
        if (refresh.equals("true")) {
            try {
                report = watch.refresh(v);
            } catch (IllegalStateException e) {
                throw new Problem.Exception(Problem.of(409, "no-traffic", "No traffic yet", e.getMessage()));
            }
        } else {
            report = watch.latest(v).orElse(null);
        }
        if (format.equals("html")) {
            if (report == null || report.drift() == null) {
                throw new Problem.Exception(Problem.of(409, "no-report", "No drift report yet", label + (report == null
                        ? " has not been compared with its reference yet; ask again with ?refresh=true"
                        : " has no reference sample to compare with")));
            }
            String page = new DriftReport(report.drift(), null, "the training reference (" + report.referenceRows() + " rows)",
                    label + "'s last " + report.windowRows() + " rows of traffic").toHtml();
            ctx.status(200).contentType("text/html; charset=utf-8").result(page);
            return;
        }
        if (report == null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", v.name());
            out.put("version", v.version());
            out.put("status", "collecting");
            out.put("window_rows", watch.windowRows(v));
            out.put("rows_seen", watch.rowsSeen(v));
            out.put("min_window_rows", watch.settings().minWindowRows());
            out.put("drift_interval_seconds", watch.settings().driftInterval().toSeconds());
            KilnServer.json(ctx, 200, out);
            return;
        }
        KilnServer.json(ctx, 200, report.toMap());
    }
}
