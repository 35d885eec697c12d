package dev.kiln.bench.gemm;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.random.Rng;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * C = A·B for square n×n matrices, double and float, row-major, on 1 or 2 threads: Kiln's
 * {@link Blas} beside OpenBLAS (through JavaCPP, data in native memory as OpenBLAS users hold
 * it) and EJML (its single-threaded and {@code _MT} multi-threaded products).
 * {@link GemmReport} turns the timings into GFLOP/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx8g"})
public class GemmBenchmark {

    @Param({"256", "512", "1024", "2048"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private double[] a;
    private double[] b;
    private double[] c;
    private float[] af;
    private float[] bf;
    private float[] cf;
    private DoublePointer na;
    private DoublePointer nb;
    private DoublePointer nc;
    private FloatPointer naf;
    private FloatPointer nbf;
    private FloatPointer ncf;
    private DMatrixRMaj ea;
    private DMatrixRMaj eb;
    private DMatrixRMaj ec;
    private FMatrixRMaj eaf;
    private FMatrixRMaj ebf;
    private FMatrixRMaj ecf;

    @Setup(Level.Trial)
    public void setUp() {
        Rng rng = Rng.seeded(n);
        int size = n * n;
        a = new double[size];
        b = new double[size];
        c = new double[size];
        af = new float[size];
        bf = new float[size];
        cf = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = rng.nextDouble() - 0.5;
            b[i] = rng.nextDouble() - 0.5;
            af[i] = (float) a[i];
            bf[i] = (float) b[i];
        }
        na = new DoublePointer(a);
        nb = new DoublePointer(b);
        nc = new DoublePointer(size);
        naf = new FloatPointer(af);
        nbf = new FloatPointer(bf);
        ncf = new FloatPointer(size);
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
        if (org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads() != threads) {
            throw new IllegalStateException("OpenBLAS did not accept " + threads + " threads");
        }
        ea = DMatrixRMaj.wrap(n, n, a.clone());
        eb = DMatrixRMaj.wrap(n, n, b.clone());
        ec = new DMatrixRMaj(n, n);
        eaf = FMatrixRMaj.wrap(n, n, af.clone());
        ebf = FMatrixRMaj.wrap(n, n, bf.clone());
        ecf = new FMatrixRMaj(n, n);
        EjmlConcurrency.setMaxThreads(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (org.bytedeco.javacpp.Pointer p : new org.bytedeco.javacpp.Pointer[] {na, nb, nc, naf, nbf, ncf}) {
            p.close();
        }
    }

    @Benchmark
    public void dgemmKiln(Blackhole bh) {
        Blas.dgemm(false, false, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n, threads);
        bh.consume(c);
    }

    @Benchmark
    public void dgemmOpenBlas(Blackhole bh) {
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasNoTrans, n, n, n, 1.0, na, n, nb, n, 0.0, nc, n);
        bh.consume(nc);
    }

    @Benchmark
    public void dgemmEjml(Blackhole bh) {
        if (threads == 1) {
            CommonOps_DDRM.mult(ea, eb, ec);
        } else {
            CommonOps_MT_DDRM.mult(ea, eb, ec);
        }
        bh.consume(ec);
    }

    @Benchmark
    public void sgemmKiln(Blackhole bh) {
        Blas.sgemm(false, false, n, n, n, 1.0f, af, 0, n, bf, 0, n, 0.0f, cf, 0, n, threads);
        bh.consume(cf);
    }

    @Benchmark
    public void sgemmOpenBlas(Blackhole bh) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasNoTrans, n, n, n, 1.0f, naf, n, nbf, n, 0.0f, ncf, n);
        bh.consume(ncf);
    }

    @Benchmark
    public void sgemmEjml(Blackhole bh) {
        if (threads == 1) {
            CommonOps_FDRM.mult(eaf, ebf, ecf);
        } else {
            CommonOps_MT_FDRM.mult(eaf, ebf, ecf);
        }
        bh.consume(ecf);
    }
}
