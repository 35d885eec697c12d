package dev.kiln.cli.learn;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.catalog.ParamSpec;
import dev.kiln.learn.catalog.ParamValues;
import dev.kiln.learn.cluster.AgglomerativeClustering;
import dev.kiln.learn.cluster.CentreInit;
import dev.kiln.learn.cluster.Dbscan;
import dev.kiln.learn.cluster.DbscanModel;
import dev.kiln.learn.cluster.KMeans;
import dev.kiln.learn.cluster.KMeansAlgorithm;
import dev.kiln.learn.cluster.KMeansModel;
import dev.kiln.learn.cluster.Linkage;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.neighbors.Algorithm;
import dev.kiln.learn.quality.ClusterMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln cluster}: k-means, DBSCAN or hierarchical clustering of a numeric table; cluster
 * sizes and quality metrics, and the adjusted Rand index against a label column when one is
 * named (which is never used for clustering).
 */
@Command(name = "cluster", description = {"Cluster the rows of a numeric table: k-means, DBSCAN or hierarchical (Ward, complete,",
    "average, single). Prints cluster sizes and quality metrics; with --label, agreement with known classes (ARI, NMI)."})
public final class ClusterCommand implements Callable<Integer> {
    static final List<ParamSpec> KMEANS = List.of(
            ParamSpec.integer("n_clusters", 8, "number of clusters"),
            ParamSpec.choice("init", "k-means++", "how centres start", "k-means++", "random"),
            ParamSpec.integer("n_init", 10, "restarts; the lowest inertia wins"),
            ParamSpec.integer("max_iter", 300, "iterations per restart"),
            ParamSpec.number("tol", 1e-4, "convergence tolerance on the centres' move"),
            ParamSpec.choice("algorithm", "lloyd", "iteration (results are the same)", "lloyd", "elkan"),
            ParamSpec.integer("seed", 0, "seed of the seeding"));
    static final List<ParamSpec> DBSCAN = List.of(
            ParamSpec.number("eps", 0.5, "neighbourhood radius"),
            ParamSpec.integer("min_samples", 5, "neighbours (the point included) that make a core point"),
            ParamSpec.choice("algorithm", "auto", "how neighbourhoods are found (results are the same)", "auto", "kd_tree", "brute"),
            ParamSpec.integer("leaf_size", 30, "points per k-d tree leaf"),
            ParamSpec.number("p", 2.0, "Minkowski power"));
    static final List<ParamSpec> HIERARCHICAL = List.of(
            ParamSpec.integerOrWord("n_clusters", 2, "clusters to cut the tree into, or none (then distance_threshold)", "none"),
            ParamSpec.choice("linkage", "ward", "how cluster distances are measured", "ward", "complete", "average", "single"),
            ParamSpec.numberOrWord("distance_threshold", null, "cut where merges are farther than this (with n_clusters=none)", "none"));

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Numeric table (.csv, .tsv or .jsonl).")
    Path data;

    @Option(names = "--algo", required = true, paramLabel = "kmeans|dbscan|hierarchical", description = "The algorithm.")
    String algo;

    @Option(names = "--param", paramLabel = "K=V", description = "An algorithm parameter (repeatable), e.g. --param n_clusters=3.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--drop", paramLabel = "COL", split = ",", description = "Columns to leave out (repeatable or comma-separated).")
    List<String> drop = new ArrayList<>();

    @Option(names = "--label", paramLabel = "COL", description = "Known classes to compare with (never used for clustering).")
    String label;

    @Option(names = "--scale", paramLabel = "standard|minmax|none", description = "Scale the columns first (default: ${DEFAULT-VALUE}).")
    String scale = "none";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the input rows with a 'cluster' column as CSV (−1: noise).")
    Path out;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        UnsupervisedData d = UnsupervisedData.read(data, drop, label, scale);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("algo", algo);
        result.put("rows", d.features().rowCount());
        long t0 = System.nanoTime();
        int[] clusters = switch (algo) {
            case "kmeans" -> {
                ParamValues p = ParamValues.of("kmeans", KMEANS, params);
                KMeansModel m = new KMeans(new KMeans.Params(p.integer("n_clusters"),
                        p.word("init").equals("random") ? CentreInit.RANDOM : CentreInit.K_MEANS_PLUS_PLUS, p.integer("n_init"),
                        p.integer("max_iter"), p.number("tol"), KMeansAlgorithm.valueOf(upper(p.word("algorithm"))), p.integer("seed")))
                        .fit(d.features());
                result.put("inertia", m.inertia());
                result.put("iterations", m.iterations());
                yield m.labels();
            }
            case "dbscan" -> {
                ParamValues p = ParamValues.of("dbscan", DBSCAN, params);
                DbscanModel m = new Dbscan(new Dbscan.Params(p.number("eps"), p.integer("min_samples"),
                        Algorithm.valueOf(upper(p.word("algorithm"))), p.integer("leaf_size"), p.number("p"))).fit(d.features());
                yield m.labels();
            }
            case "hierarchical" -> {
                ParamValues p = ParamValues.of("hierarchical", HIERARCHICAL, params);
                Integer k = p.integerOrNone("n_clusters");
                Double threshold = p.isWord("distance_threshold") ? null : p.number("distance_threshold");
                yield new AgglomerativeClustering(new AgglomerativeClustering.Params(threshold != null ? null : k,
                        Linkage.valueOf(upper(p.word("linkage"))), threshold)).fit(d.features()).labels();
            }
            default -> throw new IllegalArgumentException("--algo must be kmeans, dbscan or hierarchical, got '" + algo + "'");
        };
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        Map<Integer, Integer> sizes = new TreeMap<>();
        for (int c : clusters) {
            sizes.merge(c, 1, Integer::sum);
        }
        int noise = sizes.getOrDefault(-1, 0);
        result.put("clusters", sizes.keySet().stream().filter(c -> c >= 0).count());
        result.put("noise", noise);
        Map<String, Integer> sizeMap = new LinkedHashMap<>();
        sizes.forEach((c, n) -> sizeMap.put(c < 0 ? "noise" : Integer.toString(c), n));
        result.put("sizes", sizeMap);
        result.put("metrics", metrics(d, clusters));
        result.put("timings", Map.of("fit_seconds", fitSeconds));
        if (out != null) {
            Frame input = TabularFile.read(data);
            if (input.hasColumn("cluster")) {
                throw new IllegalArgumentException(data + " already has a column 'cluster'; rename it first");
            }
            CsvWriter.write(input.withColumn(LongColumn.of("cluster", Arrays.stream(clusters).asLongStream().toArray())), out);
            result.put("out", out.toString());
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), result);
            return 0;
        }
        var w = spec.commandLine().getOut();
        w.printf("%s on %s: %d rows, %s clusters%s (%s s)%n", algo, data, d.features().rowCount(), result.get("clusters"),
                noise > 0 ? ", " + noise + " noise points" : "", Table.number(fitSeconds));
        Table t = Table.withHeader("cluster", "rows");
        sizeMap.forEach(t::row);
        w.print(t);
        w.print(Table.keyValues(uncheckedMetrics(result)));
        if (out != null) {
            w.println("written: " + out);
        }
        return 0;
    }

    /**
     * Silhouette, Davies–Bouldin and Calinski–Harabasz over the clustered rows (noise left out),
     * when there are at least two clusters; ARI and NMI over all rows against the label column.
     */
    private static Map<String, Double> metrics(UnsupervisedData d, int[] clusters) {
        Map<String, Double> m = new LinkedHashMap<>();
        int[] kept = java.util.stream.IntStream.range(0, clusters.length).filter(i -> clusters[i] >= 0).toArray();
        long distinct = Arrays.stream(kept).map(i -> clusters[i]).distinct().count();
        if (distinct >= 2 && distinct < kept.length) {
            Matrix x = d.features().take(kept).toMatrix();
            int[] labels = Arrays.stream(kept).map(i -> clusters[i]).toArray();
            m.put("silhouette", x.rows() > 10_000 ? ClusterMetrics.silhouette(x, labels, 10_000, 0) : ClusterMetrics.silhouette(x, labels));
            m.put("davies_bouldin", ClusterMetrics.daviesBouldin(x, labels));
            m.put("calinski_harabasz", ClusterMetrics.calinskiHarabasz(x, labels));
        }
        if (d.label() != null) {
            int[] truth = ClassTarget.of(d.label(), d.label().size(), "--label").codes();
            m.put("ari", ClusterMetrics.adjustedRand(truth, clusters));
            m.put("nmi", ClusterMetrics.normalizedMutualInfo(truth, clusters));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> uncheckedMetrics(Map<String, Object> result) {
        Map<String, Object> shown = new LinkedHashMap<>((Map<String, Object>) result.get("metrics"));
        if (result.containsKey("inertia")) {
            shown.put("inertia", result.get("inertia"));
            shown.put("iterations", result.get("iterations"));
        }
        return shown;
    }

    private static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}
