package dev.kiln.rl.tabular;

import java.util.Locale;

/**
 * The exploration rate ε of an ε-greedy policy (Sutton and Barto, Reinforcement Learning, 2nd ed.,
 * §2.2) as a function of time t: episodes for the tabular learners, environment steps for DQN.
 */
public sealed interface EpsilonSchedule {

    double epsilon(long t);

    /** ε fixed at {@code value}. */
    record Constant(double value) implements EpsilonSchedule {
        public Constant {
            checkProbability("epsilon", value);
        }

        @Override
        public double epsilon(long t) {
            return value;
        }

        /** The command-line form, "constant:ε". */
        @Override
        public String toString() {
            return "constant:" + value;
        }
    }

    /** ε falls linearly from {@code start} to {@code end} over {@code duration} units of time, then stays at {@code end}. */
    record Linear(double start, double end, long duration) implements EpsilonSchedule {
        public Linear {
            checkProbability("start epsilon", start);
            checkProbability("end epsilon", end);
            if (duration < 1) {
                throw new IllegalArgumentException("linear epsilon schedule: the duration must be >= 1, got " + duration);
            }
        }

        @Override
        public double epsilon(long t) {
            return t >= duration ? end : start + (end - start) * ((double) t / duration);
        }

        @Override
        public String toString() {
            return "linear:" + start + "," + end + "," + duration;
        }
    }

    /** ε = max(end, start·decayᵗ). */
    record Exponential(double start, double end, double decay) implements EpsilonSchedule {
        public Exponential {
            checkProbability("start epsilon", start);
            checkProbability("end epsilon", end);
            if (!(decay > 0 && decay <= 1)) {
                throw new IllegalArgumentException("exponential epsilon schedule: the decay must be in (0, 1], got " + decay);
            }
        }

        @Override
        public double epsilon(long t) {
            return Math.max(end, start * Math.pow(decay, t));
        }

        @Override
        public String toString() {
            return "exponential:" + start + "," + end + "," + decay;
        }
    }

    /**
     * Reads "constant:ε", "linear:start,end,duration" or "exponential:start,end,decay", e.g.
     * "linear:1,0.05,10000".
     */
    static EpsilonSchedule parse(String text) {
        String spec = text.strip().toLowerCase(Locale.ROOT);
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String[] args = colon < 0 ? new String[0] : spec.substring(colon + 1).split(",", -1);
        try {
            return switch (kind) {
                case "constant" -> {
                    expect(text, args, 1);
                    yield new Constant(Double.parseDouble(args[0].strip()));
                }
                case "linear" -> {
                    expect(text, args, 3);
                    yield new Linear(Double.parseDouble(args[0].strip()), Double.parseDouble(args[1].strip()),
                            Long.parseLong(args[2].strip()));
                }
                case "exponential" -> {
                    expect(text, args, 3);
                    yield new Exponential(Double.parseDouble(args[0].strip()), Double.parseDouble(args[1].strip()),
                            Double.parseDouble(args[2].strip()));
                }
                default -> throw new IllegalArgumentException("unknown epsilon schedule '" + text
                        + "'; use constant:EPS, linear:START,END,DURATION or exponential:START,END,DECAY");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("epsilon schedule '" + text + "': expected numbers after the colon (" + e.getMessage() + ")");
        }
    }

    private static void expect(String text, String[] args, int count) {
        if (args.length != count) {
            throw new IllegalArgumentException("epsilon schedule '" + text + "' needs " + count + " comma-separated numbers after the colon, got "
                    + args.length);
        }
    }

    private static void checkProbability(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
        }
    }
}
