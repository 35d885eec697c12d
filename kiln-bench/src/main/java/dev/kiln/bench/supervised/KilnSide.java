package dev.kiln.bench.supervised;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.model.Model;
import dev.kiln.learn.catalog.DefaultPipeline;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.selection.Scoring;
import dev.kiln.learn.selection.Task;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Kiln's side of one row of the supervised comparison, timed in a JVM of its own (as JMH forks
 * one per benchmark): after a whole run of other models in one JVM, the JIT's profiles of shared
 * code (tree growers, losses, the worker pool) describe those models, and a later model ran up to
 * 1.6× slower than it does in the fresh JVM of a {@code kiln train} command.
 */
final class KilnSide {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPEAT = SupervisedComparison.REPEAT;
    /**
     * Warm-up for the JIT before timing: fits for three seconds (a fresh JVM compiles its hot loops in the
     * background, on the same two cores), at least {@link #MIN_WARM_UP_RUNS}
     * and at most {@link #MAX_WARM_UP_RUNS} of them. Small data sets need hundreds of fits
     * before the compiled code runs; a fixed small count timed the interpreter on iris.
     */
    private static final int MIN_WARM_UP_RUNS = 3;
    private static final int MAX_WARM_UP_RUNS = 500;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private KilnSide() {
    }

    /** Kiln's test score and best fit and predict seconds. */
    record Timing(double score, double fitSeconds, double predictSeconds) {
    }

    /** Runs {@link #time} in a child JVM with this JVM's flags and class path. */
    static Timing inFreshJvm(BenchData d, ModelSpec spec) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Dkiln.progress=off");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KilnSide.class.getName()));
        command.addAll(List.of(d.name(), d.csv().toString(), d.target(), String.join(",", d.drop()),
                Boolean.toString(d.numericOnly()), d.task().label(), d.split().toString(), spec.name()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException("Kiln's side of " + spec.name() + " on " + d.name() + " failed (exit " + p.exitValue() + ")");
        }
        JsonNode r = JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
        return new Timing(r.path("score").asDouble(), r.path("fit_seconds").asDouble(), r.path("predict_seconds").asDouble());
    }

    /**
     * Fits and predicts after three seconds of warm-up, {@link SupervisedComparison#REPEAT} times,
     * keeping the best times; models in {@link SupervisedComparison#SEED_AVERAGED} score as the
     * mean over their seeds.
     */
    static Timing time(BenchData d, ModelSpec spec) {
        Frame all = CsvReader.read(d.csv());
        Frame x = d.features(all);
        Column y = all.column(d.target());
        int[][] split = d.rows();
        Frame trainX = x.take(split[0]);
        Column trainY = y.take(split[0]);
        Frame testX = x.take(split[1]);
        Column testY = y.take(split[1]);
        String metric = Scoring.defaultMetric(d.task());
        double bestFit = Double.MAX_VALUE;
        double bestPredict = Double.MAX_VALUE;
        double score = Double.NaN;
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        for (int w = 0; w < MAX_WARM_UP_RUNS && (w < MIN_WARM_UP_RUNS || System.nanoTime() < warmUntil); w++) {
            DefaultPipeline.build(spec, d.task(), seed(spec), trainX).fit(trainX, trainY).predict(testX);
        }
        for (int r = 0; r < REPEAT; r++) {
            var estimator = DefaultPipeline.build(spec, d.task(), seed(spec), trainX);
            long t0 = System.nanoTime();
            Model<?> model = estimator.fit(trainX, trainY);
            long t1 = System.nanoTime();
            var prediction = model.predict(testX);
            long t2 = System.nanoTime();
            bestFit = Math.min(bestFit, (t1 - t0) / 1e9);
            bestPredict = Math.min(bestPredict, (t2 - t1) / 1e9);
            score = Scoring.score(model, testX, testY).get(metric);
            if (prediction.size() != testX.rowCount()) {
                throw new IllegalStateException(spec.name() + " predicted " + prediction.size() + " rows of " + testX.rowCount());
            }
        }
        if (SupervisedComparison.SEED_AVERAGED.contains(spec.name())) {
            double sum = 0;
            for (int seed = 0; seed < SupervisedComparison.SEEDS; seed++) {
                Model<?> model = DefaultPipeline.build(spec, d.task(), Map.of("seed", Integer.toString(seed)), trainX).fit(trainX, trainY);
                sum += Scoring.score(model, testX, testY).get(metric);
            }
            score = sum / SupervisedComparison.SEEDS;
        }
        return new Timing(score, bestFit, bestPredict);
    }

    /** Models with a seed use 0, as the scikit-learn side uses random_state=0. */
    private static Map<String, String> seed(ModelSpec spec) {
        return spec.params().stream().anyMatch(p -> p.name().equals("seed")) ? Map.of("seed", "0") : Map.of();
    }

    /** Arguments: name, csv, target, dropped columns (comma-separated), numeric-only, task, split file, model. */
    public static void main(String[] args) throws IOException {
        List<String> drop = args[3].isEmpty() ? List.of() : Arrays.asList(args[3].split(","));
        BenchData d = new BenchData(args[0], Path.of(args[1]), args[2], drop, Boolean.parseBoolean(args[4]),
                Task.fromLabel(args[5]), Path.of(args[6]));
        Timing t = time(d, ModelCatalog.find(args[7]));
        var node = JSON.createObjectNode();
        node.put("score", t.score());
        node.put("fit_seconds", t.fitSeconds());
        node.put("predict_seconds", t.predictSeconds());
        System.out.println(JSON.writeValueAsString(node));
    }
}
