package dev.kiln.nn.train;

/**
 * The figures of one epoch. Training loss and accuracy are running means over the epoch's
 * batches (as the weights changed); validation figures, NaN without validation rows, are
 * measured after the epoch.
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy,
                          double seconds, double samplesPerSecond, double learningRate) {
}
