package dev.kiln.serve.monitor;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.random.Rng;
import dev.kiln.monitor.expect.ExpectationInference;
import dev.kiln.monitor.expect.ExpectationSuite;
import dev.kiln.monitor.expect.SuiteFile;
import dev.kiln.monitor.profile.DataProfile;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares the files of a {@link Baseline} for registration: the reference sample, at most
 * {@link #MAX_REFERENCE_ROWS} rows of the training data's input columns drawn without
 * replacement (seed 0, so registering twice keeps the same rows), and the expectations — the
 * file given, checked and rewritten as YAML, or inferred from the profile of the whole training
 * input when none is given ({@link ExpectationInference}).
 */
public final class BaselineFiles {
    /** The most rows a reference sample keeps. */
    public static final int MAX_REFERENCE_ROWS = 5000;

    private BaselineFiles() {
    }

    /**
     * Writes the baseline files into {@code directory} and returns them by attachment name.
     *
     * @param inputs       the model's input schema
     * @param trainingData the training data (CSV, TSV or JSON lines) holding every input column, or null
     * @param expectations an expectations file (YAML or JSON), or null
     * @throws IllegalArgumentException when the training data lacks an input column (naming those it lacks)
     * @throws dev.kiln.core.io.DataFormatException for a file that does not parse, naming the place
     */
    public static Map<String, Path> write(Schema inputs, Path trainingData, Path expectations, Path directory) {
        Map<String, Path> out = new LinkedHashMap<>();
        ExpectationSuite suite = expectations == null ? null : SuiteFile.read(expectations);
        if (trainingData != null) {
            Frame inferred = TabularFile.read(trainingData);
            List<String> missing = new ArrayList<>(inputs.names());
            missing.removeAll(inferred.names());
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(trainingData + " lacks the model's input columns " + missing + "; the model reads "
                        + inputs.names());
            }
            Frame input = inputs.fields().stream().allMatch(f -> inferred.column(f.name()).type() == f.type())
                    ? inferred.select(inputs.names())
                    : TabularFile.read(trainingData, Baseline.types(inputs)).select(inputs.names());   // read as the model reads them
            Path reference = directory.resolve(Baseline.REFERENCE);
            CsvWriter.write(sample(input), reference);
            out.put(Baseline.REFERENCE, reference);
            if (suite == null) {
                suite = ExpectationInference.from(DataProfile.of(input, trainingData.getFileName().toString()),
                        trainingData.getFileName().toString());
            }
        }
        if (suite != null) {
            Path file = directory.resolve(Baseline.EXPECTATIONS);
            SuiteFile.write(suite, file);
            out.put(Baseline.EXPECTATIONS, file);
        }
        return out;
    }

    /**
     * Registers the saved model at {@code model} as the next version of {@code name} with its
     * baseline (none when both {@code trainingData} and {@code expectations} are null).
     *
     * @throws IllegalArgumentException also when a baseline is asked for and the model records no input schema
     */
    public static ModelVersion register(ModelRegistry registry, String name, Path model, String description, Path trainingData,
                                        Path expectations) {
        if (trainingData == null && expectations == null) {
            return registry.register(name, model, description);
        }
        Schema inputs = ModelFile.readManifest(model).inputSchema();
        if (inputs == null) {
            throw new IllegalArgumentException(model + " records no input columns, so there is nothing to check or compare; register"
                    + " it without --reference and --expectations");
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("kiln-baseline-");
            return registry.register(name, model, description, write(inputs, trainingData, expectations, directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the baseline of " + model + ": " + e.getMessage(), e);
        } finally {
            if (directory != null) {
                try (var files = Files.list(directory)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(directory);
                } catch (IOException ignored) {
                    // a temporary directory left behind is harmless
                }
            }
        }
    }

    private static Frame sample(Frame input) {
        if (input.rowCount() <= MAX_REFERENCE_ROWS) {
            return input;
        }
        int[] rows = Rng.seeded(0).sampleWithoutReplacement(input.rowCount(), MAX_REFERENCE_ROWS);
        Arrays.sort(rows);
        return input.take(rows);
    }
}
