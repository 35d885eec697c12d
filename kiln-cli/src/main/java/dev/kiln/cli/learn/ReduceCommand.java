package dev.kiln.cli.learn;

import dev.kiln.learn.quality.EmbeddingMetrics;
import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.core.plot.ScatterChart;
import dev.kiln.learn.catalog.ParamSpec;
import dev.kiln.learn.catalog.ParamValues;
import dev.kiln.learn.decompose.FittedPca;
import dev.kiln.learn.decompose.Pca;
import dev.kiln.learn.manifold.Tsne;
import dev.kiln.learn.manifold.TsneResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln reduce}: a low-dimensional embedding of a table by PCA or t-SNE, written as CSV and drawn as a scatter plot. */
@Command(name = "reduce", description = {"Embed the rows of a numeric table in a few dimensions by PCA or t-SNE;",
    "write the embedding (--out) and a scatter plot (--plot, .png or .svg) coloured by a column (--color-by)."})
public final class ReduceCommand implements Callable<Integer> {
    static final List<ParamSpec> PCA = List.of(
            ParamSpec.bool("whiten", false, "scale components to unit variance"),
            ParamSpec.choice("svd_solver", "auto", "how the components are found", "auto", "full", "randomized"),
            ParamSpec.integer("seed", 0, "seed of the randomized solver"));
    static final List<ParamSpec> TSNE = List.of(
            ParamSpec.number("perplexity", 30.0, "effective number of neighbours"),
            ParamSpec.number("early_exaggeration", 12.0, "how tightly clusters form early on"),
            ParamSpec.numberOrWord("learning_rate", "auto", "step size, or auto (max(n/early_exaggeration/4, 50))", "auto"),
            ParamSpec.integer("max_iter", 1000, "gradient descent iterations"),
            ParamSpec.number("angle", 0.5, "Barnes-Hut accuracy trade-off (0 = exact forces)"),
            ParamSpec.choice("method", "barnes_hut", "gradient method", "barnes_hut", "exact"),
            ParamSpec.choice("init", "pca", "initial layout", "pca", "random"),
            ParamSpec.integer("seed", 0, "seed of the random parts"));

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Numeric table (.csv, .tsv or .jsonl).")
    Path data;

    @Option(names = "--algo", required = true, paramLabel = "pca|tsne", description = "PCA or t-SNE.")
    String algo;

    @Option(names = "--dims", description = "Dimensions of the embedding (default: ${DEFAULT-VALUE}).")
    int dims = 2;

    @Option(names = "--param", paramLabel = "K=V", description = "An algorithm parameter (repeatable), e.g. --param perplexity=50.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--drop", paramLabel = "COL", split = ",", description = "Columns to leave out (repeatable or comma-separated).")
    List<String> drop = new ArrayList<>();

    @Option(names = "--color-by", paramLabel = "COL", description = "A column that colours the plot; never used as a feature.")
    String colorBy;

    @Option(names = "--scale", paramLabel = "standard|minmax|none", description = "Scale the columns first (default: ${DEFAULT-VALUE}).")
    String scale = "none";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the embedding (and the --color-by column) as CSV.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the first two dimensions (.png or .svg).")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        UnsupervisedData d = UnsupervisedData.read(data, drop, colorBy, scale);
        Frame embedding;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("algo", algo);
        result.put("rows", d.features().rowCount());
        result.put("features", d.features().columnCount());
        int limit = algo.equals("pca") ? Math.min(d.features().rowCount(), d.features().columnCount()) : d.features().columnCount();
        if (dims < 1 || dims > limit) {
            throw new IllegalArgumentException("--dims must be between 1 and " + limit + (algo.equals("pca")
                    ? " (the smaller of " + d.features().rowCount() + " rows and " + d.features().columnCount() + " feature columns)"
                    : " (the " + limit + " feature columns)") + ", got " + dims);
        }
        long t0 = System.nanoTime();
        double fitSeconds;
        switch (algo) {
            case "pca" -> {
                ParamValues p = ParamValues.of("pca", PCA, params);
                FittedPca pca = new Pca(Pca.Params.of(dims).withWhiten(p.flag("whiten"))
                        .withSvdSolver(Pca.SvdSolver.valueOf(p.word("svd_solver").toUpperCase(Locale.ROOT))).withSeed(p.integer("seed")))
                        .fit(d.features(), null);
                embedding = pca.transform(d.features());
                fitSeconds = (System.nanoTime() - t0) / 1e9;
                result.put("explained_variance_ratio", pca.explainedVarianceRatio());
                result.put("explained_variance", pca.explainedVariance());
            }
            case "tsne" -> {
                ParamValues p = ParamValues.of("tsne", TSNE, params);
                Tsne.Params defaults = Tsne.Params.defaults();
                Tsne.Params tp = new Tsne.Params(dims, p.number("perplexity"), p.number("early_exaggeration"),
                        p.isWord("learning_rate") ? null : p.number("learning_rate"), p.integer("max_iter"),
                        defaults.nIterWithoutProgress(), defaults.minGradNorm(), defaults.metric(),
                        Tsne.Init.valueOf(p.word("init").toUpperCase(Locale.ROOT)),
                        Tsne.Method.valueOf(p.word("method").toUpperCase(Locale.ROOT)), p.number("angle"), p.integer("seed"));
                TsneResult r = new Tsne(tp).fitTransform(d.features());
                embedding = r.embedding();
                fitSeconds = (System.nanoTime() - t0) / 1e9;
                result.put("kl_divergence", r.klDivergence());
                result.put("iterations", r.iterations());
                result.put("trustworthiness", EmbeddingMetrics.trustworthiness(d.features(), embedding, 5));
            }
            default -> throw new IllegalArgumentException("--algo must be pca or tsne, got '" + algo + "'");
        }
        result.put("timings", Map.of("fit_seconds", fitSeconds));
        if (out != null) {
            CsvWriter.write(d.label() == null ? embedding : embedding.withColumn(d.label()), out);
            result.put("out", out.toString());
        }
        if (plot != null) {
            if (embedding.columnCount() < 2) {
                throw new IllegalArgumentException("--plot needs at least 2 dimensions; got --dims " + embedding.columnCount());
            }
            String x = embedding.names().get(0);
            String y = embedding.names().get(1);
            new ScatterChart((algo.equals("pca") ? "PCA" : "t-SNE") + " of " + data.getFileName(), x, y)
                    .points(embedding.column(x).toDoubles(), embedding.column(y).toDoubles(), d.labelTexts()).write(plot);
            result.put("plot", plot.toString());
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), result);
            return 0;
        }
        var w = spec.commandLine().getOut();
        w.printf("%s of %s: %d rows, %d columns → %d dimensions%n", algo, data, d.features().rowCount(), d.features().columnCount(),
                embedding.columnCount());
        if (result.containsKey("explained_variance_ratio")) {
            double[] ratio = (double[]) result.get("explained_variance_ratio");
            Table t = Table.withHeader("component", "explained variance ratio");
            for (int i = 0; i < ratio.length; i++) {
                t.row(embedding.names().get(i), ratio[i]);
            }
            w.print(t);
        } else {
            w.print(Table.keyValues(Map.of("kl_divergence", result.get("kl_divergence"), "trustworthiness (k=5)",
                    result.get("trustworthiness"), "iterations", result.get("iterations"))));
        }
        if (out != null || plot != null) {
            w.println("written: " + String.join(", ", java.util.stream.Stream.of(out, plot).filter(java.util.Objects::nonNull)
                    .map(Path::toString).toList()));
        }
        return 0;
    }
}
