package dev.kiln.nn.tensor;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.random.Rng;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row-major float32 tensor with reverse-mode automatic differentiation over a dynamic graph
 * (Griewank and Walther, Evaluating Derivatives, 2nd ed., ch. 3; the define-by-run design of
 * Chainer and PyTorch): every operation on tensors that require gradients records its inputs and
 * a backward function, and {@link #backward()} runs those functions in reverse topological
 * order, adding each input's share to its gradient. Gradients accumulate across calls until
 * {@link #zeroGrad()}. Inside {@link #noGrad()} nothing is recorded.
 *
 * <p>Storage is contiguous; {@link #reshape} shares it, other operations return new storage.
 */
public final class Tensor {
    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final float[] data;
    private final int[] shape;
    private final boolean requiresGrad;
    private final String op;
    private final Tensor[] inputs;
    private final Backward backward;
    private float[] grad;

    /** How an operation passes its output's gradient back to its inputs' gradient buffers. */
    @FunctionalInterface
    public interface Backward {
        /** Adds the inputs' shares of {@code outputGrad} to their {@link #gradientBuffer()}s. */
        void accumulate(float[] outputGrad);
    }

    private Tensor(float[] data, int[] shape, boolean requiresGrad, String op, Tensor[] inputs, Backward backward) {
        this.data = data;
        this.shape = shape;
        this.requiresGrad = requiresGrad;
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
    }

    // ---- creation ----

    /** A constant tensor holding a copy of {@code values} in the given shape. */
    public static Tensor of(float[] values, int... shape) {
        int[] s = shape.clone();
        if (Shape.size(s) != values.length) {
            throw new IllegalArgumentException("Tensor.of: " + values.length + " values do not fill shape " + Arrays.toString(s)
                    + " (" + Shape.size(s) + " elements)");
        }
        return new Tensor(values.clone(), s, false, "constant", null, null);
    }

    /** A constant scalar (shape []). */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0], false, "constant", null, null);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shape.size(shape)], shape.clone(), false, "constant", null, null);
    }

    /** Standard normal entries. */
    public static Tensor randn(Rng rng, int... shape) {
        float[] v = new float[Shape.size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return new Tensor(v, shape.clone(), false, "constant", null, null);
    }

    /** Entries uniform on [low, high). */
    public static Tensor uniform(Rng rng, float low, float high, int... shape) {
        float[] v = new float[Shape.size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = low + (high - low) * rng.nextFloat();
        }
        return new Tensor(v, shape.clone(), false, "constant", null, null);
    }

    /** A leaf that requires gradients, sharing this tensor's storage: a trainable parameter. */
    public Tensor requireGrad() {
        return new Tensor(data, shape, true, "parameter", null, null);
    }

    /** A constant sharing this tensor's storage, cut from the graph. */
    public Tensor detach() {
        return new Tensor(data, shape, false, "constant", null, null);
    }

    /**
     * The result of a custom operation: {@code backward} receives this result's gradient and adds
     * the inputs' shares to their {@link #gradientBuffer()}s. Nothing is recorded, and
     * {@code backward} is dropped, when no input requires gradients or inside {@link #noGrad()}.
     */
    public static Tensor derived(String op, float[] data, int[] shape, Backward backward, Tensor... inputs) {
        if (Shape.size(shape) != data.length) {
            throw new IllegalArgumentException(op + ": " + data.length + " values do not fill shape " + Arrays.toString(shape));
        }
        boolean track = NO_GRAD_DEPTH.get()[0] == 0 && Arrays.stream(inputs).anyMatch(t -> t.requiresGrad);
        return track ? new Tensor(data, shape, true, op, inputs, backward) : new Tensor(data, shape, false, op, null, null);
    }

    /** Whether operations on this thread are being recorded now (false inside {@link #noGrad()}). */
    static boolean recording() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    /** Suspends graph recording on this thread until closed: for inference and optimiser updates. */
    public static NoGrad noGrad() {
        NO_GRAD_DEPTH.get()[0]++;
        return new NoGrad();
    }

    /** The scope returned by {@link #noGrad()}. */
    public static final class NoGrad implements AutoCloseable {
        private boolean open = true;

        private NoGrad() {
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                NO_GRAD_DEPTH.get()[0]--;
            }
        }
    }

    // ---- accessors ----

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int d) {
        return shape[d < 0 ? shape.length + d : d];
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** The live storage, row-major: optimisers and custom operations write through it. */
    public float[] data() {
        return data;
    }

    public float item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() needs a tensor of one element, this one has shape " + Arrays.toString(shape));
        }
        return data[0];
    }

    public float get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a tensor of shape " + Arrays.toString(shape));
        }
        int at = 0;
        for (int d = 0; d < index.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape " + Arrays.toString(shape));
            }
            at = at * shape[d] + index[d];
        }
        return data[at];
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The accumulated gradient, as a constant tensor of this shape, or null before any backward pass reached it. */
    public Tensor grad() {
        return grad == null ? null : new Tensor(grad.clone(), shape, false, "constant", null, null);
    }

    /** Whether a backward pass has reached this tensor since it was made (its gradient exists, possibly zeroed). */
    public boolean hasGrad() {
        return grad != null;
    }

    /** The accumulating gradient storage, allocated (zero) on first use; custom backward functions add to it. */
    public float[] gradientBuffer() {
        if (grad == null) {
            grad = new float[data.length];
        }
        return grad;
    }

    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad, 0f);
        }
    }

    public String op() {
        return op;
    }

    @Override
    public String toString() {
        String values = data.length <= 8 ? Arrays.toString(data) : Arrays.toString(Arrays.copyOf(data, 8)).replace("]", ", …]");
        return "Tensor" + Arrays.toString(shape) + (requiresGrad ? " (grad)" : "") + " " + values;
    }

    // ---- backward ----

    /** Back-propagates from this scalar: every tensor it depends on that requires gradients gets d(this)/d(tensor) added. */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalStateException("backward() starts from a scalar, but this tensor has shape " + Arrays.toString(shape)
                    + "; reduce it (sum, mean) or pass the output gradient to backward(Tensor)");
        }
        backward(new float[] {1f});
    }

    /** Back-propagates {@code outputGrad} (this tensor's shape) through the graph. */
    public void backward(Tensor outputGrad) {
        if (!Arrays.equals(outputGrad.shape, shape)) {
            throw new IllegalArgumentException("backward: the gradient has shape " + Arrays.toString(outputGrad.shape)
                    + ", the tensor " + Arrays.toString(shape));
        }
        backward(outputGrad.data);
    }

    private void backward(float[] seed) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor (" + op + ") does not depend on any tensor that requires gradients");
        }
        List<Tensor> order = topologicalOrder();
        float[] g = gradientBuffer();
        for (int i = 0; i < g.length; i++) {
            g[i] += seed[i];
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            if (t.backward != null && t.grad != null) {
                t.backward.accumulate(t.grad);
            }
        }
    }

    /** Every node reachable from this one through recorded inputs, each after its inputs. */
    private List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        stack.push(this);
        next.push(0);
        seen.put(this, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int i = next.pop();
            if (t.inputs != null && i < t.inputs.length) {
                next.push(i + 1);
                Tensor in = t.inputs[i];
                if (in.requiresGrad && seen.put(in, Boolean.TRUE) == null) {
                    stack.push(in);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    // ---- element-wise arithmetic with broadcasting ----

    public Tensor add(Tensor o) {
        return broadcastOp("add", o, 0);
    }

    public Tensor sub(Tensor o) {
        return broadcastOp("sub", o, 1);
    }

    public Tensor mul(Tensor o) {
        return broadcastOp("mul", o, 2);
    }

    public Tensor div(Tensor o) {
        return broadcastOp("div", o, 3);
    }

    private Tensor broadcastOp(String name, Tensor o, int kind) {
        int[] out = Shape.broadcast(name, shape, o.shape);
        int n = Shape.size(out);
        int[] ia = Arrays.equals(shape, out) ? null : Shape.broadcastIndex(shape, out);
        int[] ib = Arrays.equals(o.shape, out) ? null : Shape.broadcastIndex(o.shape, out);
        float[] a = data;
        float[] b = o.data;
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            float x = a[ia == null ? i : ia[i]];
            float y = b[ib == null ? i : ib[i]];
            r[i] = switch (kind) {
                case 0 -> x + y;
                case 1 -> x - y;
                case 2 -> x * y;
                default -> x / y;
            };
        }
        Tensor self = this;
        return derived(name, r, out, g -> {
            float[] ga = self.requiresGrad ? self.gradientBuffer() : null;
            float[] gb = o.requiresGrad ? o.gradientBuffer() : null;
            for (int i = 0; i < n; i++) {
                int ai = ia == null ? i : ia[i];
                int bi = ib == null ? i : ib[i];
                float gi = g[i];
                switch (kind) {
                    case 0 -> {
                        if (ga != null) ga[ai] += gi;
                        if (gb != null) gb[bi] += gi;
                    }
                    case 1 -> {
                        if (ga != null) ga[ai] += gi;
                        if (gb != null) gb[bi] -= gi;
                    }
                    case 2 -> {
                        if (ga != null) ga[ai] += gi * b[bi];
                        if (gb != null) gb[bi] += gi * a[ai];
                    }
                    default -> {
                        float y = b[bi];
                        if (ga != null) ga[ai] += gi / y;
                        if (gb != null) gb[bi] -= gi * a[ai] / (y * y);
                    }
                }
            }
        }, this, o);
    }

    public Tensor add(float c) {
        return unary("add", x -> x + c, (x, y) -> 1f);
    }

    public Tensor mul(float c) {
        return unary("mul", x -> x * c, (x, y) -> c);
    }

    public Tensor neg() {
        return mul(-1f);
    }

    // ---- element-wise functions ----

    @FunctionalInterface
    private interface FloatFn {
        float apply(float x);
    }

    /** The derivative from the input x and the output y. */
    @FunctionalInterface
    private interface Derivative {
        float at(float x, float y);
    }

    private Tensor unary(String name, FloatFn f, Derivative d) {
        float[] r = new float[data.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.apply(data[i]);
        }
        Tensor self = this;
        return derived(name, r, shape, g -> {
            float[] gx = self.gradientBuffer();
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * d.at(self.data[i], r[i]);
            }
        }, this);
    }

    public Tensor relu() {
        float[] r = new float[data.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.max(data[i], 0f);
        }
        Tensor self = this;
        return derived("relu", r, shape, g -> {
            float[] gx = self.gradientBuffer();
            for (int i = 0; i < g.length; i++) {
                gx[i] += r[i] > 0 ? g[i] : 0f;
            }
        }, this);
    }

    public Tensor leakyRelu(float slope) {
        return unary("leaky_relu", x -> x > 0 ? x : slope * x, (x, y) -> x > 0 ? 1f : slope);
    }

    public Tensor sigmoid() {
        return unary("sigmoid", x -> (float) (1 / (1 + Math.exp(-x))), (x, y) -> y * (1 - y));
    }

    public Tensor tanh() {
        return unary("tanh", x -> (float) Math.tanh(x), (x, y) -> 1 - y * y);
    }

    /** GELU, x·Φ(x) with the exact normal CDF (Hendrycks and Gimpel 2016), as PyTorch's default. */
    public Tensor gelu() {
        return unary("gelu", x -> (float) (x * NormalCdf.of(x)),
                (x, y) -> (float) (NormalCdf.of(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)));
    }

    public Tensor exp() {
        return unary("exp", x -> (float) Math.exp(x), (x, y) -> y);
    }

    public Tensor log() {
        return unary("log", x -> (float) Math.log(x), (x, y) -> 1 / x);
    }

    public Tensor square() {
        return unary("square", x -> x * x, (x, y) -> 2 * x);
    }

    // ---- reductions ----

    /** The sum of every element, a scalar. */
    public Tensor sum() {
        double s = 0;
        for (float v : data) {
            s += v;
        }
        Tensor self = this;
        return derived("sum", new float[] {(float) s}, new int[0], g -> {
            float[] gx = self.gradientBuffer();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g[0];
            }
        }, this);
    }

    /** The mean of every element, a scalar. */
    public Tensor mean() {
        if (data.length == 0) {
            throw new IllegalStateException("mean of an empty tensor (shape " + Arrays.toString(shape) + ")");
        }
        return sum().mul(1f / data.length);
    }

    /** The sums along dimension {@code dim}, which is removed from the shape. */
    public Tensor sum(int dim) {
        return reduce("sum", dim, false);
    }

    /** The means along dimension {@code dim}, which is removed from the shape. */
    public Tensor mean(int dim) {
        return reduce("mean", dim, true);
    }

    private Tensor reduce(String name, int dim, boolean average) {
        int d = Shape.axis(name, dim, shape);
        int n = shape[d];
        if (average && n == 0) {
            throw new IllegalArgumentException("mean: dimension " + d + " of shape " + Arrays.toString(shape) + " is empty");
        }
        int outer = Shape.before(shape, d);
        int inner = Shape.after(shape, d);
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != d) {
                out[j++] = shape[i];
            }
        }
        float scale = average ? 1f / n : 1f;
        float[] r = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < n; k++) {
                int at = (o * n + k) * inner;
                for (int i = 0; i < inner; i++) {
                    r[o * inner + i] += data[at + i];
                }
            }
        }
        if (average) {
            for (int i = 0; i < r.length; i++) {
                r[i] *= scale;
            }
        }
        Tensor self = this;
        return derived(name, r, out, g -> {
            float[] gx = self.gradientBuffer();
            for (int o = 0; o < outer; o++) {
                for (int k = 0; k < n; k++) {
                    int at = (o * n + k) * inner;
                    for (int i = 0; i < inner; i++) {
                        gx[at + i] += g[o * inner + i] * scale;
                    }
                }
            }
        }, this);
    }

    // ---- shape ----

    /** The same storage seen in another shape of the same size; one dimension may be −1 (inferred). */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int d = 0; d < s.length; d++) {
            if (s[d] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: at most one dimension may be -1, got " + Arrays.toString(newShape));
                }
                infer = d;
            } else {
                known *= s[d];
            }
        }
        boolean fits;
        if (infer >= 0) {
            fits = known > 0 && data.length % known == 0;
            if (fits) {
                s[infer] = (int) (data.length / known);
            }
        } else {
            fits = Arrays.stream(s).allMatch(d -> d >= 0) && known == data.length;
        }
        if (!fits) {
            throw new IllegalArgumentException("reshape: shape " + Arrays.toString(shape) + " (" + data.length
                    + " elements) cannot be seen as " + Arrays.toString(newShape));
        }
        Tensor self = this;
        return derived("reshape", data, s, g -> {
            float[] gx = self.gradientBuffer();
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i];
            }
        }, this);
    }

    /** The transpose of a matrix (rank 2). */
    public Tensor transpose() {
        requireRank("transpose", 2);
        int m = shape[0];
        int n = shape[1];
        float[] r = new float[data.length];
        Blas.transpose(m, n, data, 0, n, r, 0, m);
        Tensor self = this;
        return derived("transpose", r, new int[] {n, m}, g -> {
            float[] gx = self.gradientBuffer();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    gx[i * n + j] += g[j * m + i];
                }
            }
        }, this);
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) along dimension {@code dim}, copied. */
    public Tensor slice(int dim, int from, int to) {
        int d = Shape.axis("slice", dim, shape);
        if (from < 0 || to > shape[d] || from > to) {
            throw new IllegalArgumentException("slice: range [" + from + ", " + to + ") is outside dimension " + d + " of shape "
                    + Arrays.toString(shape) + " (size " + shape[d] + ")");
        }
        int outer = Shape.before(shape, d);
        int inner = Shape.after(shape, d);
        int len = (to - from) * inner;
        int stride = shape[d] * inner;
        int[] out = shape.clone();
        out[d] = to - from;
        float[] r = new float[outer * len];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(data, o * stride + from * inner, r, o * len, len);
        }
        Tensor self = this;
        return derived("slice", r, out, g -> {
            float[] gx = self.gradientBuffer();
            for (int o = 0; o < outer; o++) {
                int at = o * stride + from * inner;
                for (int i = 0; i < len; i++) {
                    gx[at + i] += g[o * len + i];
                }
            }
        }, this);
    }

    /** The tensors joined along dimension {@code dim}; every other dimension must agree. */
    public static Tensor concat(int dim, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        int[] first = parts[0].shape;
        int d = Shape.axis("concat", dim, first);
        int total = 0;
        for (Tensor t : parts) {
            boolean fits = t.shape.length == first.length;
            for (int i = 0; fits && i < first.length; i++) {
                fits = i == d || t.shape[i] == first[i];
            }
            if (!fits) {
                throw new IllegalArgumentException("concat: shapes " + Arrays.toString(first) + " and " + Arrays.toString(t.shape)
                        + " differ outside dimension " + d);
            }
            total += t.shape[d];
        }
        int outer = Shape.before(first, d);
        int inner = Shape.after(first, d);
        int[] out = first.clone();
        out[d] = total;
        int rowLen = total * inner;
        float[] r = new float[outer * rowLen];
        int offset = 0;
        int[] offsets = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            Tensor t = parts[k];
            int len = t.shape[d] * inner;
            offsets[k] = offset;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(t.data, o * len, r, o * rowLen + offset, len);
            }
            offset += len;
        }
        return derived("concat", r, out, g -> {
            for (int k = 0; k < parts.length; k++) {
                Tensor t = parts[k];
                if (!t.requiresGrad) {
                    continue;
                }
                float[] gx = t.gradientBuffer();
                int len = t.shape[d] * inner;
                for (int o = 0; o < outer; o++) {
                    int at = o * rowLen + offsets[k];
                    for (int i = 0; i < len; i++) {
                        gx[o * len + i] += g[at + i];
                    }
                }
            }
        }, parts);
    }

    // ---- linear algebra ----

    /** The matrix product of [m, k] and [k, n], on the SIMD float GEMM. */
    public Tensor matmul(Tensor o) {
        requireRank("matmul", 2);
        if (o.shape.length != 2 || o.shape[0] != shape[1]) {
            throw new IllegalArgumentException("matmul: shapes " + Arrays.toString(shape) + " and " + Arrays.toString(o.shape)
                    + " do not multiply (needs [m, k] and [k, n])");
        }
        int m = shape[0];
        int k = shape[1];
        int n = o.shape[1];
        float[] c = new float[m * n];
        if (m > 0 && n > 0 && k > 0) {
            Blas.sgemm(false, false, m, n, k, 1f, data, 0, k, o.data, 0, n, 0f, c, 0, n);
        }
        Tensor self = this;
        return derived("matmul", c, new int[] {m, n}, g -> {
            if (m == 0 || n == 0 || k == 0) {
                return;
            }
            if (self.requiresGrad) {
                Blas.sgemm(false, true, m, k, n, 1f, g, 0, n, o.data, 0, n, 1f, self.gradientBuffer(), 0, k);
            }
            if (o.requiresGrad) {
                Blas.sgemm(true, false, k, n, m, 1f, self.data, 0, k, g, 0, n, 1f, o.gradientBuffer(), 0, n);
            }
        }, this, o);
    }

    /**
     * The affine map x·Wᵀ + b of a batch x [n, in] with weights W [out, in] (PyTorch's layout)
     * and bias b [out] (or null), fused into one GEMM each way.
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        requireRank("linear", 2);
        if (weight.shape.length != 2 || weight.shape[1] != shape[1]) {
            throw new IllegalArgumentException("linear: input " + Arrays.toString(shape) + " and weight " + Arrays.toString(weight.shape)
                    + " do not fit (needs [n, in] and [out, in])");
        }
        int rows = shape[0];
        int in = shape[1];
        int out = weight.shape[0];
        if (bias != null && (bias.shape.length != 1 || bias.shape[0] != out)) {
            throw new IllegalArgumentException("linear: bias " + Arrays.toString(bias.shape) + " does not fit weight "
                    + Arrays.toString(weight.shape) + " (needs [" + out + "])");
        }
        float[] y = new float[rows * out];
        if (bias != null) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(bias.data, 0, y, i * out, out);
            }
        }
        if (rows > 0 && out > 0 && in > 0) {
            Blas.sgemm(false, true, rows, out, in, 1f, data, 0, in, weight.data, 0, in, bias == null ? 0f : 1f, y, 0, out);
        }
        Tensor self = this;
        Tensor[] inputs = bias == null ? new Tensor[] {this, weight} : new Tensor[] {this, weight, bias};
        return derived("linear", y, new int[] {rows, out}, g -> {
            if (rows == 0 || out == 0) {
                return;
            }
            if (self.requiresGrad && in > 0) {
                Blas.sgemm(false, false, rows, in, out, 1f, g, 0, out, weight.data, 0, in, 1f, self.gradientBuffer(), 0, in);
            }
            if (weight.requiresGrad && in > 0) {
                Blas.sgemm(true, false, out, in, rows, 1f, g, 0, out, self.data, 0, in, 1f, weight.gradientBuffer(), 0, in);
            }
            if (bias != null && bias.requiresGrad) {
                float[] gb = bias.gradientBuffer();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < out; j++) {
                        gb[j] += g[i * out + j];
                    }
                }
            }
        }, inputs);
    }

    // ---- softmax ----

    /** The softmax along the last dimension. */
    public Tensor softmax() {
        int c = lastDim("softmax");
        float[] y = new float[data.length];
        Softmax.rows(data, y, c);
        Tensor self = this;
        return derived("softmax", y, shape, g -> {
            float[] gx = self.gradientBuffer();
            for (int o = 0; o < y.length; o += c) {
                double dot = 0;
                for (int j = 0; j < c; j++) {
                    dot += g[o + j] * y[o + j];
                }
                for (int j = 0; j < c; j++) {
                    gx[o + j] += (float) (y[o + j] * (g[o + j] - dot));
                }
            }
        }, this);
    }

    /** The log of the softmax along the last dimension, computed stably (x − max − log Σ e^(x − max)). */
    public Tensor logSoftmax() {
        int c = lastDim("log_softmax");
        float[] p = new float[data.length];
        double[] logSum = Softmax.rows(data, p, c);
        float[] y = new float[data.length];
        for (int r = 0, o = 0; r < logSum.length; r++, o += c) {
            float shift = (float) logSum[r];
            for (int j = 0; j < c; j++) {
                y[o + j] = data[o + j] - shift;
            }
        }
        Tensor self = this;
        return derived("log_softmax", y, shape, g -> {
            float[] gx = self.gradientBuffer();
            for (int o = 0; o < y.length; o += c) {
                double total = 0;
                for (int j = 0; j < c; j++) {
                    total += g[o + j];
                }
                for (int j = 0; j < c; j++) {
                    gx[o + j] += (float) (g[o + j] - p[o + j] * total);
                }
            }
        }, this);
    }

    private int lastDim(String name) {
        if (shape.length == 0 || shape[shape.length - 1] == 0) {
            throw new IllegalArgumentException(name + ": needs a last dimension of at least 1, got shape " + Arrays.toString(shape));
        }
        return shape[shape.length - 1];
    }

    private void requireRank(String name, int rank) {
        if (shape.length != rank) {
            throw new IllegalArgumentException(name + ": needs a tensor of rank " + rank + ", got shape " + Arrays.toString(shape));
        }
    }
}
