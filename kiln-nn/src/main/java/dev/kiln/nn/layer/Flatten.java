package dev.kiln.nn.layer;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/** Flattens every dimension after the first: [N, d₁, …, dₖ] → [N, d₁·…·dₖ], sharing storage. */
public final class Flatten implements Module {
    public static final Flatten INSTANCE = new Flatten();

    private Flatten() {
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() < 1) {
            throw new IllegalArgumentException("Flatten: needs a batch dimension, got a scalar");
        }
        int features = 1;
        for (int d = 1; d < input.rank(); d++) {
            features *= input.dim(d);
        }
        return input.rank() == 2 ? input : input.reshape(input.dim(0), features);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of();
    }
}
