package dev.kiln.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln experiments promote ID [--variant V]}: points champion at the variant (default the winner) and ends the experiment. */
@Command(name = "promote", description = {"Point the model's champion alias at a variant's version and end the experiment.",
    "Without --variant the verdict's winner is promoted; with no winner the server refuses (exit 1)."})
public final class ExperimentsPromoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentsClient client;

    @Parameters(index = "0", paramLabel = "ID", description = "The experiment.")
    String id;

    @Option(names = "--variant", paramLabel = "V", description = "The variant to promote (default: the verdict's winner).")
    String variant;

    @Option(names = "--json", description = "Print the server's answer as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode body = ExperimentsClient.JSON.createObjectNode();
        if (variant != null) {
            body.put("variant", variant);
        }
        try {
            JsonNode p = client.post("/api/experiments/" + id + "/promote", body.toString()).json();
            if (json) {
                out.println(p.toPrettyString());
            } else {
                out.printf("experiment %s: promoted %s; %s %s -> version %d%s%n", id, p.path("variant").asText(), p.path("model").asText(),
                        p.path("alias").asText(), p.path("version").asInt(),
                        p.path("previous_version").isNumber() ? " (was version " + p.path("previous_version").asInt() + ")" : "");
            }
            out.flush();
            return ExitCodes.OK;
        } catch (ExperimentsClient.Failure f) {
            return f.report(spec.commandLine().getErr());
        }
    }
}
