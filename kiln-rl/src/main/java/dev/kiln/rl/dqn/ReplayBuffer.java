package dev.kiln.rl.dqn;

import dev.kiln.core.random.Rng;

/**
 * Experience replay (Lin 1992; Mnih et al., Nature 2015): a ring buffer of the last
 * {@code capacity} transitions (s, a, r, s', terminated) in flat float arrays, sampled uniformly
 * with replacement into a reused {@link Batch}. Not thread-safe.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int observationSize;
    private final float[] observations;
    private final int[] actions;
    private final float[] rewards;
    private final float[] nextObservations;
    private final boolean[] terminated;
    private int size;
    private int next;

    /** A sampled minibatch: row i of each array is one transition. */
    public static final class Batch {
        final int size;
        final float[] observations;
        final int[] actions;
        final float[] rewards;
        final float[] nextObservations;
        final boolean[] terminated;

        public Batch(int size, int observationSize) {
            this.size = size;
            this.observations = new float[size * observationSize];
            this.actions = new int[size];
            this.rewards = new float[size];
            this.nextObservations = new float[size * observationSize];
            this.terminated = new boolean[size];
        }

        public int size() {
            return size;
        }

        public int action(int i) {
            return actions[i];
        }

        public float reward(int i) {
            return rewards[i];
        }
    }

    public ReplayBuffer(int capacity, int observationSize) {
        if (capacity < 1 || observationSize < 1) {
            throw new IllegalArgumentException("replay buffer: capacity and observation size must be >= 1, got " + capacity + " and "
                    + observationSize);
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.observations = new float[capacity * observationSize];
        this.actions = new int[capacity];
        this.rewards = new float[capacity];
        this.nextObservations = new float[capacity * observationSize];
        this.terminated = new boolean[capacity];
    }

    /** Stores a transition, overwriting the oldest when full. */
    public void add(float[] observation, int action, double reward, float[] nextObservation, boolean terminal) {
        System.arraycopy(observation, 0, observations, next * observationSize, observationSize);
        System.arraycopy(nextObservation, 0, nextObservations, next * observationSize, observationSize);
        actions[next] = action;
        rewards[next] = (float) reward;
        terminated[next] = terminal;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Fills {@code batch} with transitions drawn uniformly with replacement; returns the drawn slots. */
    public int[] sample(Batch batch, Rng rng) {
        if (size == 0) {
            throw new IllegalStateException("replay buffer: nothing to sample yet");
        }
        int[] slots = new int[batch.size];
        for (int i = 0; i < batch.size; i++) {
            int j = rng.nextInt(size);
            slots[i] = j;
            System.arraycopy(observations, j * observationSize, batch.observations, i * observationSize, observationSize);
            System.arraycopy(nextObservations, j * observationSize, batch.nextObservations, i * observationSize, observationSize);
            batch.actions[i] = actions[j];
            batch.rewards[i] = rewards[j];
            batch.terminated[i] = terminated[j];
        }
        return slots;
    }
}
