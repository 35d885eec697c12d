package dev.kiln.serve.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.io.AtomicWrite;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An experiment's files in {@code HOME/experiments/ID/}: {@code experiment.json} (spec and state,
 * replaced atomically) and {@code events.jsonl}, an append-only log of exposures, shadow results,
 * outcomes, canary steps and rollbacks, one JSON object a line, from which the counts are rebuilt
 * on restart. A line that does not parse is skipped with a warning naming file:line.
 */
final class ExperimentFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentFiles.class);
    static final String STATE = "experiment.json";
    static final String EVENTS = "events.jsonl";

    private final Path dir;
    private BufferedWriter events;

    ExperimentFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path stateFile() {
        return dir.resolve(STATE);
    }

    Path eventsFile() {
        return dir.resolve(EVENTS);
    }

    void saveState(ObjectNode state) {
        try {
            Files.createDirectories(dir);
            AtomicWrite.text(stateFile(), ExperimentSpecJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile(), e);
        }
    }

    JsonNode readState() throws IOException {
        return ExperimentSpecJson.JSON.readTree(stateFile().toFile());
    }

    /** Appends {@code event} as one line and flushes it to the operating system. */
    void append(ObjectNode event) {
        try {
            if (events == null) {
                Files.createDirectories(dir);
                events = Files.newBufferedWriter(eventsFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            events.write(ExperimentSpecJson.JSON.writeValueAsString(event));
            events.write('\n');
            events.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + eventsFile(), e);
        }
    }

    /** Hands each event of the log to {@code apply}, in order; returns how many lines were skipped. */
    int replay(Consumer<JsonNode> apply) throws IOException {
        Path file = eventsFile();
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode event = ExperimentSpecJson.JSON.readTree(line);
                    if (event == null || !event.isObject() || !event.path("type").isTextual()) {
                        throw new IllegalArgumentException("expected a JSON object with a \"type\"");
                    }
                    apply.accept(event);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    skipped++;
                    LOG.warn("{}:{}: skipped a corrupt event line: {}", file, number,
                            e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
                }
            }
        }
        return skipped;
    }

    @Override
    public void close() {
        if (events != null) {
            try {
                events.close();
            } catch (IOException e) {
                LOG.warn("cannot close {}: {}", eventsFile(), e.getMessage());
            }
            events = null;
        }
    }
}
