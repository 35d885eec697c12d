package dev.kiln.nn.layer;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/** A differentiable function with trainable parameters: a layer or a network of layers. */
public interface Module {
    Tensor forward(Tensor input);

    /** The trainable tensors, in a fixed order (the order optimisers and model files use). */
    List<Tensor> parameters();

    /** Switches training behaviour (dropout, batch statistics) on or off; layers without any ignore it. */
    default void train(boolean training) {
    }
}
