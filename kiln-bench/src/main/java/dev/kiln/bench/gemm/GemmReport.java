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
import org.openjdk.jmh.infra.BenchmarkParams;
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
        String autoCore = OpenBlasCore.detect(null);
        Map<Key, Map<String, Double>> ms = new TreeMap<>();
        Options all = new OptionsBuilder().parent(cli).include(GemmBenchmark.class.getName() + ".").build();
        Collection<RunResult> main = new Runner(all).run();
        collect(main, "", ms);
        String forcedCore = null;
        if (MachineDescription.hasCpuFlag("avx512f") && !autoCore.equals(AVX512_CORE)) {
            // OpenBLAS did not pick its AVX-512 kernels by itself; measure them too, forced through
            // OPENBLAS_CORETYPE in the forked JVMs (a wrapper around the java launcher sets it).
            forcedCore = OpenBlasCore.detect(AVX512_CORE);
            Path wrapper = javaWithEnvironment("OPENBLAS_CORETYPE", AVX512_CORE);
            Options forced = new OptionsBuilder().parent(cli).jvm(wrapper.toString())
                    .include(GemmBenchmark.class.getName() + "\\.[ds]gemmOpenBlas$").build();
            collect(new Runner(forced).run(), "Forced", ms);
        }
        String report = render(ms, settings(main), autoCore, forcedCore, String.join(" ", args));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("written to " + out);
    }

    /** OpenBLAS's name for its AVX-512 kernels. */
    private static final String AVX512_CORE = "SkylakeX";

    /** A temporary executable that runs this JVM's java with one more environment variable. */
    private static Path javaWithEnvironment(String name, String value) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = Files.createTempFile("kiln-java-", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + name + "=" + value + " exec '" + java + "' \"$@\"\n");
        script.toFile().setExecutable(true);
        script.toFile().deleteOnExit();
        return script;
    }

    private static void collect(Collection<RunResult> results, String suffix, Map<Key, Map<String, Double>> ms) {
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String precision = method.startsWith("dgemm") ? "double" : "float";
            String impl = method.substring(5) + suffix;
            int n = Integer.parseInt(r.getParams().getParam("n"));
            int threads = Integer.parseInt(r.getParams().getParam("threads"));
            ms.computeIfAbsent(new Key(precision, n, threads), k -> new TreeMap<>())
                    .put(impl, r.getPrimaryResult().getScore());
        }
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

    /** The JMH settings the results were measured with, in words. */
    private static String settings(Collection<RunResult> results) {
        BenchmarkParams p = results.iterator().next().getParams();
        return String.format(Locale.ROOT, "%d fork%s, %d warm-up and %d measured iterations of %s each",
                p.getForks(), p.getForks() == 1 ? "" : "s", p.getWarmup().getCount(), p.getMeasurement().getCount(),
                p.getMeasurement().getTime());
    }

    static String render(Map<Key, Map<String, Double>> ms, String settings, String autoCore, String forcedCore,
                         String extraArgs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# GEMM: Kiln beside OpenBLAS and EJML");
        lines.add("");
        lines.add("C = A·B for square n×n row-major matrices (2n³ flops), measured with JMH in one run: "
                + settings + ", average time per product, converted to GFLOP/s.");
        lines.add("OpenBLAS is called through JavaCPP (`org.bytedeco:openblas`, linux-x86_64) on native memory. "
                + "Its DYNAMIC_ARCH build picks a kernel set for the CPU when it loads: here **" + autoCore + "**"
                + (forcedCore == null ? "." : "; because that is not its AVX-512 set, the run measures OpenBLAS a second time "
                + "with `OPENBLAS_CORETYPE=" + AVX512_CORE + "` (it then runs **" + forcedCore + "**), and Kiln is compared "
                + "with the faster of the two."));
        lines.add("EJML uses `CommonOps_DDRM/FDRM.mult` for one thread and `CommonOps_MT_*.mult` for two.");
        lines.add("");
        boolean forced = forcedCore != null;
        lines.add("| precision | n | threads | Kiln | OpenBLAS (" + autoCore + ")"
                + (forced ? " | OpenBLAS (" + forcedCore + ")" : "") + " | EJML | Kiln / best OpenBLAS |");
        lines.add("|---|---:|---:|---:|---:|" + (forced ? "---:|" : "") + "---:|---:|");
        for (Map.Entry<Key, Map<String, Double>> e : ms.entrySet()) {
            Key k = e.getKey();
            double flops = 2.0 * k.n * k.n * k.n;
            double kiln = gflops(flops, e.getValue().get("Kiln"));
            double blas = gflops(flops, e.getValue().get("OpenBlas"));
            double blasForced = gflops(flops, e.getValue().get("OpenBlasForced"));
            double ejml = gflops(flops, e.getValue().get("Ejml"));
            double best = Double.isNaN(blasForced) ? blas : Math.max(blas, blasForced);
            lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f |%s %.1f | %s |", k.precision, k.n, k.threads,
                    kiln, blas, forced ? String.format(Locale.ROOT, " %.1f |", blasForced) : "", ejml,
                    Double.isNaN(kiln / best) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * kiln / best)));
        }
        lines.add("");
        lines.add("Figures are GFLOP/s.");
        lines.add("");
        lines.add("## Machine");
        lines.add("");
        lines.add(MachineDescription.markdown());
        lines.add("- OpenBLAS " + org.bytedeco.javacpp.Loader.getVersion("org.bytedeco", "openblas")
                + " (JavaCPP build; DYNAMIC_ARCH picks its kernels for the CPU at load time)");
        lines.add("- Run on " + LocalDate.now());
        lines.add("");
        lines.add("## Theoretical peak");
        lines.add("");
        int cores = Runtime.getRuntime().availableProcessors();
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        double perCycle = 2.0 * lanes * 2;
        lines.add(String.format(Locale.ROOT, "Per core and cycle: 2 FMA pipes × %d doubles per vector × 2 flops = %.0f double "
                + "(%.0f float) flops; two FMA pipes per core is what this CPU family has.", lanes, perCycle, 2 * perCycle));
        lines.add("");
        lines.add("| clock | double, 1 core | double, " + cores + " cores | float, " + cores + " cores |");
        lines.add("|---|---:|---:|---:|");
        double nominal = MachineDescription.nominalMhz() / 1000;
        lines.add(peakRow("nominal, as /proc/cpuinfo reports it", nominal, perCycle, cores));
        String measured = System.getenv("KILN_CLOCK_GHZ");
        if (measured != null && !measured.isBlank()) {
            lines.add(peakRow("measured while busy (kiln-bench/tools/clock-ghz.sh)", Double.parseDouble(measured), perCycle, cores));
        }
        lines.add("");
        lines.add("## Command");
        lines.add("");
        lines.add("```");
        String clock = System.getenv("KILN_CLOCK_GHZ");
        lines.add((clock == null || clock.isBlank() ? "" : "KILN_CLOCK_GHZ=" + clock + " ")
                + "./kiln bench gemm" + (extraArgs.isBlank() ? "" : " " + extraArgs));
        lines.add("```");
        return String.join("\n", lines) + "\n";
    }

    private static String peakRow(String label, double ghz, double perCycle, int cores) {
        return String.format(Locale.ROOT, "| %s: %.2f GHz | %.0f GFLOP/s | %.0f GFLOP/s | %.0f GFLOP/s |",
                label, ghz, perCycle * ghz, cores * perCycle * ghz, 2 * cores * perCycle * ghz);
    }

    private static double gflops(double flops, Double millis) {
        return millis == null ? Double.NaN : flops / (millis * 1e-3) / 1e9;
    }
}
