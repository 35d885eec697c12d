package dev.kiln.bench.supervised;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bench.MachineDescription;
import dev.kiln.bench.ResultSections;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.selection.Scoring;
import dev.kiln.learn.selection.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every model of the catalog on every data set it fits, Kiln and scikit-learn side by side in
 * one run: the same rows (a shared split file), the same default preprocessing, default
 * hyperparameters, two threads each. Writes {@code kiln-bench/results/parity.md} (test
 * accuracy / R² and their difference) and {@code kiln-bench/results/supervised.md} (fit and
 * predict times, the best of five runs each; Kiln's in a fresh JVM per row ({@link KilnSide}), after three seconds of
 * warm-up runs, at least three, for its JIT).
 *
 * <p>Arguments: model names to restrict the run to (default: all). System property
 * {@code kiln.bench.python} picks the Python (default /usr/bin/python3).
 */
public final class SupervisedComparison {
    static final int REPEAT = 5;

    /**
     * Models whose single-seed score swings by more than the parity margin with the order they
     * visit the rows in (the two sides' shuffles differ): their parity scores are the means over
     * seeds 0 … {@link #SEEDS} − 1 on both sides. Timings use seed 0.
     */
    static final java.util.Set<String> SEED_AVERAGED = java.util.Set.of("perceptron", "sgd-regressor");
    static final int SEEDS = 100;

    private SupervisedComparison() {
    }

    /** One model on one data set, both sides. */
    record Row(String data, String model, String metric, double kilnScore, double sklearnScore, double kilnFit,
               double sklearnFit, double kilnPredict, double sklearnPredict, int trainRows, int testRows) {
    }

    public static void main(String[] args) throws Exception {
        List<String> only = List.of(args);
        Path generated = Files.createTempDirectory("kiln-bench-data");
        List<Row> rows = new ArrayList<>();
        String versions;
        try (SklearnSide sklearn = new SklearnSide(System.getProperty("kiln.bench.python", "/usr/bin/python3"))) {
            versions = sklearn.version();
            ObjectNode gen = SklearnSide.request();
            gen.put("generate", generated.toString());
            sklearn.ask(gen);
            List<BenchData> datasets = new ArrayList<>(BenchData.parity());
            datasets.add(BenchData.generated("letters-20k", generated.resolve("letters.csv"), "letter", Task.CLASSIFICATION));
            datasets.add(BenchData.generated("friedman-20k", generated.resolve("friedman.csv"), "y", Task.REGRESSION));
            for (BenchData d : datasets) {
                int[][] split = d.rows();
                for (ModelSpec spec : ModelCatalog.all()) {
                    if (spec.input() != ModelSpec.Input.TABLE || !spec.tasks().contains(d.task())
                            || (!only.isEmpty() && !only.contains(spec.name()))) {
                        continue;
                    }
                    System.err.printf("%s on %s…%n", spec.name(), d.name());
                    rows.add(compare(sklearn, d, spec, split));
                }
            }
        }
        Files.createDirectories(Path.of("kiln-bench/results"));
        String command = "./kiln bench supervised" + (only.isEmpty() ? "" : " " + String.join(" ", only));
        ResultSections.write(Path.of("kiln-bench/results/parity.md"), "Parity with scikit-learn", "supervised",
                Reports.parity(rows, versions, command));
        Files.writeString(Path.of("kiln-bench/results/supervised.md"), Reports.timings(rows, versions, command));
        System.out.println(Reports.parity(rows, versions, command));
        System.out.println(Reports.timings(rows, versions, command));
    }

    private static Row compare(SklearnSide sklearn, BenchData d, ModelSpec spec, int[][] split) throws IOException, InterruptedException {
        KilnSide.Timing kiln = KilnSide.inFreshJvm(d, spec);
        ObjectNode request = SklearnSide.request();
        if (SEED_AVERAGED.contains(spec.name())) {
            request.put("seeds", SEEDS);
        }
        request.put("name", d.name());
        request.put("data", d.csv().toString());
        request.put("target", d.target());
        request.putPOJO("drop", d.drop());
        request.put("numeric_only", d.numericOnly());
        request.put("split", d.split().toString());
        request.put("task", d.task().label());
        request.put("model", spec.name());
        request.put("repeat", REPEAT);
        JsonNode s = sklearn.ask(request);
        return new Row(d.name(), spec.name(), Scoring.defaultMetric(d.task()), kiln.score(), s.path("score").asDouble(), kiln.fitSeconds(),
                s.path("fit_seconds").asDouble(), kiln.predictSeconds(), s.path("predict_seconds").asDouble(), split[0].length,
                split[1].length);
    }

    /** The markdown reports. */
    static final class Reports {
        private Reports() {
        }

        static String parity(List<Row> rows, String versions, String command) {
            StringBuilder sb = new StringBuilder("## Supervised models\n\n");
            sb.append("Default hyperparameters on both sides, the same default preprocessing (median / most-frequent imputing, ")
                    .append("one-hot encoding, standard scaling for models that need it), the same 70/30 split (seed 42; stratified ")
                    .append("for classification; the split files are `kiln-learn/src/test/resources/datasets/*/split-70-30-seed42.csv`). ")
                    .append("Test accuracy for classification, R² for regression. The target: within 0.02 of scikit-learn. ")
                    .append("For " + String.join(" and ", new java.util.TreeSet<>(SEED_AVERAGED)) + ", whose single-seed score swings ")
                    .append("with the order the two sides' different shuffles visit the rows in, both columns are the mean over seeds 0–")
                    .append(SEEDS - 1 + ".\n\n");
            sb.append("| data | model | metric | Kiln | scikit-learn | Kiln − sklearn | within 0.02 |\n|---|---|---|---:|---:|---:|:---:|\n");
            for (Row r : rows) {
                double diff = r.kilnScore() - r.sklearnScore();
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %.4f | %+.4f | %s |%n", r.data(), r.model(), r.metric(),
                        r.kilnScore(), r.sklearnScore(), diff, diff >= -0.02 ? "yes" : "**no**"));
            }
            return sb.append(footer(versions, command)).toString();
        }

        static String timings(List<Row> rows, String versions, String command) {
            StringBuilder sb = new StringBuilder("# Supervised models: fit and predict time beside scikit-learn\n\n");
            sb.append("Same rows, same preprocessing, default hyperparameters, two threads on each side (Kiln's worker pool; ")
                    .append("scikit-learn's `n_jobs=2` where it has one, and 2 BLAS/OpenMP threads). Times include the preprocessing ")
                    .append("pipeline; each is the best of " + REPEAT + " runs (Kiln's in a fresh JVM per row, as JMH forks, after three seconds of "
                            + "warm-up runs, at least three, for the JIT). ")
                    .append("Speed-up = scikit-learn time / Kiln time (above 1: Kiln is faster).\n\n");
            sb.append("| data | model | train rows | Kiln fit s | sklearn fit s | fit speed-up | Kiln predict s | sklearn predict s | predict speed-up |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.2f× | %.4f | %.4f | %.2f× |%n", r.data(), r.model(),
                        r.trainRows(), r.kilnFit(), r.sklearnFit(), r.sklearnFit() / r.kilnFit(), r.kilnPredict(), r.sklearnPredict(),
                        r.sklearnPredict() / r.kilnPredict()));
            }
            return sb.append(footer(versions, command)).toString();
        }

        private static String footer(String versions, String command) {
            return "\n### Machine\n\n" + MachineDescription.markdown() + "\n- Kiln threads: " + Parallelism.threads() + "\n- " + versions
                    + " (Debian python3-sklearn)\n- Run on " + LocalDate.now() + "\n\n### Command\n\n```\n" + command + "\n```\n";
        }
    }
}
