package dev.kiln.core.random;

import java.util.random.RandomGenerator;

/**
 * Kiln's seeded source of randomness: xoshiro256** (Blackman and Vigna, "Scrambled Linear
 * Pseudorandom Number Generators", ACM TOMS 2021) seeded through SplitMix64.
 *
 * <p>Every draw is defined here, not by the JDK, so a seed gives the same numbers on every
 * Java version. For parallel work, {@link #stream(long)} derives an independent generator
 * from this one's seed and a stream number: part i of a job always uses {@code stream(i)},
 * whichever thread runs it and in whatever order, so results are reproducible bit for bit.
 * An instance is not thread-safe; give each thread its own stream.
 */
public final class Rng implements RandomGenerator {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private boolean haveSpareGaussian;
    private double spareGaussian;

    private Rng(long seed) {
        this.seed = seed;
        long x = seed;
        x += GOLDEN;
        s0 = mix(x);
        x += GOLDEN;
        s1 = mix(x);
        x += GOLDEN;
        s2 = mix(x);
        x += GOLDEN;
        s3 = mix(x);
    }

    /** A generator whose draws depend only on {@code seed}. */
    public static Rng seeded(long seed) {
        return new Rng(seed);
    }

    /** The seed this generator started from. */
    public long seed() {
        return seed;
    }

    /**
     * An independent generator for stream {@code index} of this generator's seed. It does not
     * depend on how many numbers this generator has drawn.
     */
    public Rng stream(long index) {
        return new Rng(mix(seed ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L)));
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** A uniform double in [0, 1) with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** A uniform int in [0, bound), without modulo bias (Lemire's multiply-and-reject method). */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A uniform int in [origin, bound). */
    @Override
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("origin " + origin + " must be below bound " + bound);
        }
        long span = (long) bound - origin;
        if (span <= Integer.MAX_VALUE) {
            return origin + nextInt((int) span);
        }
        int r;
        do {
            r = nextInt();
        } while (r < origin || r >= bound);
        return r;
    }

    /** A uniform long in [0, bound), by rejection. */
    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return r % bound;
    }

    /** A standard normal draw, by Marsaglia's polar method. */
    @Override
    public double nextGaussian() {
        if (haveSpareGaussian) {
            haveSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        haveSpareGaussian = true;
        return u * f;
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
        if (stddev < 0) {
            throw new IllegalArgumentException("stddev must be >= 0, got " + stddev);
        }
        return mean + stddev * nextGaussian();
    }

    /** An exponential draw with mean 1. */
    @Override
    public double nextExponential() {
        return -Math.log1p(-nextDouble());
    }

    /** Shuffles {@code values} in place (Fisher–Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** 0, 1, …, n−1 in random order. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** {@code k} distinct indices from [0, n), in random order (Floyd's algorithm for small k). */
    public int[] sampleWithoutReplacement(int n, int k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot sample " + k + " distinct values from " + n);
        }
        if (k > n / 4) {
            int[] p = permutation(n);
            return java.util.Arrays.copyOf(p, k);
        }
        java.util.Set<Integer> chosen = new java.util.LinkedHashSet<>();
        for (int j = n - k; j < n; j++) {
            int t = nextInt(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
        shuffle(out);
        return out;
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
