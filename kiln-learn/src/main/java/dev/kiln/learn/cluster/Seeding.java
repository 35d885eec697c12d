package dev.kiln.learn.cluster;

import dev.kiln.core.random.Rng;
import java.util.Arrays;

/**
 * First centres for k-means, one set per restart: k distinct random rows, or k-means++ (Arthur
 * and Vassilvitskii, "k-means++: The Advantages of Careful Seeding", SODA 2007) for groups of
 * restarts at once ({@link LockstepPlusPlus}), as many as the candidates' distances of a group
 * fit in a fixed budget of memory. Restart r draws only from its own stream.
 */
final class Seeding {
    /** Memory for the candidates' distances of one group of restarts. */
    private static final long GROUP_BYTES = 64L << 20;

    /** A restart's seeds: centres, and (for k-means++) each row's nearest centre and squared distances. */
    record Seeds(double[] centres, int[] labels, double[] nearest, double[] second) {
        boolean assigned() {
            return labels != null;
        }
    }

    private Seeding() {
    }

    /** Seeds for one restart per stream. */
    static Seeds[] seeds(CentreInit init, Points p, int k, Rng[] streams) {
        Seeds[] out = new Seeds[streams.length];
        if (init == CentreInit.RANDOM) {
            for (int r = 0; r < streams.length; r++) {
                out[r] = new Seeds(rows(p, streams[r].sampleWithoutReplacement(p.n, k)), null, null, null);
            }
            return out;
        }
        int trials = trials(k);
        int group = (int) Math.max(1, Math.min(streams.length, GROUP_BYTES / (8L * trials * p.n)));
        for (int from = 0; from < streams.length; from += group) {
            Rng[] some = Arrays.copyOfRange(streams, from, Math.min(streams.length, from + group));
            System.arraycopy(new LockstepPlusPlus(p, k, some).run(), 0, out, from, some.length);
        }
        return out;
    }

    /** scikit-learn's local trials per centre: 2 + ⌊ln k⌋. */
    static int trials(int k) {
        return 2 + (int) Math.log(k);
    }

    /** The given rows of {@code p}, row-major. */
    static double[] rows(Points p, int[] rows) {
        double[] out = new double[rows.length * p.d];
        for (int j = 0; j < rows.length; j++) {
            System.arraycopy(p.x, rows[j] * p.d, out, j * p.d, p.d);
        }
        return out;
    }
}
