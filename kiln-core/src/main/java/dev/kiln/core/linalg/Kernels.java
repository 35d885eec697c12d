package dev.kiln.core.linalg;

/**
 * The innermost loops of the linear-algebra routines, in two implementations: SIMD through
 * {@code jdk.incubator.vector} and plain scalar Java. {@link #active()} picks one at start-up.
 *
 * <p>A GEMM micro-kernel multiplies a packed {@code mr x kc} panel of A (column after column,
 * {@code mr} values each) by a packed {@code kc x nr} panel of B (row after row, {@code nr}
 * values each) and adds {@code alpha} times the product to an {@code mr x nr} block of C, in
 * the style of BLIS (Van Zee and van de Geijn, "BLIS: A Framework for Rapidly Instantiating
 * BLAS Functionality", ACM TOMS 2015).
 */
interface Kernels {

    /** The implementation in use: SIMD when the Vector API is present and not disabled with {@code -Dkiln.simd=false}. */
    static Kernels active() {
        return Selected.KERNELS;
    }

    /** A short description, e.g. "SIMD, 512-bit vectors (8 doubles)". */
    String description();

    double dot(int n, double[] x, int xo, double[] y, int yo);

    void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo);

    float dot(int n, float[] x, int xo, float[] y, int yo);

    void axpy(int n, float alpha, float[] x, int xo, float[] y, int yo);

    /** Rows of the double micro-tile. */
    int doubleMr();

    /** Columns of the double micro-tile. */
    int doubleNr();

    void doubleKernel(int kc, double[] ap, int ao, double[] bp, int bo, double alpha, double[] c, int co, int ldc);

    /** Rows of the float micro-tile. */
    int floatMr();

    /** Columns of the float micro-tile. */
    int floatNr();

    void floatKernel(int kc, float[] ap, int ao, float[] bp, int bo, float alpha, float[] c, int co, int ldc);

    /** Holds the choice so it is made once, on first use. */
    final class Selected {
        static final Kernels KERNELS = choose();

        private Selected() {
        }

        private static Kernels choose() {
            boolean wanted = !"false".equalsIgnoreCase(System.getProperty("kiln.simd", "true"));
            boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            if (wanted && present) {
                try {
                    Kernels simd = SimdKernels.create();
                    if (simd != null) {
                        return simd;
                    }
                } catch (LinkageError e) {
                    org.slf4j.LoggerFactory.getLogger(Kernels.class)
                            .warn("SIMD kernels unavailable ({}); using scalar kernels", e.toString());
                }
            } else if (wanted) {
                org.slf4j.LoggerFactory.getLogger(Kernels.class).warn(
                        "module jdk.incubator.vector is not loaded; using scalar kernels. "
                                + "Run the JVM with --add-modules jdk.incubator.vector for SIMD speed.");
            }
            return new ScalarKernels();
        }
    }
}
