package dev.kiln.rl.dqn;

/**
 * How the target network follows the online network: a hard copy every {@code interval} training
 * steps (Mnih et al. 2015) or a soft Polyak update θ' ← τθ + (1 − τ)θ' after every training step
 * (Lillicrap et al. 2016).
 */
public sealed interface TargetUpdate {

    record Hard(int interval) implements TargetUpdate {
        public Hard {
            if (interval < 1) {
                throw new IllegalArgumentException("hard target update: the interval must be >= 1 training step, got " + interval);
            }
        }

        /** The command-line form, "hard:N". */
        @Override
        public String toString() {
            return "hard:" + interval;
        }
    }

    record Soft(double tau) implements TargetUpdate {
        public Soft {
            if (!(tau > 0 && tau <= 1)) {
                throw new IllegalArgumentException("soft target update: tau must be in (0, 1], got " + tau);
            }
        }

        @Override
        public String toString() {
            return "soft:" + tau;
        }
    }

    /** Reads "hard:INTERVAL" or "soft:TAU". */
    public static TargetUpdate parse(String text) {
        String s = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.startsWith("hard:")) {
                return new Hard(Integer.parseInt(s.substring(5).strip()));
            }
            if (s.startsWith("soft:")) {
                return new Soft(Double.parseDouble(s.substring(5).strip()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target update '" + text + "': expected a number after the colon");
        }
        throw new IllegalArgumentException("unknown target update '" + text + "'; use hard:INTERVAL or soft:TAU");
    }

    /** Moves {@code target} towards {@code online} after training step {@code step} (counted from 1). */
    default void apply(float[] online, float[] target, long step) {
        switch (this) {
            case Hard h -> {
                if (step % h.interval() == 0) {
                    System.arraycopy(online, 0, target, 0, online.length);
                }
            }
            case Soft s -> {
                float tau = (float) s.tau();
                for (int i = 0; i < online.length; i++) {
                    target[i] += tau * (online[i] - target[i]);
                }
            }
        }
    }
}
