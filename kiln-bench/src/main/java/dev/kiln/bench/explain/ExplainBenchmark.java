package dev.kiln.bench.explain;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.kernel.Background;
import dev.kiln.explain.kernel.KernelShap;
import dev.kiln.explain.lime.LimeTabular;
import dev.kiln.learn.ensemble.RandomForestRegressor;
import dev.kiln.learn.ensemble.RandomForestRegressorModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Model-agnostic explanations of a 100-tree random forest on the diabetes data (10 features):
 * KernelSHAP with a 100-row background at a sampled budget and at the full 2^10 − 2 = 1022
 * coalitions (exact Shapley values, what exact enumeration costs), LIME with its defaults, each
 * on {@link #ROWS} rows per operation, on one thread and on all cores; and the forest predicting
 * the 1022 × 100 synthetic rows one exact KernelSHAP row evaluates, for the cost model
 * coalitions × background × model evaluation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class ExplainBenchmark {
    /** Rows explained per operation. */
    public static final int ROWS = 4;

    @Param({"256", "1022"})
    public int nSamples;

    private Frame features;
    private Frame rows;
    private RandomForestRegressorModel forest;
    private KernelShap kernel;
    private LimeTabular lime;
    private Frame exactRowEvaluations;

    @Setup(Level.Trial)
    public void setUp() {
        Frame all = CsvReader.read(Path.of("kiln-learn/src/test/resources/datasets/diabetes/diabetes.csv"));
        features = all.drop("target");
        forest = new RandomForestRegressor(RandomForestRegressor.Params.defaults().withSeed(0)).fit(features, all.column("target"));
        Background background = Background.sample(features, 100, 0);
        kernel = new KernelShap(forest, background, KernelShap.Params.defaults().withNSamples(nSamples));
        lime = new LimeTabular(forest, features, LimeTabular.Params.defaults());
        rows = features.slice(0, ROWS);
        int[] take = new int[1022 * 100];
        for (int i = 0; i < take.length; i++) {
            take[i] = i % features.rowCount();
        }
        exactRowEvaluations = features.take(take);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dkiln.threads=1", "-Dkiln.progress=off", "-Xmx4g"})
    public List<Explanation> kernelShapOneThread() {
        return kernel.explain(rows);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dkiln.progress=off", "-Xmx4g"})
    public List<Explanation> kernelShapAllCores() {
        return kernel.explain(rows);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dkiln.threads=1", "-Dkiln.progress=off", "-Xmx4g"})
    public List<Explanation> limeOneThread() {
        return lime.explain(rows);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dkiln.progress=off", "-Xmx4g"})
    public List<Explanation> limeAllCores() {
        return lime.explain(rows);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dkiln.threads=1", "-Dkiln.progress=off", "-Xmx4g"})
    public RegressionPrediction forestPredictsOneExactRowsEvaluationsOneThread() {
        return forest.predict(exactRowEvaluations);
    }
}
