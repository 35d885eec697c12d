package dev.kiln.serve.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import dev.kiln.serve.registry.UnknownModelException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's experiments, kept in {@code HOME/experiments/ID/} (see {@link ExperimentFiles}) and
 * restored from there on start: created from a spec checked against the registry, found by id
 * or by the model they route (at most one routes a model at a time), promoted (the registry's
 * {@code champion} alias moves to the variant's version) or stopped. Thread-safe.
 */
public final class Experiments implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Experiments.class);
    /** Requests remembered per experiment for outcomes, by default. */
    public static final int DEFAULT_REMEMBERED = 1_000_000;

    private final Path home;
    private final ModelRegistry registry;
    private final MeterRegistry meters;
    private final int remembered;
    private final Map<String, Experiment> byId = new TreeMap<>();
    private final Map<String, Experiment> byModel = new ConcurrentHashMap<>();

    /** What a promotion did: the variant, and the version the champion alias points at now and did before (0: none). */
    public record Promotion(Experiment experiment, String variant, int version, int previousVersion) {
    }

    /** The experiments under {@code home}, restored; {@code meters} may be null. */
    public Experiments(Path home, ModelRegistry registry, MeterRegistry meters, int remembered) {
        this.home = home;
        this.registry = registry;
        this.meters = meters;
        this.remembered = remembered;
        restoreAll();
    }

    public Experiments(Path home, ModelRegistry registry, MeterRegistry meters) {
        this(home, registry, meters, DEFAULT_REMEMBERED);
    }

    public Path home() {
        return home;
    }

    private void restoreAll() {
        if (!Files.isDirectory(home)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(home)) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve(ExperimentFiles.STATE))) {
                    restore(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + home, e);
        }
    }

    private void restore(Path dir) {
        ExperimentFiles files = new ExperimentFiles(dir);
        try {
            JsonNode saved = files.readState();
            ExperimentSpec spec = ExperimentSpecJson.read(saved.path("spec"));
            Instant created = saved.path("created_at").isTextual() ? Instant.parse(saved.get("created_at").asText()) : Instant.now();
            Experiment e = new Experiment(spec, files, meters, remembered, created);
            int skipped = e.restore(saved);
            byId.put(spec.id(), e);
            if (e.state().routes() && byModel.putIfAbsent(spec.model(), e) != null) {
                LOG.warn("experiment {} also routes model {}; only {} will route it", spec.id(), spec.model(),
                        byModel.get(spec.model()).spec().id());
            }
            LOG.info("experiment {} restored ({}{})", spec.id(), e.state().label(), skipped == 0 ? "" : ", " + skipped + " corrupt event lines skipped");
        } catch (IOException | RuntimeException e) {
            String why = e instanceof InvalidInputException ie ? ie.violations().toString() : e.getMessage();
            LOG.error("{}: cannot restore this experiment, skipped: {}", files.stateFile(), why);
        }
    }

    /** Creates the experiment {@code json} describes; its model and every variant's version must be in the registry. */
    public synchronized Experiment create(JsonNode json) {
        ExperimentSpec spec = ExperimentSpecJson.read(json);
        checkAgainstRegistry(spec);
        if (byId.containsKey(spec.id())) {
            throw new ExperimentConflictException("an experiment named '" + spec.id() + "' exists already (" + byId.get(spec.id()).state().label()
                    + "); choose another id");
        }
        Optional<Experiment> routing = routing(spec.model());
        if (routing.isPresent()) {
            throw new ExperimentConflictException("experiment '" + routing.get().spec().id() + "' routes model " + spec.model()
                    + " already; stop or promote it first");
        }
        ExperimentFiles files = new ExperimentFiles(home.resolve(spec.id()));
        Experiment e = new Experiment(spec, files, meters, remembered, Instant.now());
        files.saveState(e.stateJson());
        byId.put(spec.id(), e);
        byModel.put(spec.model(), e);
        LOG.info("experiment {} created on model {}: variants {}", spec.id(), spec.model(), spec.names());
        return e;
    }

    private void checkAgainstRegistry(ExperimentSpec spec) {
        if (registry.versionNumbers(spec.model()).isEmpty()) {
            throw new InvalidInputException(List.of(new Violation("/model", "no model named '" + spec.model() + "' is registered; there are "
                    + registry.names())), 0);
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < spec.variants().size(); i++) {
            try {
                registry.resolve(spec.model(), spec.variants().get(i).reference());
            } catch (UnknownModelException e) {
                violations.add(new Violation("/variants/" + i + "/version", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations, 0);
        }
    }

    public synchronized Experiment get(String id) {
        Experiment e = byId.get(id);
        if (e == null) {
            throw new UnknownExperimentException("no experiment named '" + id + "'; there are " + byId.keySet());
        }
        return e;
    }

    /** Every experiment, by id. */
    public synchronized List<Experiment> list() {
        return List.copyOf(byId.values());
    }

    /** The experiment that routes {@code model} now, if any. */
    public Optional<Experiment> routing(String model) {
        Experiment e = byModel.get(model);
        return e != null && e.state().routes() ? Optional.of(e) : Optional.empty();
    }

    /**
     * Points the model's {@code champion} alias at {@code variant}'s version (null: the verdict's
     * winner) and ends the experiment as promoted.
     *
     * @throws ExperimentConflictException when no variant is named and the verdict has no winner, or the experiment has ended
     */
    public synchronized Promotion promote(String id, String variant) {
        Experiment e = get(id);
        if (!e.state().routes()) {
            throw new ExperimentConflictException("experiment " + id + " has already ended: it is " + e.state().label());
        }
        String name = variant;
        if (name == null) {
            ExperimentAnalysis.Verdict verdict = e.verdict();
            if (verdict.winner() == null) {
                throw new ExperimentConflictException("experiment " + id + " has no winner to promote (" + verdict.decision() + ": "
                        + verdict.reason() + "); name the variant to promote");
            }
            name = verdict.winner();
        }
        ExperimentSpec.Variant v = e.spec().variant(name).orElse(null);
        if (v == null) {
            throw new InvalidInputException(List.of(new Violation("/variant", "no variant named '" + name + "'; the experiment has "
                    + e.spec().names())), 0);
        }
        if (e.spec().canary() != null && name.equals(e.spec().canary().variant()) && e.rollbackReason() != null) {
            throw new ExperimentConflictException("canary " + name + " was rolled back (" + e.rollbackReason() + "); it cannot be promoted");
        }
        ModelVersion version = registry.resolve(e.spec().model(), v.reference());
        int before = registry.promote(e.spec().model(), version.version(), ModelRegistry.CHAMPION);
        e.end(Experiment.State.PROMOTED, name);
        byModel.remove(e.spec().model(), e);
        LOG.info("experiment {}: promoted {} ({} version {}, was {}) to {}", id, name, e.spec().model(), version.version(), before,
                ModelRegistry.CHAMPION);
        return new Promotion(e, name, version.version(), before);
    }

    /** Ends the experiment without promoting anything. */
    public synchronized Experiment stop(String id) {
        Experiment e = get(id);
        e.end(Experiment.State.STOPPED, null);
        byModel.remove(e.spec().model(), e);
        LOG.info("experiment {} stopped", id);
        return e;
    }

    @Override
    public synchronized void close() {
        byId.values().forEach(Experiment::close);
    }
}
