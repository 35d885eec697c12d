package dev.kiln.nn.recurrent;

/**
 * The order in which one direction of a layer visits a padded batch, as PyTorch's packed
 * sequences do: sequences sorted longest first (stably), so that the ones still running at any
 * step are a prefix of that order and each step's matrix products cover just them. Step s reads
 * time step s, or T − 1 − s when reversed, so a reversed sequence starts at its own last step.
 */
final class Schedule {
    final int batch;
    final int steps;
    final boolean reverse;
    /** Position → batch index, longest sequence first. */
    final int[] order;
    /** Per step, how many sequences (the first in {@link #order}) have that time step. */
    final int[] active;

    private Schedule(int[] order, int[] sortedLengths, int steps, boolean reverse) {
        this.batch = order.length;
        this.steps = steps;
        this.reverse = reverse;
        this.order = order;
        this.active = new int[steps];
        int n = batch;
        for (int t = 0; t < steps; t++) {
            while (n > 0 && sortedLengths[n - 1] <= t) {
                n--;
            }
            active[reverse ? steps - 1 - t : t] = n;
        }
    }

    /** The forward and the reverse schedule of a batch of sequences with these lengths (each in [1, steps]), or all full when null. */
    static Schedule[] of(int[] lengths, int batch, int steps) {
        int[] order = new int[batch];
        int[] sorted = new int[batch];
        if (lengths == null) {
            for (int b = 0; b < batch; b++) {
                order[b] = b;
                sorted[b] = steps;
            }
        } else {
            int[] count = new int[steps + 2];
            for (int len : lengths) {
                count[steps - len + 1]++;
            }
            for (int i = 1; i < count.length; i++) {
                count[i] += count[i - 1];
            }
            for (int b = 0; b < batch; b++) {
                int at = count[steps - lengths[b]]++;
                order[at] = b;
                sorted[at] = lengths[b];
            }
        }
        return new Schedule[] {new Schedule(order, sorted, steps, false), new Schedule(order, sorted, steps, true)};
    }

    int time(int step) {
        return reverse ? steps - 1 - step : step;
    }

    /** The row of the batch-first input [batch·time, features] read at {@code step} by the sequence at {@code position}. */
    int inputRow(int step, int position) {
        return order[position] * steps + time(step);
    }
}
