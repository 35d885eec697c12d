package dev.kiln.nn.train;

import java.util.List;

/**
 * What a training run did, epoch by epoch.
 *
 * @param epochs      one result per epoch run
 * @param bestEpoch   the epoch whose weights the model holds (the last one without early stopping)
 * @param stoppedEarly whether early stopping ended the run before the configured epochs
 */
public record TrainingHistory(List<EpochResult> epochs, int bestEpoch, boolean stoppedEarly) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    public EpochResult last() {
        return epochs.get(epochs.size() - 1);
    }

    /** Mean training throughput over all epochs, in samples per second. */
    public double samplesPerSecond() {
        return epochs.stream().mapToDouble(EpochResult::samplesPerSecond).average().orElse(Double.NaN);
    }
}
