package dev.kiln.rl.env;

import dev.kiln.core.random.Rng;

/**
 * Gymnasium's CartPole-v1: the cart-pole of Barto, Sutton and Anderson (1983) with the equations
 * of motion as corrected by Florian (2007), integrated with explicit Euler steps of 0.02 s. The
 * observation is (x, ẋ, θ, θ̇) as float32; action 0 pushes the cart left and 1 right with 10 N;
 * every step pays 1. The episode terminates when |θ| exceeds 12° or |x| exceeds 2.4 and is cut at
 * 500 steps. Each episode starts with all four state variables uniform on [−0.05, 0.05).
 */
public final class CartPole implements Environment<float[]> {
    public static final double GRAVITY = 9.8;
    public static final double MASS_CART = 1.0;
    public static final double MASS_POLE = 0.1;
    public static final double TOTAL_MASS = MASS_CART + MASS_POLE;
    /** Half the pole's length. */
    public static final double LENGTH = 0.5;
    public static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    public static final double FORCE = 10.0;
    public static final double TAU = 0.02;
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    public static final double X_THRESHOLD = 2.4;
    public static final int MAX_EPISODE_STEPS = 500;

    private final double[] state = new double[4];
    private int steps = -1;

    @Override
    public int actionCount() {
        return 2;
    }

    @Override
    public int maxEpisodeSteps() {
        return MAX_EPISODE_STEPS;
    }

    /** Observations have four values: cart position, cart velocity, pole angle, pole angular velocity. */
    public int observationSize() {
        return 4;
    }

    @Override
    public float[] reset(Rng rng) {
        for (int i = 0; i < 4; i++) {
            state[i] = -0.05 + 0.1 * rng.nextDouble();
        }
        steps = 0;
        return observation();
    }

    /** Starts an episode from the given state (x, ẋ, θ, θ̇), for tests and demonstrations. */
    public float[] resetTo(double x, double xDot, double theta, double thetaDot) {
        state[0] = x;
        state[1] = xDot;
        state[2] = theta;
        state[3] = thetaDot;
        steps = 0;
        return observation();
    }

    @Override
    public Step<float[]> step(int action) {
        if (steps < 0) {
            throw new IllegalStateException("CartPole: call reset() before step()");
        }
        if (action != 0 && action != 1) {
            throw new IllegalArgumentException("CartPole: action " + action + " is outside 0..1");
        }
        advance(state, action);
        steps++;
        double x = state[0];
        double theta = state[2];
        boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
        boolean truncated = !terminated && steps >= MAX_EPISODE_STEPS;
        if (terminated || truncated) {
            steps = -1;
        }
        return new Step<>(observation(), 1.0, terminated, truncated);
    }

    /** One Euler step of 0.02 s of the cart-pole equations (Florian 2007, eqs. 23–24 without friction), in place. */
    static void advance(double[] s, int action) {
        double xDot = s[1];
        double theta = s[2];
        double thetaDot = s[3];
        double force = action == 1 ? FORCE : -FORCE;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp) / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        s[0] += TAU * xDot;
        s[1] += TAU * xAcc;
        s[2] += TAU * thetaDot;
        s[3] += TAU * thetaAcc;
    }

    private float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
    }
}
