import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;

/**
 * A two-layer network learning XOR with nothing but tensors and automatic differentiation: the
 * forward pass is written out by hand, backward() computes every gradient, and the update is
 * plain gradient descent. Run it with ./run-from-scratch.sh (after ./kiln has built Kiln once).
 */
public class FromScratch {
    public static void main(String[] args) {
        Rng rng = Rng.seeded(7);
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        // Parameters: a hidden layer of 8 tanh units and one sigmoid output.
        Tensor w1 = Tensor.uniform(rng, -1, 1, 8, 2).requireGrad();
        Tensor b1 = Tensor.zeros(8).requireGrad();
        Tensor w2 = Tensor.uniform(rng, -1, 1, 1, 8).requireGrad();
        Tensor b2 = Tensor.zeros(1).requireGrad();
        Tensor[] params = {w1, b1, w2, b2};
        float learningRate = 0.5f;
        for (int step = 0; step <= 2000; step++) {
            Tensor hidden = x.linear(w1, b1).tanh();           // x·W1ᵀ + b1, then tanh
            Tensor p = hidden.linear(w2, b2).sigmoid();        // probability of class 1
            // Binary cross-entropy written out: −mean(y·log p + (1 − y)·log(1 − p)).
            Tensor loss = y.mul(p.log()).add(y.neg().add(1).mul(p.neg().add(1).log())).mean().neg();
            for (Tensor t : params) {
                t.zeroGrad();
            }
            loss.backward();
            for (Tensor t : params) {                           // θ ← θ − η·∂loss/∂θ
                float[] value = t.data();
                float[] grad = t.gradientBuffer();
                for (int i = 0; i < value.length; i++) {
                    value[i] -= learningRate * grad[i];
                }
            }
            if (step % 500 == 0) {
                System.out.printf("step %4d  loss %.4f  predictions %s%n", step, loss.item(), java.util.Arrays.toString(p.data()));
            }
        }
    }
}
