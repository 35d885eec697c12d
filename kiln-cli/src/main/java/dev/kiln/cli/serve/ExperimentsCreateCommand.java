package dev.kiln.cli.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kiln.cli.ExitCodes;
import dev.kiln.serve.experiment.ExperimentSpecJson;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln experiments create --file SPEC}: checks a spec (JSON or YAML) here, then starts it on the server. */
@Command(name = "create", description = {"Start an experiment from a spec file (.json, .yaml or .yml); see docs/experiments.md.",
    "The spec is checked before it is sent: every mistake is named by its JSON pointer (exit 2)."})
public final class ExperimentsCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentsClient client;

    @Option(names = "--file", required = true, paramLabel = "SPEC", description = "The experiment spec, JSON or YAML.")
    Path file;

    @Option(names = "--json", description = "Print the server's answer as one JSON object instead of a summary.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        JsonNode node;
        try {
            node = read(file);
            ExperimentSpecJson.read(node);
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
                err.println("kiln: " + file + ": " + (v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + v.message());
            }
            return ExitCodes.BAD_INPUT;
        } catch (SpecFileException e) {
            err.println("kiln: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try {
            ExperimentsClient.Reply reply = client.post("/api/experiments", ExperimentsClient.JSON.writeValueAsString(node));
            ExperimentsStatusCommand.print(spec.commandLine().getOut(), reply.json(), json);
            return ExitCodes.OK;
        } catch (ExperimentsClient.Failure f) {
            return f.report(err);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A spec file that cannot be read as JSON or YAML. */
    static final class SpecFileException extends Exception {
        SpecFileException(String message) {
            super(message);
        }
    }

    static JsonNode read(Path file) throws SpecFileException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : ExperimentsClient.JSON;
        try {
            JsonNode node = mapper.readTree(Files.readString(file));
            if (node == null || node.isMissingNode()) {
                throw new SpecFileException(file + ": the file is empty; expected an experiment spec");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new SpecFileException(file + ": no such file");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new SpecFileException(file + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SpecFileException(file + ": " + e.getMessage());
        }
    }
}
