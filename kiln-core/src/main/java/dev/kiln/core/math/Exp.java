package dev.kiln.core.math;

/**
 * e^x for x ≤ 0, as RBF kernels and shifted softmaxes need it, in a form that vectorises: x = k ln 2 + r with
 * k = round(x / ln 2) and |r| ≤ ln 2 / 2 (Cody and Waite's reduction, ln 2 in two parts), e^r by
 * its Taylor polynomial of degree 13 (truncation below 10⁻¹⁷), scaled by 2^k built in the
 * exponent bits (Muller, Elementary Functions, 3rd ed., §11.3). Within 2 ulp of {@link Math#exp}
 * down to the smallest normal number; 0 below it.
 *
 * <p>The SIMD version ({@link SimdExp}) performs the same IEEE operations lane by lane, so both
 * give the same bits, interpreted or compiled, with or without the Vector API.
 */
public final class Exp {
    /** ln of the smallest normal double: below it the result is 0. */
    static final double MIN_ARG = -708.3964185322641;
    static final double LOG2E = 0x1.71547652b82fep0;
    /** 1.5·2^52: adding it rounds a double of magnitude below 2^51 to an integer, kept in the low bits. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** 1/n! for n = 13 down to 2. */
    static final double[] TAYLOR = taylor();

    private static final boolean SIMD = SimdExp.usable();

    private Exp() {
    }

    /** e^x, for x ≤ 0. */
    public static double of(double x) {
        if (x < MIN_ARG) {
            return 0;
        }
        double z = Math.fma(x, LOG2E, SHIFTER);
        double k = z - SHIFTER;
        double r = Math.fma(-k, LN2_HI, x);
        r = Math.fma(-k, LN2_LO, r);
        double p = TAYLOR[0];
        for (int n = 1; n < TAYLOR.length; n++) {
            p = Math.fma(p, r, TAYLOR[n]);
        }
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long bits = (Double.doubleToRawLongBits(z) - SHIFTER_BITS + 1023) << 52;
        return p * Double.longBitsToDouble(bits);
    }

    /** {@code v[off + i] = e^v[off + i]} for i in [0, len), every value ≤ 0. */
    public static void inPlace(double[] v, int off, int len) {
        int done = SIMD ? SimdExp.inPlace(v, off, len) : 0;
        for (int i = off + done; i < off + len; i++) {
            v[i] = of(v[i]);
        }
    }

    private static double[] taylor() {
        double[] c = new double[12];
        for (int n = 13; n >= 2; n--) {
            double f = 1;
            for (int m = 2; m <= n; m++) {
                f *= m;
            }
            c[13 - n] = 1 / f;
        }
        return c;
    }
}
