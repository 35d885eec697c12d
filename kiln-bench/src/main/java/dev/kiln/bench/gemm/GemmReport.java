package dev.kiln.bench.gemm;

import dev.kiln.bench.MachineDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.incubator.vector.DoubleVector;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link GemmBenchmark} and writes {@code kiln-bench/results/gemm.md}: GFLOP/s of Kiln,
 * OpenBLAS and EJML for each precision, size and thread count, Kiln's ratio to OpenBLAS, the
 * machine, and the command that produced it. Extra arguments are JMH options (e.g.
 * {@code -p n=1024} to run one size).
 */
public final class GemmReport {
    private GemmReport() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("kiln.bench.out", "kiln-bench/results/gemm.md"));
        Options cli = new CommandLineOptions(args);
        Options options = new OptionsBuilder().parent(cli).include(GemmBenchmark.class.getName() + ".").build();
        Collection<RunResult> results = new Runner(options).run();
        String report = render(results, String.join(" ", args));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("written to " + out);
    }

    /** One cell of the table: an implementation's milliseconds per product. */
    private record Key(String precision, int n, int threads) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = o.precision.compareTo(precision);
            if (c == 0) {
                c = Integer.compare(n, o.n);
            }
            return c != 0 ? c : Integer.compare(threads, o.threads);
        }
    }

    static String render(Collection<RunResult> results, String extraArgs) throws IOException {
        Map<Key, Map<String, Double>> ms = new TreeMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String precision = method.startsWith("dgemm") ? "double" : "float";
            String impl = method.substring(5);
            int n = Integer.parseInt(r.getParams().getParam("n"));
            int threads = Integer.parseInt(r.getParams().getParam("threads"));
            ms.computeIfAbsent(new Key(precision, n, threads), k -> new TreeMap<>())
                    .put(impl, r.getPrimaryResult().getScore());
        }
        List<String> lines = new ArrayList<>();
        lines.add("# GEMM: Kiln beside OpenBLAS and EJML");
        lines.add("");
        lines.add("C = A·B for square n×n row-major matrices (2n³ flops), measured with JMH in one run: "
                + "1 fork, 3 warm-up and 5 measured iterations of 1 s each, average time per product, converted to GFLOP/s.");
        lines.add("OpenBLAS is called through JavaCPP (`org.bytedeco:openblas`, linux-x86_64) on native memory; "
                + "EJML uses `CommonOps_DDRM/FDRM.mult` for one thread and `CommonOps_MT_*.mult` for two.");
        lines.add("");
        lines.add("| precision | n | threads | Kiln GFLOP/s | OpenBLAS GFLOP/s | EJML GFLOP/s | Kiln / OpenBLAS |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<Key, Map<String, Double>> e : ms.entrySet()) {
            Key k = e.getKey();
            double flops = 2.0 * k.n * k.n * k.n;
            double kiln = gflops(flops, e.getValue().get("Kiln"));
            double blas = gflops(flops, e.getValue().get("OpenBlas"));
            double ejml = gflops(flops, e.getValue().get("Ejml"));
            lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %s |", k.precision, k.n, k.threads,
                    kiln, blas, ejml, Double.isNaN(kiln / blas) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * kiln / blas)));
        }
        lines.add("");
        lines.add("## Machine");
        lines.add("");
        lines.add(MachineDescription.markdown());
        lines.add("- OpenBLAS: " + openblas_nolapack.openblas_get_config().getString() + " (core: "
                + openblas_nolapack.openblas_get_corename().getString() + ")");
        lines.add("- Run on " + LocalDate.now());
        lines.add("");
        lines.add("## Theoretical peak");
        lines.add("");
        int cores = Runtime.getRuntime().availableProcessors();
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        double mhz = MachineDescription.nominalMhz();
        double perCycle = 2.0 * lanes * 2;
        lines.add(String.format(Locale.ROOT, "cores × FMA units × doubles per vector × 2 flops per FMA × clock = "
                + "%d × 2 × %d × 2 × %.2f GHz = **%.0f GFLOP/s double, %.0f float** at the nominal clock "
                + "(two FMA pipes per core is what this CPU family has; the clock /proc/cpuinfo reports is the nominal one, "
                + "and single-core results above %.0f GFLOP/s show the cores boost past it).",
                cores, lanes, mhz / 1000, cores * perCycle * mhz / 1000, 2 * cores * perCycle * mhz / 1000, perCycle * mhz / 1000));
        lines.add("");
        lines.add("## Command");
        lines.add("");
        lines.add("```");
        lines.add("./kiln bench gemm" + (extraArgs.isBlank() ? "" : " " + extraArgs));
        lines.add("```");
        return String.join("\n", lines) + "\n";
    }

    private static double gflops(double flops, Double millis) {
        return millis == null ? Double.NaN : flops / (millis * 1e-3) / 1e9;
    }
}
