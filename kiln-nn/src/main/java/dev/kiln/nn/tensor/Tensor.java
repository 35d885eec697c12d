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
 * <p>A tensor is a view of a float array through an offset and one stride per dimension.
 * {@link #transpose(int, int)}, {@link #permute}, {@link #slice}, {@link #select},
 * {@link #expand}, {@link #unsqueeze}, {@link #squeeze} and {@link #reshape} of a contiguous tensor
 * share their input's storage; every other operation returns new, contiguous storage, reading a
 * strided input once in row-major order ({@link #matmul} reads transposed matrices in place).
 * Gradients are always contiguous, one buffer per tensor.
 */
public final class Tensor {
    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final float[] data;
    private final int offset;
    private final int[] strides;
    private final boolean contiguous;
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
        this(data, 0, Shape.strides(shape), shape, requiresGrad, op, inputs, backward);
    }

    private Tensor(float[] data, int offset, int[] strides, int[] shape, boolean requiresGrad, String op, Tensor[] inputs,
                   Backward backward) {
        this.data = data;
        this.offset = offset;
        this.strides = strides;
        this.shape = shape;
        this.contiguous = offset == 0 && data.length == Shape.size(shape) && Layout.rowMajor(shape, strides);
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

    /**
     * A leaf that requires gradients, sharing this tensor's storage (a contiguous copy of a strided
     * view): a trainable parameter.
     */
    public Tensor requireGrad() {
        return new Tensor(values(), shape, true, "parameter", null, null);
    }

    /** A constant sharing this tensor's storage and layout, cut from the graph. */
    public Tensor detach() {
        return new Tensor(data, offset, strides, shape, false, "constant", null, null);
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
        return Shape.size(shape);
    }

    /**
     * The values in row-major order: the live storage when the tensor {@link #isContiguous()}
     * (optimisers and custom operations write through it), otherwise a fresh copy.
     */
    public float[] data() {
        return values();
    }

    /** Whether {@link #data()} is the live storage: offset 0, row-major strides, and no other elements. */
    public boolean isContiguous() {
        return contiguous;
    }

    /** The distance in storage between neighbours along each dimension. */
    public int[] strides() {
        return strides.clone();
    }

    /** This tensor if it {@link #isContiguous()}, otherwise a contiguous copy that passes gradients straight back. */
    public Tensor contiguous() {
        if (contiguous) {
            return this;
        }
        Tensor self = this;
        return derived("contiguous", values(), shape, g -> add(g, self.gradientBuffer()), this);
    }

    public float item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs a tensor of one element, this one has shape " + Arrays.toString(shape));
        }
        return data[offset];
    }

    public float get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a tensor of shape " + Arrays.toString(shape));
        }
        int at = offset;
        for (int d = 0; d < index.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape " + Arrays.toString(shape));
            }
            at += index[d] * strides[d];
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
            grad = new float[size()];
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
        float[] v = values();
        String values = v.length <= 8 ? Arrays.toString(v) : Arrays.toString(Arrays.copyOf(v, 8)).replace("]", ", …]");
        return "Tensor" + Arrays.toString(shape) + (requiresGrad ? " (grad)" : "") + " " + values;
    }

    // ---- backward ----

    /** Back-propagates from this scalar: every tensor it depends on that requires gradients gets d(this)/d(tensor) added. */
    public void backward() {
        if (size() != 1) {
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
        backward(outputGrad.values());
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
        float[] a = values();
        float[] b = o.values();
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
        float[] x = values();
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.apply(x[i]);
        }
        Tensor self = this;
        return derived(name, r, shape, g -> {
            float[] gx = self.gradientBuffer();
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * d.at(x[i], r[i]);
            }
        }, this);
    }

    public Tensor relu() {
        float[] x = values();
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.max(x[i], 0f);
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
        for (float v : values()) {
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
        int n = size();
        if (n == 0) {
            throw new IllegalStateException("mean of an empty tensor (shape " + Arrays.toString(shape) + ")");
        }
        return sum().mul(1f / n);
    }

    /** The sums along dimension {@code dim}, which is removed from the shape. */
    public Tensor sum(int dim) {
        return reduce("sum", dim, false);
    }

    /** The means along dimension {@code dim}, which is removed from the shape. */
    public Tensor mean(int dim) {
        return reduce("mean", dim, true);
    }

    /**
     * The largest elements along dimension {@code dim}, which is removed from the shape. The
     * gradient flows to the first largest of each run; NaN counts as largest, as in PyTorch.
     */
    public Tensor max(int dim) {
        return extremum("max", dim, true);
    }

    /** The smallest elements along dimension {@code dim}, as {@link #max(int)}. */
    public Tensor min(int dim) {
        return extremum("min", dim, false);
    }

    /** The position along dimension {@code dim} of each largest element (the first of ties), row-major over the other dimensions. */
    public int[] argmax(int dim) {
        return extremeIndex("argmax", dim, true);
    }

    /** The position along dimension {@code dim} of each smallest element, as {@link #argmax(int)}. */
    public int[] argmin(int dim) {
        return extremeIndex("argmin", dim, false);
    }

    private Tensor extremum(String name, int dim, boolean largest) {
        int d = Shape.axis(name, dim, shape);
        int[] index = extremeIndex(name, d, largest);
        int inner = Shape.after(shape, d);
        int n = shape[d];
        float[] x = values();
        float[] r = new float[index.length];
        int[] at = new int[index.length];
        for (int j = 0; j < index.length; j++) {
            at[j] = (j / inner * n + index[j]) * inner + j % inner;
            r[j] = x[at[j]];
        }
        Tensor self = this;
        return derived(name, r, Layout.without(shape, d), g -> {
            float[] gx = self.gradientBuffer();
            for (int j = 0; j < at.length; j++) {
                gx[at[j]] += g[j];
            }
        }, this);
    }

    private int[] extremeIndex(String name, int dim, boolean largest) {
        int d = Shape.axis(name, dim, shape);
        int n = shape[d];
        int outer = Shape.before(shape, d);
        int inner = Shape.after(shape, d);
        if (n == 0 && outer * inner > 0) {
            throw new IllegalArgumentException(name + ": dimension " + d + " of shape " + Arrays.toString(shape) + " is empty");
        }
        float[] x = values();
        int[] best = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                int arg = 0;
                float v = x[base];
                for (int k = 1; k < n && !Float.isNaN(v); k++) {
                    float c = x[base + k * inner];
                    if (Float.isNaN(c) || (largest ? c > v : c < v)) {
                        v = c;
                        arg = k;
                    }
                }
                best[o * inner + i] = arg;
            }
        }
        return best;
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
        float[] data = values();
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

    // ---- shape and views ----

    /**
     * The same elements in another shape of the same size; one dimension may be −1 (inferred).
     * A tensor whose elements lie in row-major order is viewed in place; any other is copied.
     */
    public Tensor reshape(int... newShape) {
        int size = size();
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
            fits = known > 0 && size % known == 0;
            if (fits) {
                s[infer] = (int) (size / known);
            }
        } else {
            fits = Arrays.stream(s).allMatch(d -> d >= 0) && known == size;
        }
        if (!fits) {
            throw new IllegalArgumentException("reshape: shape " + Arrays.toString(shape) + " (" + size
                    + " elements) cannot be seen as " + Arrays.toString(newShape));
        }
        Tensor self = this;
        Backward back = g -> add(g, self.gradientBuffer());
        if (Layout.rowMajor(shape, strides)) {
            return view("reshape", s, offset, Shape.strides(s), back);
        }
        return derived("reshape", values(), s, back, this);
    }

    /** The transpose of a matrix (rank 2), a view. */
    public Tensor transpose() {
        requireRank("transpose", 2);
        return transpose(0, 1);
    }

    /** This tensor with dimensions {@code d0} and {@code d1} swapped, a view. */
    public Tensor transpose(int d0, int d1) {
        int a = Shape.axis("transpose", d0, shape);
        int b = Shape.axis("transpose", d1, shape);
        int[] order = new int[shape.length];
        for (int d = 0; d < order.length; d++) {
            order[d] = d == a ? b : d == b ? a : d;
        }
        return permute("transpose", order);
    }

    /** This tensor with its dimensions reordered: dimension d of the result is dimension {@code order[d]} of this one; a view. */
    public Tensor permute(int... order) {
        boolean[] seen = new boolean[shape.length];
        boolean valid = order.length == shape.length;
        for (int i = 0; valid && i < order.length; i++) {
            valid = order[i] >= 0 && order[i] < shape.length && !seen[order[i]];
            if (valid) {
                seen[order[i]] = true;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(order) + " is not an ordering of the "
                    + shape.length + " dimensions of shape " + Arrays.toString(shape));
        }
        return permute("permute", order.clone());
    }

    private Tensor permute(String name, int[] order) {
        int[] s = new int[order.length];
        int[] st = new int[order.length];
        int[] gs = new int[order.length];
        int[] rowMajor = Shape.strides(shape);
        for (int d = 0; d < order.length; d++) {
            s[d] = shape[order[d]];
            st[d] = strides[order[d]];
            gs[d] = rowMajor[order[d]];
        }
        Tensor self = this;
        return view(name, s, offset, st, g -> Layout.scatterAdd(g, self.gradientBuffer(), 0, gs, s));
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) along dimension {@code dim}, a view. */
    public Tensor slice(int dim, int from, int to) {
        int d = Shape.axis("slice", dim, shape);
        if (from < 0 || to > shape[d] || from > to) {
            throw new IllegalArgumentException("slice: range [" + from + ", " + to + ") is outside dimension " + d + " of shape "
                    + Arrays.toString(shape) + " (size " + shape[d] + ")");
        }
        int[] s = shape.clone();
        s[d] = to - from;
        int[] gs = Shape.strides(shape);
        int gOffset = from * gs[d];
        Tensor self = this;
        return view("slice", s, offset + from * strides[d], strides, g -> Layout.scatterAdd(g, self.gradientBuffer(), gOffset, gs, s));
    }

    /** The elements at {@code index} along dimension {@code dim}, which is removed from the shape; a view. */
    public Tensor select(int dim, int index) {
        int d = Shape.axis("select", dim, shape);
        if (index < 0 || index >= shape[d]) {
            throw new IndexOutOfBoundsException("select: index " + index + " is outside dimension " + d + " of shape "
                    + Arrays.toString(shape) + " (size " + shape[d] + ")");
        }
        int[] rowMajor = Shape.strides(shape);
        int[] s = Layout.without(shape, d);
        int[] gs = Layout.without(rowMajor, d);
        int gOffset = index * rowMajor[d];
        Tensor self = this;
        return view("select", s, offset + index * strides[d], Layout.without(strides, d),
                g -> Layout.scatterAdd(g, self.gradientBuffer(), gOffset, gs, s));
    }

    /**
     * This tensor repeated along dimensions of size 1, and along new leading dimensions, to the
     * given shape (−1 keeps a dimension), without copying: NumPy's broadcasting made explicit.
     * The gradient sums over the repeats.
     */
    public Tensor expand(int... newShape) {
        int lead = newShape.length - shape.length;
        if (lead < 0) {
            throw new IllegalArgumentException("expand: shape " + Arrays.toString(shape) + " cannot expand to fewer dimensions "
                    + Arrays.toString(newShape));
        }
        int[] s = new int[newShape.length];
        int[] st = new int[newShape.length];
        int[] gs = new int[newShape.length];
        int[] rowMajor = Shape.strides(shape);
        for (int d = 0; d < newShape.length; d++) {
            int own = d < lead ? 1 : shape[d - lead];
            int want = newShape[d] == -1 && d >= lead ? own : newShape[d];
            if (want < 0 || (own != want && own != 1)) {
                throw new IllegalArgumentException("expand: shape " + Arrays.toString(shape) + " cannot expand to "
                        + Arrays.toString(newShape) + " (dimension " + d + ": " + own + " to " + newShape[d]
                        + "; only dimensions of size 1 repeat)");
            }
            s[d] = want;
            boolean repeated = d < lead || own != want;
            st[d] = repeated ? 0 : strides[d - lead];
            gs[d] = repeated ? 0 : rowMajor[d - lead];
        }
        Tensor self = this;
        return view("expand", s, offset, st, g -> Layout.scatterAdd(g, self.gradientBuffer(), 0, gs, s));
    }

    /** This tensor with a dimension of size 1 inserted at {@code dim} (0 to rank); a view. */
    public Tensor unsqueeze(int dim) {
        int d = dim < 0 ? shape.length + 1 + dim : dim;
        if (d < 0 || d > shape.length) {
            throw new IllegalArgumentException("unsqueeze: dimension " + dim + " is outside 0.." + shape.length + " for shape "
                    + Arrays.toString(shape));
        }
        int[] s = new int[shape.length + 1];
        int[] st = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i == d) {
                s[i] = 1;
                st[i] = j < shape.length ? strides[j] * shape[j] : 1;
            } else {
                s[i] = shape[j];
                st[i] = strides[j++];
            }
        }
        Tensor self = this;
        return view("unsqueeze", s, offset, st, g -> add(g, self.gradientBuffer()));
    }

    /** This tensor without dimension {@code dim}, which must have size 1; a view. */
    public Tensor squeeze(int dim) {
        int d = Shape.axis("squeeze", dim, shape);
        if (shape[d] != 1) {
            throw new IllegalArgumentException("squeeze: dimension " + d + " of shape " + Arrays.toString(shape) + " has size "
                    + shape[d] + ", not 1");
        }
        Tensor self = this;
        return view("squeeze", Layout.without(shape, d), offset, Layout.without(strides, d), g -> add(g, self.gradientBuffer()));
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
            float[] v = t.values();
            int len = t.shape[d] * inner;
            offsets[k] = offset;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(v, o * len, r, o * rowLen + offset, len);
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

    /** A tensor over this one's storage, recorded in the graph when this one requires gradients. */
    private Tensor view(String name, int[] newShape, int newOffset, int[] newStrides, Backward backward) {
        boolean track = requiresGrad && recording();
        return new Tensor(data, newOffset, newStrides, newShape, track, name, track ? new Tensor[] {this} : null,
                track ? backward : null);
    }

    /** The elements in row-major order: the storage itself when contiguous. */
    private float[] values() {
        if (contiguous) {
            return data;
        }
        return Layout.gather(data, offset, strides, shape);
    }

    private static void add(float[] g, float[] into) {
        for (int i = 0; i < g.length; i++) {
            into[i] += g[i];
        }
    }

    // ---- linear algebra ----

    /**
     * The matrix product of [m, k] and [k, n], on the SIMD float GEMM. A transposed matrix or a
     * slice of rows is read in place.
     */
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
        if (m == 0 || n == 0 || k == 0) {
            return derived("matmul", c, new int[] {m, n}, g -> { }, this, o);
        }
        Operand a = Operand.of(this);
        Operand b = Operand.of(o);
        Blas.sgemm(a.transposed, b.transposed, m, n, k, 1f, a.values, a.offset, a.ld, b.values, b.offset, b.ld, 0f, c, 0, n);
        Tensor self = this;
        return derived("matmul", c, new int[] {m, n}, g -> {
            if (self.requiresGrad) {
                Blas.sgemm(false, !b.transposed, m, k, n, 1f, g, 0, n, b.values, b.offset, b.ld, 1f, self.gradientBuffer(), 0, k);
            }
            if (o.requiresGrad) {
                Blas.sgemm(!a.transposed, false, k, n, m, 1f, a.values, a.offset, a.ld, g, 0, n, 1f, o.gradientBuffer(), 0, n);
            }
        }, this, o);
    }

    /** A matrix as GEMM reads it: storage, offset, leading dimension, and whether it is stored transposed. */
    private record Operand(float[] values, int offset, int ld, boolean transposed) {
        static Operand of(Tensor t) {
            int rows = t.shape[0];
            int cols = t.shape[1];
            int s0 = t.strides[0];
            int s1 = t.strides[1];
            if ((s1 == 1 || cols == 1) && (s0 >= cols || rows == 1)) {
                return new Operand(t.data, t.offset, rows == 1 ? cols : s0, false);
            }
            if ((s0 == 1 || rows == 1) && (s1 >= rows || cols == 1)) {
                return new Operand(t.data, t.offset, cols == 1 ? rows : s1, true);
            }
            return new Operand(t.values(), 0, cols, false);
        }
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
        float[] x = values();
        float[] w = weight.values();
        float[] y = new float[rows * out];
        if (bias != null) {
            float[] b = bias.values();
            for (int i = 0; i < rows; i++) {
                System.arraycopy(b, 0, y, i * out, out);
            }
        }
        if (rows > 0 && out > 0 && in > 0) {
            Blas.sgemm(false, true, rows, out, in, 1f, x, 0, in, w, 0, in, bias == null ? 0f : 1f, y, 0, out);
        }
        Tensor self = this;
        Tensor[] inputs = bias == null ? new Tensor[] {this, weight} : new Tensor[] {this, weight, bias};
        return derived("linear", y, new int[] {rows, out}, g -> {
            if (rows == 0 || out == 0) {
                return;
            }
            if (self.requiresGrad && in > 0) {
                Blas.sgemm(false, false, rows, in, out, 1f, g, 0, out, w, 0, in, 1f, self.gradientBuffer(), 0, in);
            }
            if (weight.requiresGrad && in > 0) {
                Blas.sgemm(true, false, out, in, rows, 1f, g, 0, out, x, 0, in, 1f, weight.gradientBuffer(), 0, in);
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
        float[] y = new float[size()];
        Softmax.rows(values(), y, c);
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
        float[] data = values();
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
