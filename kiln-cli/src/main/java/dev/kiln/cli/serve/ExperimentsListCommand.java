package dev.kiln.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.ExitCodes;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln experiments list}: every experiment on the server with its state and verdict. */
@Command(name = "list", description = "List the server's experiments with their state and verdict.")
public final class ExperimentsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentsClient client;

    @Option(names = "--json", description = "Print the server's answer as one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            JsonNode list = client.get("/api/experiments").json();
            if (json) {
                out.println(list.toPrettyString());
                return ExitCodes.OK;
            }
            if (list.path("experiments").isEmpty()) {
                out.println("no experiments on " + client.base() + " yet; start one with: kiln experiments create --file SPEC.json");
                return ExitCodes.OK;
            }
            Table t = Table.withHeader("id", "model", "state", "variants", "decision", "winner");
            for (JsonNode e : list.path("experiments")) {
                t.row(e.path("id").asText(), e.path("model").asText(), e.path("state").asText(),
                        String.join(",", names(e)),
                        e.path("verdict").path("decision").asText(), e.path("verdict").path("winner").asText(""));
            }
            out.print(t);
            return ExitCodes.OK;
        } catch (ExperimentsClient.Failure f) {
            return f.report(spec.commandLine().getErr());
        } finally {
            out.flush();
        }
    }

    private static java.util.List<String> names(JsonNode e) {
        java.util.List<String> out = new java.util.ArrayList<>();
        e.path("variants").forEach(v -> out.add(v.asText()));
        return out;
    }
}
