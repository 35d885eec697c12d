package dev.kiln.learn.ensemble;

import dev.kiln.core.parallel.Parallelism;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.TreeArrays;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * Grows one regression tree on gradients and hessians over binned features, leaf-wise as
 * LightGBM (Ke et al., "LightGBM: A Highly Efficient Gradient Boosting Decision Tree", NeurIPS
 * 2017) and scikit-learn's {@code HistGradientBoosting}: the splittable node whose best split
 * gains most is split next. A node's histogram holds, per feature and bin, the sums of the
 * gradients and hessians and the row count; the best split of a feature is a scan over its
 * bins, scored by the loss reduction of Newton steps with L2 regularisation (Chen and Guestrin,
 * "XGBoost", KDD 2016, eq. 7). Only the smaller child's histogram is built from its rows; the
 * larger's is the parent's minus the smaller's. Histograms are built feature by feature in
 * parallel.
 *
 * <p>A grower keeps its scratch space from tree to tree; use it from one thread at a time.
 */
final class HistogramGrower {
    /** scikit-learn's {@code min_hessian_to_split}. */
    private static final double MIN_HESSIAN = 1e-3;
    /**
     * Gains this small relative to the children's losses are rounding noise: in a node whose rows
     * all have the same gradient (a pure node under the log loss) every split gains exactly 0.
     */
    private static final double ROUNDING = 1e-10;
    /** Below this many (rows × features), a histogram is built on one thread. */
    private static final long PARALLEL_WORK = 1 << 16;
    /** Nodes of fewer rows are partitioned on one thread. */
    private static final int PARALLEL_PARTITION = 1 << 13;

    private final byte[][] bins;
    private final BinMapper mapper;
    private final int n;
    private final int p;
    private final int[] offset;
    private final int histSize;
    private final Integer maxLeafNodes;
    private final int maxDepth;
    private final int minSamplesLeaf;
    private final double l2;
    private final double learningRate;
    /** Each feature and bin's row count over all rows, at the count positions of a histogram. */
    private final double[] rootCounts;
    private final int[] rows;
    private final int[] buffer;
    private final int[] rightBuffer;
    /** Per parallel part: the gradients and hessians of a node's rows, in the node's row order. */
    private final double[][] orderedG;
    private final double[][] orderedH;
    private final ArrayDeque<double[]> pool = new ArrayDeque<>();

    HistogramGrower(byte[][] bins, BinMapper mapper, GradientBoosting.Params params) {
        this.bins = bins;
        this.mapper = mapper;
        this.p = bins.length;
        this.n = p == 0 ? 0 : bins[0].length;
        this.offset = new int[p + 1];
        for (int f = 0; f < p; f++) {
            offset[f + 1] = offset[f] + 3 * mapper.binCount(f);
        }
        this.histSize = offset[p];
        this.maxLeafNodes = params.maxLeafNodes();
        this.maxDepth = params.maxDepth() == null ? Integer.MAX_VALUE : params.maxDepth();
        this.minSamplesLeaf = params.minSamplesLeaf();
        this.l2 = params.l2Regularization();
        this.learningRate = params.learningRate();
        this.rootCounts = new double[histSize];
        for (int f = 0; f < p; f++) {
            for (byte b : bins[f]) {
                rootCounts[offset[f] + 3 * (b & 0xFF) + 2]++;
            }
        }
        this.rows = new int[n];
        this.buffer = new int[n];
        this.rightBuffer = new int[n];
        this.orderedG = new double[Math.min(p, Parallelism.threads())][];
        this.orderedH = new double[orderedG.length][];
    }

    /** A node of the tree being grown: its rows {@code rows[start, end)}, sums, and best split once found. */
    private static final class Node {
        final int id;
        final int start;
        final int end;
        final int depth;
        final double sumG;
        final double sumH;
        double[] histogram;
        final Split split = new Split();

        Node(int id, int start, int end, int depth, double sumG, double sumH) {
            this.id = id;
            this.start = start;
            this.end = end;
            this.depth = depth;
            this.sumG = sumG;
            this.sumH = sumH;
        }

        int count() {
            return end - start;
        }
    }

    /** A split: feature (−1 for none), bin, gain and the left child's sums. */
    private static final class Split {
        int feature = -1;
        int bin;
        double gain;
        double leftG;
        double leftH;

        /** Takes {@code other} if it gains more (ties keep this one, the lower feature). */
        void takeIfBetter(Split other) {
            if (other.feature >= 0 && (feature < 0 || other.gain > gain)) {
                feature = other.feature;
                bin = other.bin;
                gain = other.gain;
                leftG = other.leftG;
                leftH = other.leftH;
            }
        }
    }

    /**
     * Grows a tree on gradients {@code g} and hessians {@code h} (null when all are 1) and adds
     * its leaf values to {@code raw}, the training rows' raw scores. Leaf values are the Newton
     * steps {@code −G/(H + λ)} times the learning rate.
     */
    Tree grow(double[] g, double[] h, double[] raw) {
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        double sumG = 0;
        double sumH = 0;
        for (int i = 0; i < n; i++) {
            sumG += g[i];
            sumH += h == null ? 1 : h[i];
        }
        TreeArrays tree = new TreeArrays(1);
        Node root = add(tree, 0, n, 0, sumG, sumH);
        ArrayDeque<Node> leaves = new ArrayDeque<>();
        PriorityQueue<Node> splittable = new PriorityQueue<>((a, b) -> a.split.gain != b.split.gain
                ? Double.compare(b.split.gain, a.split.gain) : Integer.compare(a.id, b.id));
        if (n >= 2 * minSamplesLeaf && sumH >= MIN_HESSIAN) {
            root.histogram = borrow();
            histogramsAndSplits(root, true, null, g, h);
            queue(root, splittable, leaves);
        } else {
            leaves.add(root);
        }
        int leafCount = 1;
        while (!splittable.isEmpty()) {
            Node node = splittable.poll();
            Split s = node.split;
            int mid = partition(node);
            Node left = add(tree, node.start, mid, node.depth + 1, s.leftG, s.leftH);
            Node right = add(tree, mid, node.end, node.depth + 1, node.sumG - s.leftG, node.sumH - s.leftH);
            tree.setSplit(node.id, s.feature, mapper.edge(s.feature, s.bin), left.id, right.id);
            leafCount++;
            boolean last = maxLeafNodes != null && leafCount == maxLeafNodes;
            boolean splitLeft = !last && left.depth < maxDepth && left.count() >= 2 * minSamplesLeaf;
            boolean splitRight = !last && right.depth < maxDepth && right.count() >= 2 * minSamplesLeaf;
            if (splitLeft || splitRight) {
                Node small = left.count() < right.count() ? left : right;
                Node large = small == left ? right : left;
                boolean splitLarge = large == left ? splitLeft : splitRight;
                small.histogram = borrow();
                if (splitLarge) {
                    large.histogram = node.histogram;
                    node.histogram = null;
                }
                histogramsAndSplits(small, small == left ? splitLeft : splitRight, splitLarge ? large : null, g, h);
            }
            release(node);
            queue(left, splittable, leaves);
            queue(right, splittable, leaves);
            if (last) {
                for (Node rest : splittable) {
                    release(rest);
                    leaves.add(rest);
                }
                splittable.clear();
            }
        }
        for (Node leaf : leaves) {
            double v = value(leaf.sumG, leaf.sumH) * learningRate;
            for (int i = leaf.start; i < leaf.end; i++) {
                raw[rows[i]] += v;
            }
        }
        return tree.toTree();
    }

    private Node add(TreeArrays tree, int start, int end, int depth, double sumG, double sumH) {
        int id = tree.addNode(new double[] {value(sumG, sumH) * learningRate}, Double.NaN, end - start, sumH);
        return new Node(id, start, end, depth, sumG, sumH);
    }

    /** The Newton step of a node, as scikit-learn's {@code compute_node_value}. */
    private double value(double sumG, double sumH) {
        return -sumG / (sumH + l2 + 1e-15);
    }

    /** Queues a node with a split for splitting; makes any other node a leaf. */
    private void queue(Node node, PriorityQueue<Node> splittable, ArrayDeque<Node> leaves) {
        if (node.split.feature >= 0) {
            splittable.add(node);
        } else {
            release(node);
            leaves.add(node);
        }
    }

    /**
     * Builds {@code built}'s histogram from its rows and, when {@code derived} (its sibling,
     * holding their parent's histogram) is given, turns the parent's into the sibling's by
     * subtraction; then finds the best split of each node that may split. Feature ranges run in
     * parallel, each doing all of this for its features; the best splits are then compared in
     * feature order.
     */
    private void histogramsAndSplits(Node built, boolean splitBuilt, Node derived, double[] g, double[] h) {
        int start = built.start;
        int end = built.end;
        boolean all = start == 0 && end == n;
        long work = (long) (derived == null ? end - start : n) * p;
        int parts = work < PARALLEL_WORK ? 1 : orderedG.length;
        Split[] builtBest = new Split[parts];
        Split[] derivedBest = new Split[parts];
        Parallelism.forEachPart(parts, part -> {
            Split b = new Split();
            Split d = new Split();
            double[] og = all ? g : gather(g, orderedG, part, start, end);
            double[] oh = all || h == null ? h : gather(h, orderedH, part, start, end);
            for (int f = part * p / parts; f < (part + 1) * p / parts; f++) {
                int o = offset[f];
                java.util.Arrays.fill(built.histogram, o, offset[f + 1], 0.0);
                if (all) {
                    accumulateRoot(f, og, oh, built.histogram);
                } else {
                    accumulate(bins[f], rows, start, end, og, oh, built.histogram, o);
                }
                if (splitBuilt) {
                    bestBin(built, f, h == null, b);
                }
                if (derived != null) {
                    for (int i = o; i < offset[f + 1]; i++) {
                        derived.histogram[i] -= built.histogram[i];
                    }
                    bestBin(derived, f, h == null, d);
                }
            }
            builtBest[part] = b;
            derivedBest[part] = d;
        });
        for (int part = 0; part < parts; part++) {
            built.split.takeIfBetter(builtBest[part]);
            if (derived != null) {
                derived.split.takeIfBetter(derivedBest[part]);
            }
        }
    }

    /**
     * Copies {@code values} of rows {@code rows[start, end)} into part {@code part}'s ordered
     * array (each part takes its own copy: copying is cheap next to a part's histograms, and
     * spares a second round of parallel tasks).
     */
    private double[] gather(double[] values, double[][] ordered, int part, int start, int end) {
        if (ordered[part] == null) {
            ordered[part] = new double[n];
        }
        double[] out = ordered[part];
        for (int i = start; i < end; i++) {
            out[i - start] = values[rows[i]];
        }
        return out;
    }

    /**
     * Offers {@code best} the best bin to split feature f of the node at: both children need
     * {@code minSamplesLeaf} rows and a hessian sum of at least 1e−3, and the gain
     * {@code G·v − G_l·v_l − G_r·v_r} (v the Newton steps) must be positive beyond rounding.
     * Empty bins are passed over: a split after one separates the same rows as after the bin before.
     */
    private void bestBin(Node node, int f, boolean constantHessian, Split best) {
        double[] hist = node.histogram;
        double lossNode = node.sumG * value(node.sumG, node.sumH);
        int count = node.count();
        int o = offset[f];
        int last = mapper.binCount(f) - 1;
        double gl = 0;
        double hl = 0;
        int nl = 0;
        for (int b = 0; b < last; b++) {
            int at = o + 3 * b;
            double c = hist[at + 2];
            if (c == 0) {
                continue;
            }
            nl += (int) c;
            gl += hist[at];
            hl += constantHessian ? c : hist[at + 1];
            int nr = count - nl;
            if (nl < minSamplesLeaf || hl < MIN_HESSIAN) {
                continue;
            }
            double hr = node.sumH - hl;
            if (nr < minSamplesLeaf || hr < MIN_HESSIAN) {
                break;
            }
            double gr = node.sumG - gl;
            double lossLeft = gl * value(gl, hl);
            double lossRight = gr * value(gr, hr);
            double gain = lossNode - lossLeft - lossRight;
            if (gain > 0 && (best.feature < 0 || gain > best.gain)
                    && gain > ROUNDING * (Math.abs(lossLeft) + Math.abs(lossRight))) {
                best.feature = f;
                best.bin = b;
                best.gain = gain;
                best.leftG = gl;
                best.leftH = hl;
            }
        }
    }

    /**
     * The root's sums for feature f, over every row in order. The counts are the same for every
     * tree, so they are copied from {@link #rootCounts} rather than added up.
     */
    private void accumulateRoot(int f, double[] g, double[] h, double[] hist) {
        byte[] col = bins[f];
        int o = offset[f];
        if (h == null) {
            for (int i = 0; i < n; i++) {
                hist[o + 3 * (col[i] & 0xFF)] += g[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                int at = o + 3 * (col[i] & 0xFF);
                hist[at] += g[i];
                hist[at + 1] += h[i];
            }
        }
        for (int at = o + 2; at < offset[f + 1]; at += 3) {
            hist[at] = rootCounts[at];
        }
    }

    private static void accumulate(byte[] col, int[] rows, int start, int end, double[] og, double[] oh,
                                   double[] hist, int o) {
        if (oh == null) {
            for (int i = start; i < end; i++) {
                int at = o + 3 * (col[rows[i]] & 0xFF);
                hist[at] += og[i - start];
                hist[at + 2] += 1;
            }
        } else {
            for (int i = start; i < end; i++) {
                int at = o + 3 * (col[rows[i]] & 0xFF);
                hist[at] += og[i - start];
                hist[at + 1] += oh[i - start];
                hist[at + 2] += 1;
            }
        }
    }

    /**
     * Stably moves the node's rows whose split feature is at most the split bin to the front;
     * returns where the others start. Large nodes are partitioned in parallel parts, each
     * sorting its rows into two buffers, then copied back in part order.
     */
    private int partition(Node node) {
        byte[] col = bins[node.split.feature];
        int b = node.split.bin;
        int count = node.count();
        int parts = count < PARALLEL_PARTITION ? 1 : Parallelism.threads();
        int[] lefts = new int[parts];
        int[] rights = new int[parts];
        Parallelism.forEachPart(parts, part -> {
            int from = node.start + (int) ((long) count * part / parts);
            int to = node.start + (int) ((long) count * (part + 1) / parts);
            int l = from;
            int r = from;
            for (int i = from; i < to; i++) {
                int row = rows[i];
                int toLeft = (col[row] & 0xFF) <= b ? 1 : 0;
                buffer[l] = row;
                rightBuffer[r] = row;
                l += toLeft;
                r += 1 - toLeft;
            }
            lefts[part] = l - from;
            rights[part] = r - from;
        });
        int[] leftAt = new int[parts];
        int[] rightAt = new int[parts];
        int at = node.start;
        for (int part = 0; part < parts; part++) {
            leftAt[part] = at;
            at += lefts[part];
        }
        int mid = at;
        for (int part = 0; part < parts; part++) {
            rightAt[part] = at;
            at += rights[part];
        }
        Parallelism.forEachPart(parts, part -> {
            int from = node.start + (int) ((long) count * part / parts);
            System.arraycopy(buffer, from, rows, leftAt[part], lefts[part]);
            System.arraycopy(rightBuffer, from, rows, rightAt[part], rights[part]);
        });
        return mid;
    }

    private double[] borrow() {
        return pool.isEmpty() ? new double[histSize] : pool.pop();
    }

    private void release(Node node) {
        if (node.histogram != null) {
            pool.push(node.histogram);
            node.histogram = null;
        }
    }
}
