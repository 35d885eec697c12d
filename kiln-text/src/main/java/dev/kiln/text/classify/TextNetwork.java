package dev.kiln.text.classify;

import dev.kiln.nn.layer.Dropout;
import dev.kiln.nn.layer.Embedding;
import dev.kiln.nn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A network from batches of token ids to class logits, as {@link SequenceTrainer} trains it. */
interface TextNetwork {

    /** The logits [rows, classes] of a batch; {@code dropout} is null in evaluation. */
    Tensor logits(TokenBatch batch, Dropout dropout);

    /** The word-embedding table, its first layer. */
    Embedding embedding();

    /** The trainable tensors by name (PyTorch's {@code state_dict} names), in a fixed order. */
    Map<String, Tensor> namedParameters();

    default List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }
}
