package dev.kiln.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class CartPoleTest {

    /*
     * Expected states after each action from (0.01, -0.02, 0.03, 0.04), by /usr/bin/python3 with Gymnasium's
     * cartpole.py equations typed out (Euler, tau 0.02):
     *   g=9.8; mc=1.0; mp=0.1; M=mc+mp; l=0.5; pml=mp*l; F=10.0; tau=0.02
     *   def step(s,a):
     *       x,xd,th,thd=s; f=F if a==1 else -F; c=math.cos(th); si=math.sin(th)
     *       temp=(f+pml*thd**2*si)/M
     *       thacc=(g*si-c*temp)/(l*(4.0/3.0-mp*c**2/M))
     *       xacc=temp-pml*thacc*c/M
     *       return (x+tau*xd, xd+tau*xacc, th+tau*thd, thd+tau*thacc)
     */
    private static final int[] ACTIONS = {1, 1, 0, 1, 0, 0, 0, 1};
    private static final double[][] EXPECTED = {
        {0.0096000000000000009, 0.17467919574755525, 0.030799999999999998, -0.24306871796000809},
        {0.013093583914951107, 0.36934797605795561, 0.025938625640799837, -0.52587962805014832},
        {0.020480543436110221, 0.17387081260481596, 0.015421033079796869, -0.22513741609237464},
        {0.023957959688206541, 0.36876901017476171, 0.010918284757949377, -0.51291634780265871},
        {0.031333339891701777, 0.17349499275068458, 0.00065995780189620316, -0.21681286835696195},
        {0.034803239746715467, -0.021636386741578473, -0.0036762995652430356, 0.076078164719837749},
        {0.034370512011883896, -0.21670544277345885, -0.0021547362708462803, 0.36759894183747555},
        {0.030036403156414718, -0.021552939941453797, 0.0051972425659032309, 0.074237375169250164},
    };

    @Test
    void eulerStepsMatchTheHandIntegratedEquations() {
        double[] s = {0.01, -0.02, 0.03, 0.04};
        for (int t = 0; t < ACTIONS.length; t++) {
            CartPole.advance(s, ACTIONS[t]);
            for (int i = 0; i < 4; i++) {
                assertThat(s[i]).as("step %d, variable %d", t, i).isCloseTo(EXPECTED[t][i], within(1e-15));
            }
        }
    }

    @Test
    void observationsAreTheStateAsFloatsAndEveryStepPaysOne() {
        CartPole env = new CartPole();
        env.resetTo(0.01, -0.02, 0.03, 0.04);
        for (int t = 0; t < ACTIONS.length; t++) {
            Step<float[]> step = env.step(ACTIONS[t]);
            assertThat(step.reward()).isEqualTo(1.0);
            assertThat(step.done()).isFalse();
            for (int i = 0; i < 4; i++) {
                assertThat(step.observation()[i]).isEqualTo((float) EXPECTED[t][i]);
            }
        }
    }

    @Test
    void thePoleFallingPastTwelveDegreesOrTheCartLeavingTheTrackTerminates() {
        CartPole env = new CartPole();
        double twelveDegrees = 12 * 2 * Math.PI / 360;
        env.resetTo(0, 0, twelveDegrees - 1e-4, 0.1);
        Step<float[]> fall = env.step(0);
        assertThat(fall.terminated()).isTrue();
        assertThat(fall.reward()).isEqualTo(1.0);
        env.resetTo(2.4 - 1e-3, 1.0, 0, 0);
        assertThat(env.step(1).terminated()).isTrue();
        env.resetTo(-2.4 + 1e-3, -1.0, 0, 0);
        assertThat(env.step(0).terminated()).isTrue();
        env.resetTo(0, 0, 0.1, 0);
        assertThat(env.step(1).terminated()).isFalse();
        assertThatThrownBy(() -> env.step(2)).hasMessageContaining("action 2 is outside 0..1");
    }

    @Test
    void episodesAreTruncatedAtFiveHundredSteps() {
        CartPole env = new CartPole();
        float[] o = env.reset(Rng.seeded(3));
        int steps = 0;
        Step<float[]> step;
        do {
            // Push towards the side the pole leans to and is falling to: balances indefinitely from a small start.
            step = env.step(o[2] + 0.5 * o[3] > 0 ? 1 : 0);
            o = step.observation();
            steps++;
        } while (!step.done());
        assertThat(step.truncated()).isTrue();
        assertThat(step.terminated()).isFalse();
        assertThat(steps).isEqualTo(500);
        assertThatThrownBy(() -> env.step(0)).hasMessageContaining("reset()");
    }

    @Test
    void resetDrawsEveryStateVariableUniformlyWithinFiveHundredths() {
        CartPole env = new CartPole();
        Rng rng = Rng.seeded(11);
        double[] sum = new double[4];
        int n = 20_000;
        for (int k = 0; k < n; k++) {
            float[] o = env.reset(rng);
            for (int i = 0; i < 4; i++) {
                assertThat(o[i]).isBetween(-0.05f, 0.05f);
                sum[i] += o[i] * o[i];
            }
        }
        for (int i = 0; i < 4; i++) {
            // Var U(-a, a) = a²/3 = 8.33e-4; the sample variance of 20,000 draws is within 3% of it.
            assertThat(sum[i] / n).isCloseTo(0.05 * 0.05 / 3, within(2.5e-5));
        }
        assertThat(env.reset(Rng.seeded(5))).containsExactly(new CartPole().reset(Rng.seeded(5)));
    }
}
