package dev.kiln.text.vectors;

/**
 * The result of training: the vectors and a summary of the run.
 *
 * @param vectors the word vectors, rows in vocabulary order (most frequent word first)
 * @param summary vocabulary size, words trained, time and, for GloVe, the loss per epoch
 */
public record TrainedVectors(WordVectors vectors, TrainingSummary summary) {
}
