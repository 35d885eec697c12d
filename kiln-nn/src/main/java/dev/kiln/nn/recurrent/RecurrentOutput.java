package dev.kiln.nn.recurrent;

import dev.kiln.nn.tensor.Tensor;

/**
 * What a recurrent network returns, laid out as PyTorch's {@code nn.LSTM} with
 * {@code batch_first=True} does.
 *
 * @param output the top layer's states at every step, [batch, time, directions·hidden]; zero past
 *               each sequence's length
 * @param hidden every layer's final hidden state, [layers·directions, batch, hidden] (layer-major,
 *               forward before reverse); for a shortened sequence, the forward state at its last step
 * @param cell   the LSTM's final cell states in the same layout, or null for RNN and GRU
 * @param last   the top layer's final hidden states, directions side by side, [batch,
 *               directions·hidden]: the summary of each sequence a classifier reads
 */
public record RecurrentOutput(Tensor output, Tensor hidden, Tensor cell, Tensor last) {
}
