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
    private final int[] rows;
    private final int[] buffer;
    private final double[] orderedG;
    private final double[] orderedH;
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
        this.rows = new int[n];
        this.buffer = new int[n];
        this.orderedG = new double[n];
        this.orderedH = new double[n];
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
        int feature = -1;
        int bin;
        double gain;
        double leftG;
        double leftH;
        int leftCount;

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
        PriorityQueue<Node> splittable = new PriorityQueue<>((a, b) -> a.gain != b.gain
                ? Double.compare(b.gain, a.gain) : Integer.compare(a.id, b.id));
        if (n >= 2 * minSamplesLeaf && sumH >= MIN_HESSIAN) {
            root.histogram = histogram(root, g, h);
            consider(root, h == null, splittable, leaves);
        } else {
            leaves.add(root);
        }
        int leafCount = 1;
        while (!splittable.isEmpty()) {
            Node node = splittable.poll();
            int mid = partition(node);
            Node left = add(tree, node.start, mid, node.depth + 1, node.leftG, node.leftH);
            Node right = add(tree, mid, node.end, node.depth + 1, node.sumG - node.leftG, node.sumH - node.leftH);
            tree.setSplit(node.id, node.feature, mapper.edge(node.feature, node.bin), left.id, right.id);
            leafCount++;
            boolean last = maxLeafNodes != null && leafCount == maxLeafNodes;
            boolean splitLeft = !last && left.depth < maxDepth && left.count() >= 2 * minSamplesLeaf;
            boolean splitRight = !last && right.depth < maxDepth && right.count() >= 2 * minSamplesLeaf;
            if (splitLeft || splitRight) {
                Node small = left.count() < right.count() ? left : right;
                Node large = small == left ? right : left;
                small.histogram = histogram(small, g, h);
                large.histogram = node.histogram;
                subtract(large.histogram, small.histogram);
                node.histogram = null;
            }
            release(node);
            for (Node child : new Node[] {left, right}) {
                if (child == left ? splitLeft : splitRight) {
                    consider(child, h == null, splittable, leaves);
                } else {
                    release(child);
                    leaves.add(child);
                }
            }
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

    /** Finds the node's best split; queues it when it gains, else makes the node a leaf. */
    private void consider(Node node, boolean constantHessian, PriorityQueue<Node> splittable, ArrayDeque<Node> leaves) {
        findSplit(node, constantHessian);
        if (node.feature >= 0) {
            splittable.add(node);
        } else {
            release(node);
            leaves.add(node);
        }
    }

    /**
     * The best bin to split each feature at, the best of those kept (ties to the lower feature):
     * both children need {@code minSamplesLeaf} rows and a hessian sum of at least 1e−3, and the
     * gain {@code G·v − G_l·v_l − G_r·v_r} (v the Newton steps) must be positive beyond rounding.
     */
    private void findSplit(Node node, boolean constantHessian) {
        double[] hist = node.histogram;
        double lossNode = node.sumG * value(node.sumG, node.sumH);
        int count = node.count();
        double best = 0;
        for (int f = 0; f < p; f++) {
            int o = offset[f];
            int last = mapper.binCount(f) - 1;
            double gl = 0;
            double hl = 0;
            int nl = 0;
            for (int b = 0; b < last; b++) {
                int at = o + 3 * b;
                double c = hist[at + 2];
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
                if (gain > best && gain > ROUNDING * (Math.abs(lossLeft) + Math.abs(lossRight))) {
                    best = gain;
                    node.feature = f;
                    node.bin = b;
                    node.gain = gain;
                    node.leftG = gl;
                    node.leftH = hl;
                    node.leftCount = nl;
                }
            }
        }
    }

    /** The node's histogram from its rows: per feature and bin, Σg, Σh and the count. */
    private double[] histogram(Node node, double[] g, double[] h) {
        double[] hist = pool.isEmpty() ? new double[histSize] : pool.pop();
        java.util.Arrays.fill(hist, 0.0);
        int start = node.start;
        int end = node.end;
        double[] og;
        double[] oh;
        boolean all = start == 0 && end == n;
        if (all) {
            og = g;
            oh = h;
        } else {
            og = orderedG;
            oh = h == null ? null : orderedH;
            for (int i = start; i < end; i++) {
                og[i - start] = g[rows[i]];
            }
            if (h != null) {
                for (int i = start; i < end; i++) {
                    oh[i - start] = h[rows[i]];
                }
            }
        }
        long work = (long) (end - start) * p;
        int parts = work < PARALLEL_WORK ? 1 : Math.min(p, Parallelism.threads());
        Parallelism.forEachPart(parts, part -> {
            for (int f = part * p / parts; f < (part + 1) * p / parts; f++) {
                byte[] col = bins[f];
                int o = offset[f];
                if (all) {
                    accumulateAll(col, og, oh, hist, o, end);
                } else {
                    accumulate(col, rows, start, end, og, oh, hist, o);
                }
            }
        });
        return hist;
    }

    private static void accumulateAll(byte[] col, double[] g, double[] h, double[] hist, int o, int count) {
        if (h == null) {
            for (int i = 0; i < count; i++) {
                int at = o + 3 * (col[i] & 0xFF);
                hist[at] += g[i];
                hist[at + 2] += 1;
            }
        } else {
            for (int i = 0; i < count; i++) {
                int at = o + 3 * (col[i] & 0xFF);
                hist[at] += g[i];
                hist[at + 1] += h[i];
                hist[at + 2] += 1;
            }
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

    private static void subtract(double[] from, double[] minus) {
        for (int i = 0; i < from.length; i++) {
            from[i] -= minus[i];
        }
    }

    /** Stably moves the node's rows whose split feature is at most the split bin to the front. */
    private int partition(Node node) {
        byte[] col = bins[node.feature];
        int b = node.bin;
        int l = node.start;
        int r = 0;
        for (int i = node.start; i < node.end; i++) {
            int row = rows[i];
            if ((col[row] & 0xFF) <= b) {
                rows[l++] = row;
            } else {
                buffer[r++] = row;
            }
        }
        System.arraycopy(buffer, 0, rows, l, r);
        return l;
    }

    private void release(Node node) {
        if (node.histogram != null) {
            pool.push(node.histogram);
            node.histogram = null;
        }
    }
}
