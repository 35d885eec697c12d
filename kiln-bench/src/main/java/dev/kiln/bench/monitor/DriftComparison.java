package dev.kiln.bench.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.bench.MachineDescription;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.random.Rng;
import dev.kiln.monitor.drift.ColumnDrift;
import dev.kiln.monitor.drift.DataDrift;
import dev.kiln.monitor.drift.DatasetDrift;
import dev.kiln.monitor.drift.DriftMethod;
import dev.kiln.monitor.drift.DriftSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code ./kiln bench drift}: drift of a 100,000-row × 20-column frame against a 100,000-row
 * reference, Kiln beside SciPy in the same run — Evidently's default tests for that size
 * (normed Wasserstein on 14 numeric columns, Jensen–Shannon on 6 categorical ones) and the
 * two-sample KS test on the numeric columns — with the largest difference between the two sides'
 * statistics. Writes {@code kiln-bench/results/drift.md}.
 */
public final class DriftComparison {
    private static final int ROWS = 100_000;
    private static final int NUMERIC = 14;
    private static final int CATEGORICAL = 6;

    private DriftComparison() {
    }

    public static void main(String[] args) throws Exception {
        String command = "./kiln bench drift";
        Path work = Files.createTempDirectory("kiln-drift-bench");
        Path refCsv = work.resolve("reference.csv");
        Path curCsv = work.resolve("current.csv");
        CsvWriter.write(frame(1, false), refCsv);
        CsvWriter.write(frame(2, true), curCsv);
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        for (int j = 0; j < NUMERIC; j++) {
            numeric.add("x" + j);
        }
        for (int j = 0; j < CATEGORICAL; j++) {
            categorical.add("k" + j);
        }

        JsonNode scipy = scipySide(refCsv, curCsv, numeric, categorical);

        double[] read = best(() -> new Frame[] {TabularFile.read(refCsv), TabularFile.read(curCsv)});
        Frame ref = TabularFile.read(refCsv);
        Frame cur = TabularFile.read(curCsv);
        DataDrift defaults = new DataDrift(DriftSettings.defaults());
        DataDrift ks = new DataDrift(DriftSettings.defaults().withMethod(DriftMethod.KS));
        for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) {
            defaults.compare(ref, cur);
            ks.compare(ref, cur, numeric);
        }
        DatasetDrift[] defaultResult = new DatasetDrift[1];
        DatasetDrift[] ksResult = new DatasetDrift[1];
        double[] defaultTime = best(() -> defaultResult[0] = defaults.compare(ref, cur));
        double[] ksTime = best(() -> ksResult[0] = ks.compare(ref, cur, numeric));

        double defaultGap = 0;
        for (ColumnDrift c : defaultResult[0].columns()) {
            defaultGap = Math.max(defaultGap, Math.abs(c.statistic() - scipy.path("defaults").path(c.column()).asDouble()));
        }
        double ksGap = 0;
        for (ColumnDrift c : ksResult[0].columns()) {
            ksGap = Math.max(ksGap, Math.abs(c.pValue() - scipy.path("ks_p_values").path(c.column()).asDouble()));
        }
        StringBuilder md = new StringBuilder();
        md.append("# Drift tests: time beside SciPy\n\n")
                .append("A reference and a current frame of 100,000 rows each (generated, seeded): 14 numeric columns ")
                .append("(normal; in the current frame 7 of them shifted by 0.002 to 0.05 standard deviations or scaled by 1.03) and 6 categorical ")
                .append("columns of 8 levels (3 with a changed mix). Both sides read the same two CSV files; the timed part is the ")
                .append("drift computation on frames already in memory, best of 3 (Kiln's after 2 s of warm-up runs), one thread ")
                .append("on each side. Evidently itself could not be installed (no PyPI access here), so the SciPy side calls ")
                .append("SciPy exactly as Evidently's stattests do. Speed-up = SciPy time / Kiln time.\n\n")
                .append("| task | Kiln s | SciPy s | speed-up | largest difference between the sides |\n|---|---:|---:|---:|---|\n");
        row(md, "read both CSV files (Kiln TabularFile, pandas read_csv)", read[0], scipy.path("read_seconds").asDouble(), "");
        row(md, "Evidently defaults: normed Wasserstein × 14, Jensen–Shannon × 6", defaultTime[0],
                scipy.path("defaults_seconds").asDouble(), String.format(Locale.ROOT, "%.1e in a statistic", defaultGap));
        row(md, "two-sample KS × 14 (asymptotic p-values)", ksTime[0], scipy.path("ks_seconds").asDouble(),
                String.format(Locale.ROOT, "%.1e in a p-value (see note)", ksGap));
        md.append("\nNote on KS: above 10,000 values per sample both sides use an asymptotic p-value, but SciPy 1.10's ")
                .append("`ks_2samp` evaluates the one-sample distribution `kstwo.sf(D, round(mn/(m+n)))` where Kiln uses ")
                .append("Kolmogorov's limit `kstwobign.sf(√(mn/(m+n))·D)` (as R's `ks.test` does); the statistics agree exactly.\n")
                .append("\n### Machine\n\n").append(MachineDescription.markdown())
                .append("\n- ").append(scipy.path("versions").asText()).append(" (Debian packages)")
                .append("\n- Run on ").append(LocalDate.now())
                .append("\n\n### Command\n\n```\n").append(command).append("\n```\n");
        Path out = Path.of("kiln-bench/results/drift.md");
        Files.writeString(out, md.toString());
        System.out.println(md);
    }

    private static void row(StringBuilder md, String task, double kiln, double scipy, String gap) {
        md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f× | %s |%n", task, kiln, scipy, scipy / kiln, gap));
    }

    /** The frame: x0..x13 normal, k0..k5 over levels a..h; the current one shifted where noted above. */
    private static Frame frame(long seed, boolean current) {
        Rng rng = Rng.seeded(seed);
        List<Column> columns = new ArrayList<>();
        double[] shifts = {0, 0, 0, 0, 0, 0, 0, 0.002, 0.005, 0.01, 0.02, 0.05, 0, 0};
        for (int j = 0; j < NUMERIC; j++) {
            double[] v = new double[ROWS];
            double shift = current ? shifts[j] : 0;
            double scale = current && j >= 12 ? 1.03 : 1;
            for (int i = 0; i < ROWS; i++) {
                v[i] = rng.nextGaussian() * scale + shift;
            }
            columns.add(DoubleColumn.of("x" + j, v));
        }
        String[] levels = {"a", "b", "c", "d", "e", "f", "g", "h"};
        for (int j = 0; j < CATEGORICAL; j++) {
            String[] v = new String[ROWS];
            boolean changed = current && j >= 3;
            for (int i = 0; i < ROWS; i++) {
                double u = rng.nextDouble();
                int k = changed && u < 0.1 ? 0 : rng.nextInt(levels.length);
                v[i] = levels[k];
            }
            columns.add(CategoricalColumn.of("k" + j, v));
        }
        return Frame.of(columns);
    }

    private static JsonNode scipySide(Path ref, Path cur, List<String> numeric, List<String> categorical)
            throws IOException, InterruptedException {
        String python = System.getProperty("kiln.bench.python", "/usr/bin/python3");
        ProcessBuilder pb = new ProcessBuilder(python, "kiln-bench/parity/scipy_drift.py", ref.toString(), cur.toString(),
                String.join(",", numeric), String.join(",", categorical));
        for (String v : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
            pb.environment().put(v, "1");
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("the SciPy side failed (exit " + p.exitValue() + ")");
        }
        return new ObjectMapper().readTree(out);
    }

    /** The best wall time of three runs, in seconds (first element). */
    private static double[] best(Supplier<?> work) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return new double[] {best};
    }
}
