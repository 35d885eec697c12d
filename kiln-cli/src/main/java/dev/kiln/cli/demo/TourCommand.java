package dev.kiln.cli.demo;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.KilnVersion;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.FrameDescription;
import dev.kiln.core.frame.FrameFingerprint;
import dev.kiln.core.io.CsvOptions;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.SingularValueDecomposition;
import dev.kiln.core.metrics.RegressionReport;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.core.modelfile.Provenance;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.random.Rng;
import dev.kiln.core.frame.Column;
import dev.kiln.core.model.Model;
import dev.kiln.learn.catalog.DefaultPipeline;
import dev.kiln.learn.cluster.AgglomerativeClustering;
import dev.kiln.learn.cluster.KMeans;
import dev.kiln.learn.cluster.KMeansModel;
import dev.kiln.learn.preprocess.scale.StandardScaler;
import dev.kiln.learn.quality.ClusterMetrics;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.selection.CrossValidation;
import dev.kiln.learn.selection.CrossValidationResult;
import dev.kiln.learn.selection.Scoring;
import dev.kiln.learn.selection.StratifiedKFold;
import dev.kiln.learn.selection.Task;
import dev.kiln.learn.selection.TrainTestSplit;
import dev.kiln.learn.linear.LinearRegressionModel;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln demo tour}: a short tour of what Kiln does today, on data bundled with it — reading
 * and describing a table, the SIMD matrix kernels, PCA by SVD, least squares, metrics, a model
 * saved to disk and loaded back, a classifier behind the default preprocessing, and clustering.
 */
@Command(name = "tour", description = "A short tour of Kiln's library on bundled data sets: tables, kernels, PCA, least squares, model files, a classifier, clustering.")
public final class TourCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to save the demo model (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("kiln-demo", "tour-model");

    @Option(names = "--seed", description = "Seed of the train/test split (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--json", description = "Print the tour's figures as one JSON object instead of the tour.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("kiln_version", KilnVersion.current());
        say(w, "Kiln " + KilnVersion.current() + " — a short tour of what it does today, on bundled data.\n");

        Frame penguins = bundled("penguins.csv");
        FrameDescription description = penguins.describe();
        figures.put("penguins", Map.of("rows", penguins.rowCount(), "columns", penguins.columnCount(),
                "missing_values", penguins.columns().stream().mapToInt(c -> c.missingCount()).sum()));
        say(w, "1. Reading data: penguins.csv, " + penguins.rowCount() + " birds, types inferred from the file.");
        say(w, indent(description.toString()));

        double gflops = measureGemm(1024);
        figures.put("kernels", Blas.implementation());
        figures.put("dgemm_1024_gflops", gflops);
        say(w, String.format(Locale.ROOT, "2. Linear algebra: %s.%n   A 1024×1024 double matrix product runs at %.0f GFLOP/s on %d thread%s here.%n",
                Blas.implementation(), gflops, Parallelism.threads(), Parallelism.threads() == 1 ? "" : "s"));

        Frame iris = bundled("iris.csv");
        Frame irisMeasurements = iris.select(iris.names().subList(0, 4));
        double[] ratio = pcaExplainedVarianceRatio(irisMeasurements.toMatrix());
        figures.put("iris_pca_explained_variance_ratio", ratio);
        say(w, "3. PCA by SVD: the share of variance each principal component of the standardised iris measurements explains:");
        Table pca = Table.withHeader("component", "explained variance");
        for (int i = 0; i < ratio.length; i++) {
            pca.row("PC" + (i + 1), String.format(Locale.ROOT, "%.2f%%", 100 * ratio[i]));
        }
        say(w, indent(pca.toString()));

        Frame diabetes = bundled("diabetes.csv");
        Frame.Split split = diabetes.split(0.3, seed);
        long t0 = System.nanoTime();
        LinearRegressionModel model = new LinearRegression().fit(split.train(), "target");
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        double[] actual = split.test().column("target").toDoubles();
        double[] predicted = model.predict(split.test().drop("target")).values();
        RegressionReport report = RegressionReport.of(actual, predicted);
        figures.put("diabetes_ols", Map.of("train_rows", split.train().rowCount(), "test_rows", split.test().rowCount(),
                "metrics", report.toMap(), "timings", Map.of("fit_seconds", fitSeconds)));
        say(w, "4. Least squares (Householder QR) on diabetes: " + split.train().rowCount() + " patients to fit, "
                + split.test().rowCount() + " held out (seed " + seed + "). Test metrics:");
        Table metrics = Table.withHeader("metric", "value");
        report.toMap().forEach((k, v) -> metrics.row(k, v));
        say(w, indent(metrics.toString()));

        ModelInfo info = new ModelInfo("regression", "target", report.toMap(),
                new Provenance(FrameFingerprint.of(split.train()), split.train().rowCount(), "diabetes.csv (bundled)", seed, Map.of()))
                .withFeatureRangesOf(split.train().drop("target"));
        ModelFile.save(model, out, info);
        LinearRegressionModel loaded = ModelFile.load(out, LinearRegressionModel.class);
        boolean identical = Arrays.equals(loaded.predict(split.test()).values(), predicted);
        figures.put("model_file", Map.of("path", out.toAbsolutePath().toString(), "reloaded_predictions_identical", identical));
        say(w, "5. Model file: saved to " + out + "/ (manifest.json + weights.safetensors), loaded back; "
                + "predictions " + (identical ? "identical." : "DIFFER — please report this."));
        say(w, "   The manifest records the hyperparameters, input schema, test metrics and a fingerprint of the training data.\n");

        classification(w, penguins, figures);
        clustering(w, irisMeasurements, iris.column("target_name"), figures);

        say(w, "Next: ./kiln train --data FILE --target COL --model NAME    ./kiln models    ./kiln --help    docs/ for the user guide.");
        if (json) {
            JsonOutput.print(w, figures);
        }
        return identical ? 0 : 3;
    }

    /** Section 6: a random forest on penguins behind the default preprocessing, cross-validated and scored on held-out birds. */
    private void classification(PrintWriter w, Frame penguins, Map<String, Object> figures) {
        ModelSpec forest = ModelCatalog.find("random-forest");
        Frame features = penguins.drop("species");
        Column species = penguins.column("species");
        Map<String, String> params = Map.of("seed", Long.toString(seed));
        var estimator = DefaultPipeline.build(forest, Task.CLASSIFICATION, params, features);
        CrossValidationResult cv = CrossValidation.run(estimator, features, species, new StratifiedKFold(5, true, seed));
        TrainTestSplit split = TrainTestSplit.stratified(species, 0.3, seed);
        long t0 = System.nanoTime();
        Model<?> model = estimator.fit(split.train(features), species.take(split.train()));
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> test = Scoring.score(model, split.test(features), species.take(split.test()));
        figures.put("penguins_random_forest", Map.of("cv_accuracy_mean", cv.mean("accuracy"), "cv_accuracy_std", cv.std("accuracy"),
                "test_accuracy", test.get("accuracy"), "timings", Map.of("fit_seconds", fitSeconds)));
        say(w, String.format(Locale.ROOT, "6. Classification: a random forest tells the %d penguin species apart from island, bill, "
                        + "flipper, mass and sex — the categorical columns one-hot encoded and the missing values imputed inside the "
                        + "pipeline, fitted on training rows only.%n   5-fold cross-validated accuracy %.3f ± %.3f; on %d held-out "
                        + "birds %.3f (fitted in %.2f s).%n",
                ((dev.kiln.core.frame.CategoricalColumn) species).levels().size(), cv.mean("accuracy"), cv.std("accuracy"),
                split.test().length, test.get("accuracy"), fitSeconds));
    }

    /** Section 7: k-means and Ward on the standardised iris measurements, compared with the species they never saw. */
    private void clustering(PrintWriter w, Frame measurements, Column speciesNames, Map<String, Object> figures) {
        Frame features = new StandardScaler().fit(measurements, null).transform(measurements);
        int[] species = ClassTarget.of(speciesNames, measurements.rowCount(), speciesNames.name()).codes();
        long t0 = System.nanoTime();
        KMeansModel kmeans = new KMeans(KMeans.Params.defaults().withClusters(3).withSeed(seed)).fit(features);
        double kmeansSeconds = (System.nanoTime() - t0) / 1e9;
        int[] ward = new AgglomerativeClustering(AgglomerativeClustering.Params.defaults().withClusters(3)).fit(features).labels();
        Matrix x = features.toMatrix();
        Table t = Table.withHeader("clustering", "adjusted Rand index", "silhouette");
        Map<String, Object> found = new LinkedHashMap<>();
        for (var e : Map.of("k-means", kmeans.labels(), "Ward", ward).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER)).toList()) {
            double ari = ClusterMetrics.adjustedRand(species, e.getValue());
            double silhouette = ClusterMetrics.silhouette(x, e.getValue());
            t.row(e.getKey(), String.format(Locale.ROOT, "%.3f", ari), String.format(Locale.ROOT, "%.3f", silhouette));
            found.put(e.getKey().toLowerCase(Locale.ROOT), Map.of("ari", ari, "silhouette", silhouette));
        }
        found.put("timings", Map.of("kmeans_fit_seconds", kmeansSeconds));
        figures.put("iris_clustering", found);
        say(w, String.format(Locale.ROOT, "7. Clustering: k-means (k-means++, 10 restarts, %.3f s) and Ward's hierarchical clustering "
                + "group the standardised iris flowers into 3 clusters without seeing the species; the adjusted Rand index says how "
                + "well the clusters match them (1 = exactly, 0 = chance):", kmeansSeconds));
        say(w, indent(t.toString()));
    }

    private void say(PrintWriter w, String text) {
        if (!json) {
            w.println(text);
            w.flush();
        }
    }

    private static String indent(String block) {
        return block.lines().map(l -> "   " + l).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }

    static Frame bundled(String name) throws java.io.IOException {
        try (Reader r = new InputStreamReader(TourCommand.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            return CsvReader.read(r, name, CsvOptions.defaults());
        }
    }

    /** GFLOP/s of an n×n product: the best of five, after half a second of smaller products warms the kernels up. */
    static double measureGemm(int n) {
        Rng rng = Rng.seeded(1);
        double[] a = Matrix.gaussian(n, n, rng).storage();
        double[] b = Matrix.gaussian(n, n, rng).storage();
        double[] c = new double[n * n];
        long warmUntil = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warmUntil) {
            Blas.dgemm(false, false, 256, 256, 256, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            Blas.dgemm(false, false, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
            best = Math.min(best, System.nanoTime() - t);
        }
        return 2.0 * n * n * n / best;
    }

    /** PCA of the standardised columns of x: each component's share of the total variance, from the singular values. */
    static double[] pcaExplainedVarianceRatio(Matrix x) {
        int n = x.rows();
        int p = x.cols();
        Matrix z = x.copy();
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x.get(i, j);
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (x.get(i, j) - mean) * (x.get(i, j) - mean);
            }
            double sd = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) {
                z.set(i, j, (x.get(i, j) - mean) / sd);
            }
        }
        double[] s = SingularValueDecomposition.of(z).singularValues().toArray();
        double total = Arrays.stream(s).map(v -> v * v).sum();
        return Arrays.stream(s).map(v -> v * v / total).toArray();
    }
}
