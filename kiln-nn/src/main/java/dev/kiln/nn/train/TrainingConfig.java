package dev.kiln.nn.train;

import java.nio.file.Path;

/**
 * How a {@link ClassifierTrainer} trains: passes over the data, mini-batch size, the share of
 * rows held out for validation, early stopping and checkpoints.
 *
 * @param epochs             passes over the training rows (≥ 1)
 * @param batchSize          rows per optimiser step (≥ 1); the last batch of an epoch may be smaller
 * @param validationFraction share of rows held out to score each epoch, in [0, 1) (0: none)
 * @param patience           stop after this many epochs without a lower validation loss and keep
 *                           the best epoch's weights (0: never stop early; needs validation rows)
 * @param seed               seeds the shuffles and the validation split
 * @param checkpoints        a directory to save the model to after each epoch ("last") and at
 *                           each new best ("best"), or null
 */
public record TrainingConfig(int epochs, int batchSize, double validationFraction, int patience, long seed, Path checkpoints) {
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (patience > 0 && validationFraction == 0) {
            throw new IllegalArgumentException("early stopping (patience " + patience + ") needs validation rows: set a validation fraction > 0");
        }
    }

    /** {@code epochs} passes in batches of {@code batchSize}, no validation, no early stopping, no checkpoints. */
    public static TrainingConfig of(int epochs, int batchSize, long seed) {
        return new TrainingConfig(epochs, batchSize, 0, 0, seed, null);
    }

    public TrainingConfig withValidation(double fraction, int patience) {
        return new TrainingConfig(epochs, batchSize, fraction, patience, seed, checkpoints);
    }

    public TrainingConfig withCheckpoints(Path directory) {
        return new TrainingConfig(epochs, batchSize, validationFraction, patience, seed, directory);
    }
}
