package dev.kiln.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.ExitCodes;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln experiments status ID}: the variants' counts, the comparisons and the verdict; exits 0 whatever the verdict. */
@Command(name = "status", description = "Show an experiment: per-variant counts, comparisons with the control, sample-ratio check and verdict.")
public final class ExperimentsStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentsClient client;

    @Parameters(index = "0", paramLabel = "ID", description = "The experiment.")
    String id;

    @Option(names = "--json", description = "Print the server's answer as one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        try {
            print(spec.commandLine().getOut(), client.get("/api/experiments/" + id).json(), json);
            return ExitCodes.OK;
        } catch (ExperimentsClient.Failure f) {
            return f.report(spec.commandLine().getErr());
        }
    }

    /** An experiment's status as tables, or as the JSON object itself. */
    static void print(PrintWriter out, JsonNode s, boolean json) {
        if (json) {
            out.println(s.toPrettyString());
            out.flush();
            return;
        }
        out.printf("experiment %s on model %s: %s%n", s.path("id").asText(), s.path("model").asText(), s.path("state").asText());
        if (s.path("rollback_reason").isTextual()) {
            out.printf("rolled back: %s%n", s.path("rollback_reason").asText());
        }
        if (s.path("promoted_variant").isTextual()) {
            out.printf("promoted: %s%n", s.path("promoted_variant").asText());
        }
        JsonNode verdict = s.path("verdict");
        out.printf("verdict: %s%s — %s%n", verdict.path("decision").asText(),
                verdict.path("winner").isTextual() ? " (" + verdict.path("winner").asText() + ")" : "", verdict.path("reason").asText());
        out.println();
        Table t = Table.withHeader("variant", "role", "version", "share", "requests", "errors", "p95_ms", "outcomes", "conversion",
                "mean_value", "accuracy", "agreement");
        for (JsonNode v : s.path("variants")) {
            boolean shadow = v.path("role").asText().equals("shadow");
            t.row(v.path("name").asText(), v.path("role").asText(), v.path("version").asText(), percent(v.path("traffic_share")),
                    v.path("requests").asLong(), v.path("errors").asLong(), number(v.path("latency_ms").path("p95")),
                    shadow ? "" : v.path("outcomes").asLong(), shadow ? "" : number(v.path("conversion_rate")),
                    shadow ? "" : number(v.path("value").path("mean")), shadow ? "" : number(v.path("accuracy").path("rate")),
                    shadow ? number(v.path("agreement").path("rate")) : "");
        }
        out.print(t);
        if (!s.path("comparisons").isEmpty()) {
            out.println();
            Table c = Table.withHeader("treatment", "vs", "lift", "difference", "ci_low", "ci_high", "p_fixed", "p_always_valid", "significant");
            for (JsonNode cmp : s.path("comparisons")) {
                JsonNode fixed = cmp.path("fixed_horizon");
                JsonNode seq = cmp.path("sequential");
                c.row(cmp.path("treatment").asText(), cmp.path("control").asText(), percent(cmp.path("relative_lift")),
                        number(cmp.path("difference")), number(fixed.path("ci_lower")), number(fixed.path("ci_upper")),
                        number(fixed.path("p_value")), number(seq.path("p_value")), seq.path("significant").asBoolean() ? "yes" : "no");
            }
            out.print(c);
        }
        out.println();
        JsonNode srm = s.path("sample_ratio");
        if (srm.isObject()) {
            out.printf("sample ratio: %s (chi-squared p = %s)%n", srm.path("mismatch").asBoolean() ? "MISMATCH" : "ok",
                    number(srm.path("p_value")));
        }
        JsonNode power = s.path("power");
        out.printf("plan: %s units per arm to detect a %s lift at alpha %s with power %s; smallest arm %d (%s)%n",
                power.path("units_per_arm").isNumber() ? power.path("units_per_arm").asText() : "(not yet known)",
                percent(power.path("minimum_detectable_effect")), number(power.path("alpha")), number(power.path("power")),
                power.path("smallest_arm").asLong(), percent(power.path("progress")));
        JsonNode canary = s.path("canary");
        if (canary.isObject()) {
            out.printf("canary: %s at step %d of %d (%s of traffic), %d of %d requests at this step%s%n", canary.path("variant").asText(),
                    canary.path("step").asInt(), canary.path("steps").size(), Table.number(canary.path("percent").asDouble()) + "%",
                    canary.path("requests_at_step").asLong(), canary.path("step_requests").asLong(),
                    canary.path("rolled_back").asBoolean() ? ", rolled back" : canary.path("completed").asBoolean() ? ", complete" : "");
        }
        out.flush();
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? Table.number(n.asDouble()) : "";
    }

    private static String percent(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f%%", 100 * n.asDouble()) : "";
    }
}
