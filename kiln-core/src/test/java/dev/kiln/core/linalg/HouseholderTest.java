package dev.kiln.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HouseholderTest {
    @Test
    void mapsAVectorOntoAMultipleOfTheFirstAxisWithTheOppositeSign() {
        double[] x = {3, 4};
        double tau = Householder.reflect(x, 0, 2, 1);

        assertThat(x[0]).isEqualTo(-5);
        assertThat(reflectorDefect(tau, x)).isLessThanOrEqualTo(1e-15);
        double[] y = {3, 4};
        Householder.applyTo(tau, x, 0, 2, y, 0);
        assertThat(y[0]).isCloseTo(-5, within(1e-15));
        assertThat(y[1]).isCloseTo(0, within(1e-15));

        double[] negative = {-3, 4};
        Householder.reflect(negative, 0, 2, 1);
        assertThat(negative[0]).isEqualTo(5);
    }

    @Test
    void vectorThatIsAlreadyOnTheAxisGivesTheIdentity() {
        double[] x = {-2, 0, 0};

        assertThat(Householder.reflect(x, 0, 3, 1)).isZero();
        assertThat(x).containsExactly(-2, 0, 0);
    }

    @Test
    void readsAndWritesStridedElements() {
        double[] x = {3, 99, 0, 99, 4, 99};

        double tau = Householder.reflect(x, 0, 3, 2);

        assertThat(x[0]).isEqualTo(-5);
        assertThat(new double[] {x[1], x[3], x[5]}).containsExactly(99, 99, 99);
        assertThat(reflectorDefect(tau, new double[] {x[0], x[2], x[4]})).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void subnormalVectorsStillGiveAnOrthogonalReflector() {
        // ‖x‖ = √3·1e-320 is subnormal, with about 12 significant bits: rounded there, β would
        // disagree with τ and v in the bits it lacks and H would be far from orthogonal.
        double[] x = {1e-320, 1e-320, 1e-320};

        double tau = Householder.reflect(x, 0, 3, 1);

        assertThat(x[0]).isCloseTo(-Math.sqrt(3) * 1e-320, within(1e-323));
        assertThat(reflectorDefect(tau, x)).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void hugeVectorsDoNotOverflow() {
        double[] x = {1e300, 1e300, 1e300, 1e300};

        double tau = Householder.reflect(x, 0, 4, 1);

        assertThat(x[0]).isCloseTo(-2e300, within(1e285));
        assertThat(reflectorDefect(tau, x)).isLessThanOrEqualTo(1e-15);
    }

    /** |τ·vᵀv − 2|, zero exactly when I − τ·v·vᵀ is orthogonal; v[0] = 1, v[1..] stored after β. */
    private static double reflectorDefect(double tau, double[] stored) {
        double vv = 1;
        for (int i = 1; i < stored.length; i++) {
            vv += stored[i] * stored[i];
        }
        return Math.abs(tau * vv - 2);
    }
}
