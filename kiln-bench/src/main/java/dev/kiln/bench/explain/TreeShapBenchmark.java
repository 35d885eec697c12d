package dev.kiln.bench.explain;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.exact.ShapleyEnumeration;
import dev.kiln.explain.tree.InterventionalTreeShap;
import dev.kiln.explain.tree.PathDependentTreeShap;
import dev.kiln.explain.tree.TreeEnsemble;
import dev.kiln.explain.tree.TreeExpectation;
import dev.kiln.explain.tree.TreeExplainer;
import dev.kiln.explain.tree.TreeModel;
import dev.kiln.explain.tree.TreeTerm;
import dev.kiln.learn.ensemble.RandomForestRegressor;
import dev.kiln.learn.ensemble.RandomForestRegressorModel;
import dev.kiln.learn.tree.DecisionTreeRegressor;
import dev.kiln.learn.tree.MaxFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * TreeSHAP on a 100-tree, depth-8 random forest regressor (8 features, fitted on 20,000 rows):
 * path-dependent for 1,000 rows on one thread and on all of Kiln's worker threads,
 * interventional against a 100-row background for 10 rows, and, on a small forest over 8
 * features, path-dependent TreeSHAP beside exact enumeration of the same value function (2^8
 * coalitions). Figures and the comparison with the reference C++ implementation are in
 * {@code kiln-bench/results/explain.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class TreeShapBenchmark {
    private static final int FEATURES = 8;

    private TreeEnsemble forest;
    private TreeExplainer pathExplainer;
    private Frame rows;
    private double[][] x;
    private double[][] background;
    private TreeEnsemble small;
    private double[][] smallRows;

    @Setup(Level.Trial)
    public void setUp() {
        Frame train = data(Rng.seeded(1), 20_000);
        RandomForestRegressorModel model = new RandomForestRegressor(RandomForestRegressor.Params.defaults()
                .withNEstimators(100).withTree(DecisionTreeRegressor.Params.defaults().withMaxDepth(8)
                        .withMaxFeatures(MaxFeatures.fraction(1.0)).withSeed(1))).fit(train.drop("y"), train.column("y"));
        TreeModel trees = TreeModel.of(model).orElseThrow();
        forest = trees.ensemble(0);
        pathExplainer = TreeExplainer.pathDependent(trees, null);
        rows = data(Rng.seeded(2), 1_000).drop("y");
        x = rows.toMatrix().toArray();
        background = data(Rng.seeded(3), 100).drop("y").toMatrix().toArray();
        RandomForestRegressorModel smallModel = new RandomForestRegressor(RandomForestRegressor.Params.defaults()
                .withNEstimators(10).withTree(DecisionTreeRegressor.Params.defaults().withMaxDepth(6).withSeed(1)))
                .fit(train.drop("y").head(2_000), train.column("y").slice(0, 2_000));
        small = TreeModel.of(smallModel).orElseThrow().ensemble(0);
        smallRows = java.util.Arrays.copyOf(x, 10);
        System.err.println("forest: " + describe(forest) + "; small forest: " + describe(small));
    }

    /** Path-dependent TreeSHAP of 1,000 rows on the calling thread. */
    @Benchmark
    public void pathDependentOneThread1000Rows(Blackhole bh) {
        PathDependentTreeShap scratch = new PathDependentTreeShap();
        for (double[] row : x) {
            bh.consume(TreeExplainer.pathDependent(forest, row, scratch));
        }
    }

    /** The same 1,000 rows through the explainer, which splits them over Kiln's worker threads. */
    @Benchmark
    public Object pathDependentAllThreads1000Rows() {
        return pathExplainer.explain(rows);
    }

    /** Interventional TreeSHAP of 10 rows against 100 background rows, one thread. */
    @Benchmark
    public void interventionalOneThread10Rows(Blackhole bh) {
        InterventionalTreeShap scratch = new InterventionalTreeShap(FEATURES);
        for (int i = 0; i < 10; i++) {
            bh.consume(TreeExplainer.interventional(forest, x[i], background, scratch));
        }
    }

    /** Path-dependent TreeSHAP of 10 rows of the small forest. */
    @Benchmark
    public void smallForestTreeShap10Rows(Blackhole bh) {
        PathDependentTreeShap scratch = new PathDependentTreeShap();
        for (double[] row : smallRows) {
            bh.consume(TreeExplainer.pathDependent(small, row, scratch));
        }
    }

    /** The same values by enumerating all 2^8 coalitions of the path-dependent value function. */
    @Benchmark
    public void smallForestEnumeration10Rows(Blackhole bh) {
        for (double[] row : smallRows) {
            bh.consume(ShapleyEnumeration.values(FEATURES, TreeExpectation.of(small, row)));
        }
    }

    private static String describe(TreeEnsemble e) {
        long leaves = 0;
        double depthSquares = 0;
        for (TreeTerm t : e.terms()) {
            leaves += t.tree().leafCount();
            depthSquares += (double) t.tree().leafCount() * t.tree().depth() * t.tree().depth();
        }
        return e.terms().size() + " trees, " + leaves + " leaves, max depth " + e.maxDepth() + ", sum over trees of L·D² = "
                + Math.round(depthSquares);
    }

    /** y = a nonlinear function of 8 standard normal features plus noise. */
    static Frame data(Rng rng, int n) {
        double[][] v = new double[FEATURES][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                v[j][i] = rng.nextGaussian();
            }
            y[i] = Math.sin(v[0][i]) + v[1][i] * v[2][i] + Math.abs(v[3][i]) - 0.5 * v[4][i] + 0.3 * rng.nextGaussian();
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            columns.add(DoubleColumn.of("x" + j, v[j]));
        }
        columns.add(DoubleColumn.of("y", y));
        return Frame.of(columns);
    }
}
